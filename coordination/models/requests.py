"""Coordination requests between the bodies: the workflow (states and transitions in one table),
officers, opinions of leaders, comments and the timeline of events.

Rules of *who* may act live in coordination.permissions; here only *what* each step does.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from ..text_search import normalize
from ..workflow import BadgeChoices, InvalidTransition, Tone
from .core import Confidentiality, CoordinationArea, Party, Role, Urgency


class RequestKind(models.TextChoices):
    COORDINATION = "coordination", _("Coordination request")
    OPINION = "opinion", _("Request for opinion")


class ExchangeForm(models.TextChoices):
    DIRECT = "direct", _("Directly")
    WRITING = "writing", _("In writing")


class RequestState(BadgeChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting the leader's approval")
    SENT = "sent", _("Sent, awaiting acknowledgement")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESPONDING = "responding", _("Response being drafted")
    RESPONSE_AWAITING_APPROVAL = "response_awaiting_approval", _("Response awaiting approval")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")

    __tones__ = {
        "draft": Tone.NEUTRAL, "withdrawn": Tone.NEUTRAL, "cancelled": Tone.NEUTRAL,
        "awaiting_approval": Tone.WARN, "response_awaiting_approval": Tone.WARN,
        "answered": Tone.OK, "closed": Tone.OK,
    }


S = RequestState
# States in which the requested body has the request in hand; the reply deadline runs in these.
OPEN_AT_REQUESTED = (S.SENT, S.ACKNOWLEDGED, S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL)
OPEN_STATES = (S.DRAFT, S.AWAITING_APPROVAL, *OPEN_AT_REQUESTED, S.ANSWERED)
FINAL_STATES = (S.CLOSED, S.WITHDRAWN, S.CANCELLED)
REQUESTING, REQUESTED = "requesting", "requested"


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple
    target: str
    side: str  # which body acts: REQUESTING or REQUESTED
    roles: tuple
    needs_comment: bool = False
    timestamp: str = ""  # the field that records when the request reached `target`


# The whole workflow in one place. permissions.can_transition reads `side` and `roles`;
# docs/requests.md shows the same table.
TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", _("Submit to the leader"), (S.DRAFT,), S.AWAITING_APPROVAL, REQUESTING,
                   (Role.STAFF, Role.LEADER)),
        Transition("return_draft", _("Return with comments"), (S.AWAITING_APPROVAL,), S.DRAFT, REQUESTING,
                   (Role.LEADER,), needs_comment=True),
        Transition("approve_send", _("Approve and send"), (S.AWAITING_APPROVAL,), S.SENT, REQUESTING,
                   (Role.LEADER,), timestamp="sent_at"),
        Transition("cancel", _("Cancel the request"), (S.DRAFT, S.AWAITING_APPROVAL), S.CANCELLED, REQUESTING,
                   (Role.STAFF, Role.LEADER), needs_comment=True, timestamp="closed_at"),
        Transition("acknowledge", _("Acknowledge and assign officers"), (S.SENT,), S.ACKNOWLEDGED, REQUESTED,
                   (Role.STAFF, Role.LEADER), timestamp="acknowledged_at"),
        Transition("draft_response", _("Save the response draft"), (S.ACKNOWLEDGED, S.RESPONDING), S.RESPONDING,
                   REQUESTED, (Role.STAFF, Role.LEADER)),
        Transition("submit_response", _("Submit the response to the leader"), (S.RESPONDING,),
                   S.RESPONSE_AWAITING_APPROVAL, REQUESTED, (Role.STAFF, Role.LEADER)),
        Transition("return_response", _("Return the response with comments"), (S.RESPONSE_AWAITING_APPROVAL,),
                   S.RESPONDING, REQUESTED, (Role.LEADER,), needs_comment=True),
        Transition("approve_response", _("Approve and send the response"), (S.RESPONSE_AWAITING_APPROVAL,),
                   S.ANSWERED, REQUESTED, (Role.LEADER,), timestamp="answered_at"),
        Transition("ask_more", _("Ask for more"), (S.ANSWERED,), S.RESPONDING, REQUESTING,
                   (Role.STAFF, Role.LEADER), needs_comment=True),
        Transition("close", _("Accept and close"), (S.ANSWERED,), S.CLOSED, REQUESTING,
                   (Role.STAFF, Role.LEADER), timestamp="closed_at"),
        Transition("withdraw", _("Withdraw"), (*OPEN_AT_REQUESTED, S.ANSWERED), S.WITHDRAWN, REQUESTING,
                   (Role.LEADER,), needs_comment=True, timestamp="closed_at"),
    ]
}


EVENT_LABELS = {
    "create": _("Draft created"), "create_sent": _("Created and sent"), "submit": _("Submitted to the leader"),
    "return_draft": _("Returned with comments"), "approve_send": _("Approved and sent"), "cancel": _("Cancelled"),
    "acknowledge": _("Acknowledged, officers assigned"), "draft_response": _("Response drafting started"),
    "submit_response": _("Response submitted to the leader"), "return_response": _("Response returned with comments"),
    "approve_response": _("Response approved and sent"), "ask_more": _("More asked"),
    "close": _("Accepted and closed"), "withdraw": _("Withdrawn"),
}


def last_activity():
    """The later of a request's sending and answer (either may be missing; neither: NULL). Every request sent or
    answered in a year has it in that year or later, so its index gives them as one range (the dashboard)."""
    return Greatest(Coalesce("sent_at", "answered_at"), Coalesce("answered_at", "sent_at"))


class CoordinationRequest(models.Model):
    """A request of one body to the other for coordination or for an opinion (Article 2, principle 4)."""

    badge_choices = {"state": RequestState}

    requesting_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="requests_made", verbose_name=_("requesting body")
    )
    requested_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="requests_received", verbose_name=_("requested body")
    )
    area = models.ForeignKey(
        CoordinationArea, on_delete=models.PROTECT, related_name="requests", verbose_name=_("coordination area")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices, default=RequestKind.COORDINATION)
    title = models.CharField(_("title"), max_length=300)
    content = models.TextField(_("content"))
    exchange_form = models.CharField(
        _("form of exchange"), max_length=16, choices=ExchangeForm.choices, default=ExchangeForm.WRITING
    )
    reply_deadline = models.DateField(_("reply deadline"), null=True, blank=True)
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Urgency.choices, default=Urgency.NORMAL)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    state = models.CharField(_("state"), max_length=32, choices=RequestState.choices, default=RequestState.DRAFT)
    response_content = models.TextField(_("response"), blank=True)
    origin = models.CharField(_("origin"), max_length=300, blank=True, help_text=_("Where the request came from."))
    origin_url = models.CharField(_("origin link"), max_length=500, blank=True)
    requesting_officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="requests_as_requesting_officer",
        verbose_name=_("officers of the requesting body"),
    )
    requested_officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="requests_as_requested_officer",
        verbose_name=_("officers of the requested body"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Search text is split by who may read it: `search_text` holds what everyone who sees the request reads;
    # `response_search_text` is matched only for users who may read the response (permissions.response_visible_q).
    search_text = models.TextField(editable=False, blank=True)
    response_search_text = models.TextField(editable=False, blank=True)
    history = HistoricalRecords(m2m_fields=[requesting_officers, requested_officers],
                                excluded_fields=["search_text", "response_search_text"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("coordination request")
        verbose_name_plural = _("coordination requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(requesting_party=models.F("requested_party")), name="request_between_two_bodies"
            ),
            models.CheckConstraint(
                condition=Q(confidentiality__lt=Confidentiality.TUYET_MAT), name="request_never_top_secret"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "reply_deadline"]),
            models.Index(fields=["requesting_party", "state"]),
            models.Index(fields=["requested_party", "state"]),
            models.Index(fields=["area", "state"]),
            models.Index(fields=["reply_deadline"]),
            # The request list, newest first (its default order, ties by id): the page's ids and the capped
            # count are read from this index alone (covering the clearance test on PostgreSQL), in its order.
            models.Index(fields=["-created_at", "-id"], include=["confidentiality"], name="request_newest_first"),
            # The request list filtered on a direction (received / made by my body) and an area: the rows and
            # their order read from the index alone on PostgreSQL.
            models.Index(fields=["requested_party", "area", "state"], include=["created_at", "confidentiality", "id"],
                         name="request_received_area"),
            models.Index(fields=["requesting_party", "area", "state"], include=["created_at", "confidentiality", "id"],
                         name="request_made_area"),
            # The year's figures read the requests sent and answered in a year.
            models.Index(fields=["sent_at"], include=["requested_party", "confidentiality"], name="request_sent_at"),
            models.Index(fields=["answered_at"], include=["reply_deadline", "confidentiality", "requested_party"],
                         name="request_answered_at"),
            # The dashboard: the open requests by area and state, and those sent or answered in the year, each
            # read from an index alone (PostgreSQL), with the id the visibility EXISTS joins on, never from the
            # wide rows.
            models.Index(fields=["state", "area", "confidentiality", "reply_deadline"], include=["id"],
                         name="request_open_area"),
            models.Index(last_activity(), name="request_last_activity", include=[
                "sent_at", "answered_at", "requested_party", "confidentiality", "reply_deadline", "id"]),
        ]

    def __str__(self):
        return self.title

    # -- workflow (pure: no save, no I/O) --
    def apply(self, action, now=None):
        """Move to the state `action` leads to, or raise InvalidTransition. Nothing is saved."""
        transition = TRANSITIONS.get(action)
        if transition is None or self.state not in transition.sources:
            raise InvalidTransition(self.state, action)
        self.state = transition.target
        if transition.timestamp:
            setattr(self, transition.timestamp, now or timezone.now())
        return transition

    def side_party(self, side):
        return self.requesting_party if side == REQUESTING else self.requested_party

    @property
    def is_open(self):
        return self.state not in FINAL_STATES

    @property
    def is_overdue(self):
        return bool(
            self.reply_deadline and self.state in OPEN_AT_REQUESTED and self.reply_deadline < timezone.localdate()
        )

    def refresh_search_text(self):
        """The accent-free search text. The response is kept apart: it is matched only for users who may
        read it (permissions.response_visible_q), so a search never finds an unapproved draft."""
        self.search_text = normalize(self.title, self.content, self.origin)
        self.response_search_text = normalize(self.response_content)

    @property
    def answered_on_time(self):
        """Was the response sent by the reply deadline? None while unanswered or without a deadline."""
        if not (self.answered_at and self.reply_deadline):
            return None
        return timezone.localdate(self.answered_at) <= self.reply_deadline


class RequestUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE)


class RequestGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        # coordination.grants.visible probes (object, group) for every row it shows: one index lookup each.
        indexes = [models.Index(fields=["content_object", "group", "permission"], name="request_grant_obj_group_perm")]


class RequestEvent(models.Model):
    """One step of the timeline: who took which step, when, with which comment. Append-only."""

    request = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("step"), max_length=32)
    from_state = models.CharField(_("from"), max_length=32, blank=True)
    to_state = models.CharField(_("to"), max_length=32)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        indexes = [models.Index(fields=["request", "at"])]

    def __str__(self):
        return f"{self.action} → {self.to_state}"

    @property
    def action_label(self):
        return EVENT_LABELS.get(self.action, self.action)

    @property
    def to_state_label(self):
        try:  # a lookup by value: `in RequestState.values` builds the list of every value at each call
            return RequestState(self.to_state).label
        except ValueError:
            return self.to_state


class Opinion(models.Model):
    """The opinion of one leader of the requested body on a request for opinion."""

    request = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE, related_name="opinions")
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("leader")
    )
    content = models.TextField(_("opinion"), blank=True)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    given_at = models.DateTimeField(_("given at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("leader's opinion")
        verbose_name_plural = _("leaders' opinions")
        constraints = [models.UniqueConstraint(fields=["request", "leader"], name="one_opinion_per_leader")]

    def __str__(self):
        return f"{self.leader} · {self.request}"


class Comment(models.Model):
    """A message in the thread of a request, visible to whoever may see the request."""

    request = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.body[:60]


class RequestDocument(models.Model):
    """A document attached to a request, by the requesting side (with the request) or the requested side
    (with the response)."""

    request = models.ForeignKey(CoordinationRequest, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("coordination.Document", on_delete=models.PROTECT, related_name="request_links")
    side = models.CharField(
        _("side"), max_length=16, choices=[(REQUESTING, _("Request")), (REQUESTED, _("Response"))]
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
        constraints = [models.UniqueConstraint(fields=["request", "document"], name="document_attached_once")]

    def __str__(self):
        return f"{self.document} → {self.request}"
