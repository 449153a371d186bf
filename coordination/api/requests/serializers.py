"""What a client reads of a request: the list row, the detail (with the steps the caller may take) and the
timeline. The response is shown only where `permissions.can_view_response` allows, as on the request page."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ... import permissions
from ...models import CoordinationRequest, RequestEvent
from ...models.requests import REQUESTED, REQUESTING, TRANSITIONS
from ...services import requests as request_services
from ..parties import PersonSerializer

# The steps the request page offers as buttons, plus its two forms (acknowledge, the response draft).
ACTIONS = [*request_services.STEP_SERVICES, "acknowledge", "draft_response"]
assert set(ACTIONS) == set(TRANSITIONS), "every transition of the model is reachable through the API"
ACTION_CHOICES = [(action, TRANSITIONS[action].label) for action in ACTIONS]
SIDE_CHOICES = [(REQUESTING, "requesting"), (REQUESTED, "requested")]


def allowed_actions(user, req):
    """The steps the page would offer this user now: `permissions.can_transition` over the same actions."""
    return [action for action in ACTIONS if permissions.can_transition(user, req, action)]


class ErrorSerializer(serializers.Serializer):
    """Định dạng lỗi chung: thông báo và lỗi theo từng trường."""

    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class RequestListSerializer(serializers.ModelSerializer):
    state_label = serializers.CharField(source="get_state_display")
    is_overdue = serializers.BooleanField()

    class Meta:
        model = CoordinationRequest
        fields = ["id", "title", "kind", "requesting_party", "requested_party", "area", "state", "state_label",
                  "urgency", "confidentiality", "reply_deadline", "is_overdue", "created_at", "sent_at",
                  "answered_at", "closed_at"]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    action_label = serializers.CharField()
    by = PersonSerializer(allow_null=True)

    class Meta:
        model = RequestEvent
        fields = ["action", "action_label", "from_state", "to_state", "by", "at", "comment"]
        read_only_fields = fields


class RequestDetailSerializer(RequestListSerializer):
    created_by = PersonSerializer(allow_null=True, read_only=True)
    requesting_officers = PersonSerializer(many=True, read_only=True)
    requested_officers = PersonSerializer(many=True, read_only=True)
    response_visible = serializers.SerializerMethodField()
    response_content = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    can_comment = serializers.SerializerMethodField()
    can_give_opinion = serializers.SerializerMethodField()
    officer_sides = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    class Meta(RequestListSerializer.Meta):
        fields = [*RequestListSerializer.Meta.fields, "content", "exchange_form", "origin", "origin_url",
                  "created_by", "acknowledged_at", "requesting_officers", "requested_officers", "response_visible",
                  "response_content", "allowed_actions", "can_edit", "can_comment", "can_give_opinion",
                  "officer_sides", "events"]
        read_only_fields = fields

    @extend_schema_field(EventSerializer(many=True))
    def get_events(self, req):
        """Các bước đã thực hiện (cũ trước), như dòng thời gian trên trang."""
        return EventSerializer(req.events.select_related("by"), many=True).data

    @property
    def _user(self):
        return self.context["request"].user

    def get_response_visible(self, req) -> bool:
        return permissions.can_view_response(self._user, req)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_response_content(self, req):
        """Nội dung trả lời; null khi người gọi không được xem (dự thảo chưa được lãnh đạo duyệt)."""
        return req.response_content if permissions.can_view_response(self._user, req) else None

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=ACTION_CHOICES)))
    def get_allowed_actions(self, req):
        return allowed_actions(self._user, req)

    def get_can_edit(self, req) -> bool:
        return permissions.can_edit_request(self._user, req)

    def get_can_comment(self, req) -> bool:
        return permissions.can_comment(self._user, req)

    def get_can_give_opinion(self, req) -> bool:
        return permissions.can_give_opinion(self._user, req)

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=SIDE_CHOICES)))
    def get_officer_sides(self, req):
        """Các bên mà người gọi được thay cán bộ phân công lúc này (PUT …/officers/{side}/)."""
        return [side for side in (REQUESTING, REQUESTED) if permissions.can_set_officers(self._user, req, side)]
