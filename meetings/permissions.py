"""The one place that answers "may this user do X" for meetings, minutes, notices and the schedule.

Seeing a meeting or a notice is an object permission (guardian, granted to the bodies' groups in
services); the rules below decide the actions. The secretary of a meeting is any staff member of
the convening body; leaders of the convening body may also organise it.
"""

import operator
from functools import reduce

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from coordination.models import Role
from coordination.permissions import is_active_member, is_member_of_any, member_party_ids

from .models import Invitation, MinutesApproval, MinutesState

ORGANISERS = (Role.STAFF, Role.LEADER)


def meeting_party_ids(meeting):
    """The bodies taking part: the convening body and the body of every invitee."""
    return {meeting.convening_party_id} | {i.party_id for i in meeting.invitations.all()}


def minutes_of(meeting):
    return meeting.minutes_or_none


def _organiser(user, meeting):
    return not meeting.is_cancelled and is_active_member(user, meeting.convening_party_id, *ORGANISERS)


def _meeting_day_reached(meeting):
    return timezone.localdate(meeting.starts_at) <= timezone.localdate()


def can_convene_meeting(user, party=None):
    if party is None:
        return is_member_of_any(user, *ORGANISERS)
    return is_active_member(user, party, *ORGANISERS)


def can_change_meeting(user, meeting):
    """Date, place, invitees and agenda change until the minutes go for approval."""
    minutes = minutes_of(meeting)
    return _organiser(user, meeting) and (minutes is None or minutes.is_draft)


def can_cancel_meeting(user, meeting):
    return _organiser(user, meeting) and minutes_of(meeting) is None


def can_record_attendance(user, meeting):
    minutes = minutes_of(meeting)
    return _organiser(user, meeting) and _meeting_day_reached(meeting) and (minutes is None or minutes.is_draft)


def can_edit_minutes(user, meeting):
    """The convening body's secretary (its staff) drafts the minutes from the meeting day on."""
    minutes = minutes_of(meeting)
    return (
        not meeting.is_cancelled
        and is_active_member(user, meeting.convening_party_id, Role.STAFF)
        and _meeting_day_reached(meeting)
        and (minutes is None or minutes.is_draft)
    )


def can_submit_minutes(user, meeting):
    return can_edit_minutes(user, meeting) and minutes_of(meeting) is not None


def approvable_party_ids(user, minutes):
    """Bodies the user leads that have not yet decided in the current approval round."""
    if minutes is None or minutes.state != MinutesState.AWAITING_APPROVAL:
        return []
    decided = {a.party_id for a in minutes.approvals.all() if a.round == minutes.round}
    pending = meeting_party_ids(minutes.meeting) - decided
    return sorted(pid for pid in pending if is_active_member(user, pid, Role.LEADER))


def approvable_minutes_q(user):
    """approvable_party_ids as a filter for lists of Minutes: awaiting approval, and a body the user leads
    takes part (convenes or is invited) and has not decided in the current round. None when the user
    leads no body. The same rule in the database: the home page reads no approvals or invitations."""
    led = member_party_ids(user, Role.LEADER)
    if not led:
        return None
    # Each subquery built in one filter() (no base queryset cloned per body): cheaper to build on every home page.
    return Q(state=MinutesState.AWAITING_APPROVAL) & reduce(operator.or_, [
        Q(Q(meeting__convening_party_id=party_id)
          | Exists(Invitation.objects.filter(meeting=OuterRef("meeting_id"), party_id=party_id)),
          ~Exists(MinutesApproval.objects.filter(minutes=OuterRef("pk"), round=OuterRef("round"), party_id=party_id)))
        for party_id in sorted(led)
    ])


def can_approve_minutes(user, minutes):
    return bool(approvable_party_ids(user, minutes))


def can_return_minutes(user, minutes):
    return can_approve_minutes(user, minutes)


def followup_requesting_party_id(conclusion):
    """Who asks the body in charge to act: the convening body, or the other body when it is in charge."""
    meeting = conclusion.meeting
    if meeting.convening_party_id != conclusion.owner_party_id:
        return meeting.convening_party_id
    others = sorted(meeting_party_ids(meeting) - {conclusion.owner_party_id})
    return others[0] if others else None


def can_create_followup(user, conclusion):
    """Once the minutes are approved, the requesting body's staff or leaders turn a conclusion into a request."""
    minutes = minutes_of(conclusion.meeting)
    requesting = followup_requesting_party_id(conclusion)
    return (
        minutes is not None
        and minutes.is_approved
        and getattr(conclusion, "request_id", None) is None
        and requesting is not None
        and is_active_member(user, requesting, *ORGANISERS)
    )


def can_attach_meeting_document(user, meeting):
    """Documents belong to the meeting as the bodies approve it: none are added once the minutes are submitted."""
    minutes = minutes_of(meeting)
    return _organiser(user, meeting) and (minutes is None or minutes.is_draft)


# Notices and the reporting schedule


def can_draft_notice(user, party=None):
    if party is None:
        return is_member_of_any(user, *ORGANISERS)
    return is_active_member(user, party, *ORGANISERS)


def can_edit_notice(user, notice):
    return not notice.is_sent and is_active_member(user, notice.sender_party_id, *ORGANISERS)


def can_send_notice(user, notice):
    return can_edit_notice(user, notice)


def can_see_read_receipts(user, notice):
    """The sending body sees who of the receiving body has read its notice."""
    return is_active_member(user, notice.sender_party_id)


def can_manage_reporting_schedule(user, party=None):
    if party is None:
        return is_member_of_any(user, Role.ADMIN)
    return is_active_member(user, party, Role.ADMIN)
