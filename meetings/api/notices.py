"""Notices of the information regime and their read receipts, as the notice pages show them (views/notices.py).

Reading a notice here records the reader's receipt through the same service as opening its page."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from coordination.api.conditional import etag_for
from coordination.models import Role
from coordination.permissions import member_party_ids
from coordination.security import require

from .. import permissions, selectors, services
from ..models import NoticeKind, NoticeReceipt, NoticeState
from ..selectors.notices import recipient_members
from ..views.common import documents_for, get_notice
from .common import (
    BAD_REQUEST,
    FORBIDDEN,
    ID,
    NOT_FOUND,
    NamedUserSerializer,
    QueryChoiceField,
    WithDocumentsSerializer,
)

RECEIPTS_REFUSED = _("Only the sending body sees who has read its notice.")
BOXES = [("incoming", "incoming"), ("outgoing", "outgoing"), ("unread", "unread")]


class NoticeFilterSerializer(serializers.Serializer):
    """The notice list page's filters (?hop=den|di|chua-doc, ?loai=) under English names."""

    box = QueryChoiceField(BOXES, required=False,
                                  help_text="incoming: đã gửi đến cơ quan của người gọi; outgoing: do cơ quan của "
                                            "người gọi gửi; unread: đến mà người gọi chưa đọc.")
    kind = QueryChoiceField(NoticeKind.choices, required=False)


class NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    sender_party = serializers.IntegerField(source="sender_party_id")
    recipient_party = serializers.IntegerField(source="recipient_party_id")
    kind = serializers.ChoiceField(NoticeKind.choices)
    title = serializers.CharField()
    state = serializers.ChoiceField(NoticeState.choices)
    obligation = serializers.IntegerField(source="obligation_id", allow_null=True,
                                          help_text="Dòng lịch báo cáo mà thông báo này thực hiện.")
    period_start = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
    is_unread = serializers.BooleanField(help_text="Đã gửi đến cơ quan của người gọi và người gọi chưa mở.")
    read_count = serializers.IntegerField(source="shown_read_count", allow_null=True,
                                          help_text="Số người đã đọc (chỉ khi đã gửi).")


class NoticeDetailSerializer(NoticeSerializer, WithDocumentsSerializer):
    summary = serializers.CharField()
    created_by = NamedUserSerializer()
    sent_by = NamedUserSerializer(allow_null=True)
    can_edit = serializers.BooleanField()
    can_send = serializers.BooleanField()
    can_see_receipts = serializers.BooleanField(help_text="Người gọi xem được danh sách đã đọc (cơ quan gửi).")


class ReceiptSerializer(serializers.Serializer):
    """A member in force of the receiving body, and when they first opened the notice."""

    user = NamedUserSerializer()
    role = serializers.ChoiceField(Role.choices)
    read_at = serializers.DateTimeField(allow_null=True)


class ReceiptsSerializer(serializers.Serializer):
    read_count = serializers.IntegerField()
    members = ReceiptSerializer(many=True)


def _list_fields(notice, mine):
    """What the list page computes per row: unread for this reader, the read count once sent."""
    notice.is_unread = notice.is_sent and notice.recipient_party_id in mine and not notice.has_read
    notice.shown_read_count = notice.read_count if notice.is_sent else None
    return notice


@extend_schema_view(
    list=extend_schema(summary="Các thông báo người gọi được xem (bộ lọc như trang hộp thông tin)",
                       parameters=[NoticeFilterSerializer], responses={200: NoticeSerializer(many=True),
                                                                        400: BAD_REQUEST}),
    retrieve=extend_schema(summary="Một thông báo; người nhận mở lần đầu thì được ghi là đã đọc, như trên trang",
                           parameters=[ID], responses={200: NoticeDetailSerializer, 404: NOT_FOUND}),
)
class NoticeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = NoticeSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.visible_notices(self.request.user)

    def list(self, request):
        filters = NoticeFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        box, kind = filters.validated_data.get("box"), filters.validated_data.get("kind")
        qs = selectors.notice_list(request.user, box=box or "", kind=kind or "")
        mine = member_party_ids(request.user)
        page = [_list_fields(n, mine) for n in self.paginate_queryset(qs)]
        return self.get_paginated_response(NoticeSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        user = request.user
        notice = get_notice(request, pk)
        receipt = services.notice_mark_read(user=user, notice=notice)
        notice.has_read = notice.has_read or receipt is not None
        notice.read_count = NoticeReceipt.objects.filter(notice=notice).count()  # this reading included
        _list_fields(notice, member_party_ids(user))
        for name, value in documents_for(user, notice.document_links.select_related("document")).items():
            setattr(notice, name, value)
        notice.can_edit = permissions.can_edit_notice(user, notice)
        notice.can_send = permissions.can_send_notice(user, notice)
        notice.can_see_receipts = permissions.can_see_read_receipts(user, notice) and notice.is_sent
        data = NoticeDetailSerializer(notice).data
        return Response(data, headers={"ETag": etag_for(data)})

    @extend_schema(summary="Ai trong cơ quan nhận đã đọc thông báo (chỉ cơ quan gửi xem được)",
                   parameters=[ID], responses={200: ReceiptsSerializer, 403: FORBIDDEN, 404: NOT_FOUND})
    @action(detail=True, pagination_class=None)
    def receipts(self, request, pk=None):
        notice = get_notice(request, pk)
        require(permissions.can_see_read_receipts(request.user, notice), RECEIPTS_REFUSED)
        receipts = {r.user_id: r for r in notice.receipts.all()}
        members = [{"user": m.user, "role": m.role, "read_at": getattr(receipts.get(m.user_id), "read_at", None)}
                   for m in recipient_members(notice)] if notice.is_sent else []
        data = {"read_count": sum(1 for m in members if m["read_at"]), "members": members}
        return Response(ReceiptsSerializer(data).data)
