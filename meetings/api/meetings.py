"""Meetings, their minutes and conclusions (read), as the meeting pages show them (views/meetings.py)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from coordination.api.conditional import etag_for

from .. import permissions, selectors
from ..models import ApprovalDecision, AttendanceStatus, MeetingKind, MeetingState, MinutesState
from ..views.common import documents_for, get_meeting
from .common import (
    BAD_REQUEST,
    ID,
    NOT_FOUND,
    NamedUserSerializer,
    QueryBooleanField,
    QueryChoiceField,
    WithDocumentsSerializer,
)

NO_MINUTES = _("The minutes have not been drafted yet.")
WHEN = [("upcoming", "upcoming"), ("past", "past"), ("all", "all")]


class MeetingFilterSerializer(serializers.Serializer):
    """The meeting list page's filters (?khi=, ?loai=, ?cua-toi=1) under English names."""

    when = QueryChoiceField(WHEN, default="upcoming",
                                   help_text="upcoming: chưa kết thúc (sớm nhất trước); past: đã qua (mới nhất trước).")
    kind = QueryChoiceField(MeetingKind.choices, required=False)
    mine = QueryBooleanField(default=False, help_text="Chỉ các cuộc họp người gọi được mời.")


class MeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(MeetingKind.choices)
    title = serializers.CharField()
    convening_party = serializers.IntegerField(source="convening_party_id")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField()
    state = serializers.ChoiceField(MeetingState.choices)
    minutes_state = serializers.ChoiceField(MinutesState.choices, source="minutes_or_none.state",
                                            allow_null=True)


class ApprovalSerializer(serializers.Serializer):
    round = serializers.IntegerField()
    party = serializers.IntegerField(source="party_id")
    decided_by = NamedUserSerializer()
    decision = serializers.ChoiceField(ApprovalDecision.choices)
    comment = serializers.CharField()
    decided_at = serializers.DateTimeField()


class MinutesSerializer(serializers.Serializer):
    """The minutes as the meeting page shows them to everyone who may see the meeting, in every state."""

    state = serializers.ChoiceField(MinutesState.choices)
    content = serializers.CharField()
    round = serializers.IntegerField(help_text="Vòng duyệt hiện tại (tăng mỗi lần trình duyệt).")
    drafted_by = NamedUserSerializer()
    submitted_at = serializers.DateTimeField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    approvals = ApprovalSerializer(many=True, source="approvals.all")
    approvable_parties = serializers.ListField(
        child=serializers.IntegerField(), help_text="Các cơ quan người gọi có thể duyệt hoặc trả lại cho (vòng này).")


class ConclusionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    order = serializers.IntegerField()
    text = serializers.CharField()
    area = serializers.IntegerField(source="area_id")
    owner_party = serializers.IntegerField(source="owner_party_id")
    deadline = serializers.DateField()
    has_request = serializers.BooleanField(help_text="Đã tạo đề nghị phối hợp từ kết luận này.")
    request = serializers.IntegerField(source="visible_request_id", allow_null=True,
                                       help_text="Đề nghị phối hợp, nếu người gọi được xem.")
    can_create_request = serializers.BooleanField()


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    order = serializers.IntegerField()
    title = serializers.CharField()
    area = serializers.IntegerField(source="area_id")
    presenter_party = serializers.IntegerField(source="presenter_party_id", allow_null=True)
    notes = serializers.CharField()
    requests = serializers.ListField(child=serializers.IntegerField(), source="visible_request_ids",
                                     help_text="Chỉ các đề nghị người gọi được xem.")


class InvitationSerializer(serializers.Serializer):
    user = NamedUserSerializer()
    party = serializers.IntegerField(source="party_id")
    attendance = serializers.ChoiceField(AttendanceStatus.choices)
    absence_reason = serializers.CharField()
    represented_by = serializers.CharField()


