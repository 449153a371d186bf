"""Meetings and minutes as the user may see them; what waits for approval."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from coordination.grants import visible
from coordination.models import CoordinationRequest, Membership, Party, Role
from coordination.selectors.requests import requests_visible

from .. import permissions
from ..models import AgendaItem, Conclusion, Invitation, Meeting, MeetingState, Minutes, MinutesApproval, MinutesState


def visible_meetings(user):
    """Meetings granted to the user's bodies (guardian, through the party groups)."""
    qs = visible(user, Meeting)
    return qs.select_related("convening_party", "chair", "minutes")


def meeting_list(user, *, when="upcoming", kind="", mine=False):
    """The meetings page's list (and the API's): upcoming (soonest first), past (latest first) or all; of one
    kind; only those the user is invited to."""
    qs = visible_meetings(user)
    if mine:
        qs = qs.filter(invitations__user=user)
    now = timezone.now()
    if when == "upcoming":
        qs = qs.filter(ends_at__gte=now).order_by("starts_at")
    elif when == "past":
        qs = qs.filter(ends_at__lt=now).order_by("-starts_at")
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def upcoming_meetings(user, *, limit=5):
    """The next meetings for the home page's list: the meetings alone (title, time, place), no related rows."""
    now = timezone.now()
    return (visible(user, Meeting).filter(ends_at__gte=now, state=MeetingState.SCHEDULED).order_by("starts_at")
            .only("title", "starts_at", "place")[:limit])


def visible_request_ids(user, ids):
    """Of these request ids, the ones the user may see: one query, none for no ids."""
    return set(requests_visible(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def conclusions_for_reader(user, conclusions, visible_ids):
    """Each conclusion with what this reader sees of it: may a follow-up request be made from it, has one been
    made, and that request's id when the reader may see it."""
    for c in conclusions:
        c.can_create_request = permissions.can_create_followup(user, c)
        c.has_request = c.request_id is not None
        c.visible_request_id = c.request_id if c.request_id in visible_ids else None
    return conclusions


def meeting_for_reader(user, meeting):
    """What a meeting's page and the API's meeting show this reader beyond the meeting's own rows (read through
    meeting_detail): the agenda with the linked requests the reader may see (`item.visible_requests`), the
    conclusions (conclusions_for_reader), the minutes, the bodies whose approval the reader may give, and
    what the reader may do."""
    agenda = list(meeting.agenda_items.all())
    conclusions = list(meeting.conclusions.all())
    linked = [r.pk for item in agenda for r in item.requests.all()]
    visible_ids = visible_request_ids(user, [c.request_id for c in conclusions if c.request_id] + linked)
    for item in agenda:  # only the linked requests this reader may see are named
        item.visible_requests = [r for r in item.requests.all() if r.pk in visible_ids]
    minutes = permissions.minutes_of(meeting)
    return {
        "agenda": agenda, "conclusions": conclusions_for_reader(user, conclusions, visible_ids),
        "visible_request_ids": visible_ids, "minutes": minutes,
        "approvable_party_ids": permissions.approvable_party_ids(user, minutes),
        "can_change": permissions.can_change_meeting(user, meeting),
        "can_cancel": permissions.can_cancel_meeting(user, meeting),
        "can_record_attendance": permissions.can_record_attendance(user, meeting),
        "can_edit_minutes": permissions.can_edit_minutes(user, meeting),
        "can_submit_minutes": permissions.can_submit_minutes(user, meeting),
        "can_attach_document": permissions.can_attach_meeting_document(user, meeting),
    }


def meeting_detail(user):
    """The queryset a detail page reads from: everything the page shows in a handful of queries."""
    approvals = MinutesApproval.objects.select_related("party", "decided_by")
    return visible_meetings(user).prefetch_related(
        Prefetch("invitations", queryset=Invitation.objects.select_related("user", "party")),
        # Foreign keys joined into the prefetch of their rows: one query per list, not one per relation.
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related("area", "presenter_party")),
        # Linked requests are named (title, link) or counted, never shown further: no other column read.
        Prefetch("agenda_items__requests", queryset=CoordinationRequest.objects.only("pk", "title")),
        Prefetch("conclusions", queryset=Conclusion.objects.select_related("area", "owner_party")),
        Prefetch("minutes__approvals", queryset=approvals),
    )


def meeting_invitees_choices():
    """Members in force of every body, for the invitation list: (membership, label)."""
    return (
        Membership.objects.active()
        .filter(role__in=[Role.STAFF, Role.LEADER])
        .select_related("user", "party")
        .order_by("party__order", "-role", "user__last_name", "user__first_name")
    )


@dataclass
class PendingApproval:
    """Minutes awaiting approval, and the bodies whose leader has not yet decided in this round."""

    minutes: Minutes
    pending_parties: list = field(default_factory=list)


def minutes_awaiting_approval():
    """Every set of minutes awaiting approval with the bodies still to decide (for reminders)."""
    minutes = list(
        Minutes.objects.filter(state=MinutesState.AWAITING_APPROVAL)
        .select_related("meeting__convening_party")
        .prefetch_related("approvals", "meeting__invitations")
        .order_by("submitted_at")
    )
    if not minutes:  # the usual case on the home page: no further query
        return []
    parties = {p.pk: p for p in Party.objects.all()}
    result = []
    for m in minutes:
        decided = {a.party_id for a in m.approvals.all() if a.round == m.round}
        pending = [parties[pid] for pid in sorted(permissions.meeting_party_ids(m.meeting) - decided)]
        result.append(PendingApproval(minutes=m, pending_parties=pending))
    return result


def minutes_awaiting_my_approval(user, *, limit=10):
    """The minutes (with their meeting) where a body the user leads has still to decide, oldest first:
    one query for leaders, none for anyone else."""
    approvable = permissions.approvable_minutes_q(user)
    if approvable is None:
        return []
    meeting_visible = Exists(visible(user, Meeting).filter(pk=OuterRef("meeting_id")))  # a probe per row
    # The list names the meeting (title, link) and the day the minutes were submitted: no other column read.
    return list(Minutes.objects.filter(approvable, meeting_visible).select_related("meeting")
                .only("submitted_at", "meeting__title").order_by("submitted_at", "pk")[:limit])
