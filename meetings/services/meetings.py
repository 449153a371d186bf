"""Convene, change and cancel meetings; invitations, agenda and attendance."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.grants import grant_view, revoke_view
from coordination.models import Party
from coordination.notifications import notify
from coordination.queueing import delay_on_commit
from coordination.security import require
from coordination.selectors.requests import requests_visible
from coordination.services.documents import document_grant_view

from .. import permissions
from ..models import AgendaItem, Invitation, Meeting
from ..models.base import InvalidTransition
from .common import save, site_text

INVITATION = gettext_lazy("Invitation: %(title)s")
CHANGED = gettext_lazy("Meeting changed: %(title)s")
CANCELLED = gettext_lazy("Meeting cancelled: %(title)s")


def _queue_calendar_email(meeting, user_ids, method):
    # Local: cycle meetings.tasks -> meetings.services.common -> meetings.services -> here -> meetings.tasks.
    from ..tasks import send_meeting_calendar_email

    if user_ids:
        ids, pk, seq = sorted(user_ids), meeting.pk, meeting.sequence
        delay_on_commit(send_meeting_calendar_email, pk, ids, method, seq)


def _set_invitees(meeting, invitees, *, by):
    """Make the invitations match `invitees` [(user, party)]; returns (added user ids, removed user ids)."""
    before = permissions.meeting_party_ids(meeting)
    wanted = {}
    for user, party in invitees:
        wanted.setdefault(user.pk, (user, party))
    current = {i.user_id: i for i in meeting.invitations.all()}
    for user_id, invitation in current.items():
        if user_id not in wanted:
            invitation._history_user = by
            invitation.delete()
    for user_id, (user, party) in wanted.items():
        if user_id not in current:
            save(Invitation(meeting=meeting, user=user, party=party), by=by, reason="invite")
    _share_with_bodies_taking_part(meeting, before)
    return set(wanted) - set(current), set(current) - set(wanted)


def _share_with_bodies_taking_part(meeting, before):
    """Bodies taking part see the meeting and its documents; a body no longer invited stops seeing the meeting.

    Documents stay visible to a body that saw them once: they are registered documents and may be shared
    through other paths, so only the meeting itself is withdrawn.
    """
    now = permissions.meeting_party_ids(meeting)
    grant_view(meeting, Party.objects.filter(pk__in=now))
    revoke_view(meeting, Party.objects.filter(pk__in=before - now))
    added = Party.objects.filter(pk__in=now - before)
    if added:
        for link in meeting.document_links.select_related("document"):
            document_grant_view(document=link.document, parties=added)


def meeting_convene(*, by, convening_party, kind, title, chair, starts_at, ends_at, place, invitees,
                    description="") -> Meeting:
    require(permissions.can_convene_meeting(by, convening_party))
    with transaction.atomic():
        meeting = save(
            Meeting(
                convening_party=convening_party, kind=kind, title=title, chair=chair, starts_at=starts_at,
                ends_at=ends_at, place=place, description=description, created_by=by,
            ),
            by=by, reason="convene",
        )
        added, _removed = _set_invitees(meeting, invitees, by=by)
        _notify_invitees(meeting, added, by=by, subject=INVITATION)
        _queue_calendar_email(meeting, added, "REQUEST")
    return meeting


def meeting_change(*, by, meeting, invitees, **fields) -> Meeting:
    """Any change (time, place, invitees…) is a new revision of the same calendar event."""
    require(permissions.can_change_meeting(by, meeting))
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        for name, value in fields.items():
            setattr(meeting, name, value)
        meeting.reschedule()
        save(meeting, by=by, reason="change")
        added, removed = _set_invitees(meeting, invitees, by=by)
        kept = {i.user_id for i in meeting.invitations.all()}
        _notify_invitees(meeting, kept, by=by, subject=CHANGED)
        _queue_calendar_email(meeting, kept, "REQUEST")
        _queue_calendar_email(meeting, removed, "CANCEL")
    return meeting


def meeting_cancel(*, by, meeting, reason) -> Meeting:
    require(permissions.can_cancel_meeting(by, meeting))
    if not reason.strip():
        raise InvalidTransition(meeting.state, "cancel", _("Give the reason for cancelling the meeting."))
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting.cancel(reason.strip())
        save(meeting, by=by, reason="cancel")
        invited = {i.user_id for i in meeting.invitations.all()}
        _notify_invitees(meeting, invited, by=by, subject=CANCELLED)
        _queue_calendar_email(meeting, invited, "CANCEL")
    return meeting


def _notify_invitees(meeting, user_ids, *, by, subject):
    """In-app only: the invitees' e-mail is the calendar message itself (one e-mail, not two)."""
    when = timezone.localtime(meeting.starts_at)
    notify(recipients=get_user_model().objects.filter(pk__in=user_ids), subject=site_text(subject, title=meeting.title),
           body=f"{when:%H:%M %d/%m/%Y} · {meeting.place}", url=meeting.get_absolute_url(), actor=by, email=False)


def _bump(meeting, *, by, reason):
    """Agenda changes show in the calendar description: a new revision, without new e-mails."""
    meeting.reschedule()
    save(meeting, by=by, reason=reason)


def agenda_item_add(*, by, meeting, title, area, presenter_party=None, notes="", requests=()) -> AgendaItem:
    require(permissions.can_change_meeting(by, meeting))
    if requests:  # only requests the organiser may see can be linked
        ids = {r.pk for r in requests}
        require(requests_visible(by).filter(pk__in=ids).count() == len(ids))
    with transaction.atomic():
        last = meeting.agenda_items.order_by("-order").values_list("order", flat=True).first() or 0
        item = save(
            AgendaItem(meeting=meeting, order=last + 1, title=title, area=area, presenter_party=presenter_party,
                       notes=notes),
            by=by, reason="agenda_add",
        )
        if requests:
            item.requests.set(requests)
        _bump(meeting, by=by, reason="agenda_add")
    return item


def agenda_item_remove(*, by, item) -> None:
    meeting = item.meeting
    require(permissions.can_change_meeting(by, meeting))
    with transaction.atomic():
        item._history_user = by
        item.delete()
        _bump(meeting, by=by, reason="agenda_remove")


def attendance_record(*, by, meeting, entries) -> None:
    """`entries`: [(invitation, status, reason, represented_by)]; all or nothing."""
    require(permissions.can_record_attendance(by, meeting))
    with transaction.atomic():
        for invitation, status, reason, represented_by in entries:
            if invitation.meeting_id != meeting.pk:
                raise InvalidTransition(meeting.state, "attendance")
            invitation.record(status, reason or "", represented_by or "")
            save(invitation, by=by, reason="attendance")