class MeetingDetailSerializer(MeetingSerializer, WithDocumentsSerializer):
    chair = NamedUserSerializer()
    description = serializers.CharField()
    cancel_reason = serializers.CharField()
    agenda = AgendaItemSerializer(many=True)
    invitations = InvitationSerializer(many=True, source="invitations.all")
    minutes = MinutesSerializer(source="minutes_or_none", allow_null=True)
    conclusions = ConclusionSerializer(many=True, source="conclusion_rows")
    can_change = serializers.BooleanField()
    can_cancel = serializers.BooleanField()
    can_record_attendance = serializers.BooleanField()
    can_edit_minutes = serializers.BooleanField()
    can_submit_minutes = serializers.BooleanField()
    can_attach_document = serializers.BooleanField()


# The reader's permissions on a meeting, as the API names them (meetings.selectors.meeting_for_reader).
FLAGS = ("can_change", "can_cancel", "can_record_attendance", "can_edit_minutes", "can_submit_minutes",
         "can_attach_document")


def _readable(user, meeting):
    """The meeting with what its page computes for this reader set on it (selectors.meeting_for_reader)."""
    reader = selectors.meeting_for_reader(user, meeting)
    for item in reader["agenda"]:
        item.visible_request_ids = [r.pk for r in item.visible_requests]
    meeting.agenda, meeting.conclusion_rows = reader["agenda"], reader["conclusions"]
    if reader["minutes"] is not None:
        reader["minutes"].approvable_parties = reader["approvable_party_ids"]
    for name, value in documents_for(user, meeting.document_links.select_related("document")).items():
        setattr(meeting, name, value)
    for flag in FLAGS:
        setattr(meeting, flag, reader[flag])
    return meeting


@extend_schema_view(
    list=extend_schema(summary="Các cuộc họp người gọi được xem (bộ lọc như trang danh sách)",
                       parameters=[MeetingFilterSerializer], responses={200: MeetingSerializer(many=True),
                                                                         400: BAD_REQUEST}),
    retrieve=extend_schema(summary="Một cuộc họp: chương trình, thành phần, biên bản, kết luận, văn bản",
                           parameters=[ID], responses={200: MeetingDetailSerializer, 404: NOT_FOUND}),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.visible_meetings(self.request.user)

    def list(self, request):
        filters = MeetingFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        when, kind, mine = (filters.validated_data.get(k) for k in ("when", "kind", "mine"))
        qs = selectors.meeting_list(request.user, when=when or "upcoming", kind=kind or "", mine=bool(mine))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(MeetingSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        meeting = _readable(request.user, get_meeting(request, pk))
        data = MeetingDetailSerializer(meeting).data
        return Response(data, headers={"ETag": etag_for(data)})

    @extend_schema(summary="Biên bản cuộc họp và các quyết định duyệt",
                   parameters=[ID], responses={200: MinutesSerializer, 404: NOT_FOUND})
    @action(detail=True)
    def minutes(self, request, pk=None):
        meeting = get_meeting(request, pk)
        minutes = permissions.minutes_of(meeting)
        if minutes is None:
            raise exceptions.NotFound(NO_MINUTES)
        minutes.approvable_parties = permissions.approvable_party_ids(request.user, minutes)
        data = MinutesSerializer(minutes).data
        return Response(data, headers={"ETag": etag_for(data)})

    @extend_schema(summary="Các kết luận của cuộc họp", parameters=[ID],
                   responses={200: ConclusionSerializer(many=True),
                                                                 404: NOT_FOUND})
    @action(detail=True, pagination_class=None)
    def conclusions(self, request, pk=None):
        meeting = get_meeting(request, pk)
        conclusions = list(meeting.conclusions.all())
        visible_ids = selectors.visible_request_ids(request.user, [c.request_id for c in conclusions if c.request_id])
        rows = selectors.conclusions_for_reader(request.user, conclusions, visible_ids)
        return Response(ConclusionSerializer(rows, many=True).data)
