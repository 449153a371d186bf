"""Bounded pages for every API list: `?page=N&page_size=M` (at most 100 rows), counted no further than needed."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from ..paging import CappedPaginator

MAX_PAGE_SIZE = 100


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = CappedPaginator(queryset, self.get_page_size(request))
        self.page = paginator.get_page(request.query_params.get(self.page_query_param))
        return list(self.page)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response({
            "count": min(paginator.count, paginator.limit),
            "count_is_lower_bound": paginator.capped,
            "page": self.page.number,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_is_lower_bound", "page", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Số bản ghi (tối thiểu, nếu count_is_lower_bound)."},
                "count_is_lower_bound": {
                    "type": "boolean", "description": "Có nhiều bản ghi hơn con số đếm: danh sách không được đếm hết.",
                },
                "page": {"type": "integer"},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }
