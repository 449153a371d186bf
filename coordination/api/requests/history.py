"""A request's history over the API: the page's history tab (`selectors.requests.request_history`, the same
hidden response draft and hidden documents), newest first, in pages."""

from django.core.paginator import Paginator
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from ...selectors import requests as request_selectors
from ..pagination import Pagination
from ..parties import PersonSerializer
from .lookup import request_or_404
from .schema import ID, errors


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.CharField()
    new = serializers.CharField()


class HistoryEntrySerializer(serializers.Serializer):
    time = serializers.DateTimeField()
    user = PersonSerializer(allow_null=True)
    type = serializers.CharField(help_text="Tạo / Sửa / Xóa (theo ngôn ngữ của người gọi).")
    reason = serializers.CharField(help_text="Bước hoặc thao tác đã làm ra thay đổi.")
    subject = serializers.CharField(help_text="Đối tượng: đề nghị, trao đổi, ý kiến, tài liệu đính kèm.")
    changes = HistoryChangeSerializer(many=True)

    def to_representation(self, entry):
        changes = [{"field": str(label), "old": old, "new": new} for label, old, new in entry["changes"]]
        return super().to_representation({**entry, "type": str(entry["type"]), "reason": str(entry["reason"]),
                                          "subject": str(entry["subject"]), "changes": changes})


class HistoryPagination(Pagination):
    """The history is built in memory (a few reads merged), so it is counted whole, as on the page."""

    page_size = 50

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = Paginator(queryset, self.get_page_size(request)).get_page(
            request.query_params.get(self.page_query_param))
        return list(self.page)

    def get_paginated_response(self, data):
        return Response({
            "count": self.page.paginator.count, "count_is_lower_bound": False, "page": self.page.number,
            "next": self.get_next_link(), "previous": self.get_previous_link(), "results": data,
        })


class RequestHistoryView(generics.GenericAPIView):
    """Như thẻ “Lịch sử”: ẩn các thay đổi của dự thảo trả lời và tài liệu mà người gọi không được xem."""

    serializer_class = HistoryEntrySerializer
    pagination_class = HistoryPagination

    @extend_schema(parameters=[ID], summary="Lịch sử thay đổi của đề nghị (như thẻ “Lịch sử” trên trang), mới trước",
                   responses={200: HistoryEntrySerializer(many=True), **errors(404)})
    def get(self, request, pk):
        req = request_or_404(request, pk)
        page = self.paginate_queryset(request_selectors.request_history(user=request.user, req=req))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
