"""/api/v1/requests/: the list (the page's filters), the detail, drafts and every workflow step.

Mirrors coordination.views.requests: the same filter form, selector, permission checks, forms and services;
nothing here decides who may do what."""

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ... import permissions
from ...forms.requests import AcknowledgeForm, ResponseForm
from ...models import CoordinationRequest, RequestKind, Role
from ...security import require
from ...selectors import parties as party_selectors
from ...selectors import requests as request_selectors
from ...services import requests as request_services
from ..conditional import ConditionalUpdateMixin, check_if_match, etag_for
from .drafts import RequestWriteSerializer
from .forms import ListFilterSerializer, StepSerializer, as_form_data, check_form, list_filters
from .lookup import request_or_404
from .schema import ID, errors
from .serializers import RequestDetailSerializer, RequestListSerializer


@extend_schema_view(
    list=extend_schema(summary="Danh sách đề nghị phối hợp (cùng bộ lọc và tìm kiếm không dấu như trang)",
                       parameters=[ListFilterSerializer],
                       responses={200: RequestListSerializer(many=True), **errors(400)}),
    retrieve=extend_schema(parameters=[ID],
                           summary="Một đề nghị phối hợp, kèm các bước người gọi được thực hiện (có ETag)",
                           responses={200: RequestDetailSerializer, **errors(404)}),
    create=extend_schema(summary="Tạo dự thảo đề nghị phối hợp", request=RequestWriteSerializer,
                         responses={201: RequestDetailSerializer, **errors(400, 403)}),
    update=extend_schema(parameters=[ID], summary="Sửa dự thảo (bắt buộc If-Match)", request=RequestWriteSerializer,
                         responses={200: RequestDetailSerializer, **errors(400, 403, 404, 412, 428)}),
    partial_update=extend_schema(parameters=[ID], summary="Sửa một phần dự thảo (bắt buộc If-Match)",
                                 request=RequestWriteSerializer,
                                 responses={200: RequestDetailSerializer, **errors(400, 403, 404, 412, 428)}),
)
class RequestViewSet(ConditionalUpdateMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                     mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """Đề nghị phối hợp, với đúng quyền của người gọi như trên các trang: không được xem → 404, không được
    làm → 403 (cả hai đều được ghi vào nhật ký an ninh), sai trạng thái → 409."""

    queryset = CoordinationRequest.objects.none()  # every read goes through the selectors below
    lookup_value_regex = "[^/]+"  # any id reaches request_or_404, which answers 404 in the error format

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return RequestWriteSerializer
        return RequestDetailSerializer if self.action != "list" else RequestListSerializer

    def get_object(self):
        req = request_or_404(self.request, self.kwargs["pk"])
        if self.action in ("update", "partial_update"):
            require(permissions.can_edit_request(self.request.user, req))
        return req

    def list(self, request, *args, **kwargs):
        filters = list_filters(request.query_params)
        page = self.paginate_queryset(request_selectors.request_list(user=request.user, **filters))
        return self.get_paginated_response(RequestListSerializer(page, many=True).data)

    def create(self, request, *args, **kwargs):
        require(permissions.can_create_request(request.user))
        response = super().create(request, *args, **kwargs)
        response["ETag"] = etag_for(response.data)
        return response

    @extend_schema(parameters=[ID], summary="Thực hiện một bước của quy trình (như các nút trên trang đề nghị)",
                   request=StepSerializer,
                   responses={200: RequestDetailSerializer, **errors(400, 403, 404, 409, 412)})
    @action(detail=True, methods=["post"])
    def transitions(self, request, pk=None):
        req = self.get_object()
        step = StepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        name = step.validated_data["action"]
        require(permissions.may_act(request.user, req, name))
        with transaction.atomic():
            if request.headers.get("If-Match"):  # optional here: compared under the row lock
                CoordinationRequest.objects.select_for_update().filter(pk=req.pk).exists()
                req.refresh_from_db()
                check_if_match(request, self.get_serializer(req).data, required=False)
            _take_step(request.user, req, name, step.validated_data)
        data = self.get_serializer(request_or_404(request, req.pk)).data
        return Response(data, headers={"ETag": etag_for(data)})


def _take_step(user, req, name, data):
    """The page's three step forms: acknowledge (officers), the response draft, and the buttons."""
    if name == "acknowledge":
        form = AcknowledgeForm(
            as_form_data({key: data.get(key) for key in ("officers", "consulted_leaders", "comment")}),
            officers_qs=party_selectors.party_members(req.requested_party, Role.STAFF, Role.LEADER),
            leaders_qs=party_selectors.party_members(req.requested_party, Role.LEADER),
            ask_opinions=req.kind == RequestKind.OPINION,
        )
        cleaned = check_form(form)
        request_services.request_acknowledge(by=user, creq=req, officers=list(cleaned["officers"]),
                                             consulted_leaders=list(cleaned.get("consulted_leaders") or []),
                                             comment=cleaned["comment"])
    elif name == "draft_response":
        cleaned = check_form(ResponseForm(as_form_data({"response_content": data.get("response_content")})))
        request_services.request_save_response(by=user, creq=req, response_content=cleaned["response_content"])
    else:
        request_services.STEP_SERVICES[name](by=user, creq=req, comment=data["comment"])

