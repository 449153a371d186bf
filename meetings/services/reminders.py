"""Reminders of meetings and the information regime: minutes awaiting a body's approval, reports due.

At most once per (thing, body, person, day): coordination.reminders keeps the key. Run by the
daily jobs in meetings.tasks.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.models import Role
from coordination.reminders import remind_once
from coordination.selectors.parties import party_members

from ..selectors import minutes_awaiting_approval, reports_due

# Minutes are chased once they have waited this many days for a leader's approval.
MINUTES_REMINDER_AFTER_DAYS = 2


def minutes_reminders(*, day, actor):
    """Leaders of a body that has not yet approved minutes waiting for more than a couple of days
    (meetings.selectors.minutes_awaiting_approval says which bodies are still to decide)."""
    waited = timezone.now() - datetime.timedelta(days=MINUTES_REMINDER_AFTER_DAYS)
    sent = 0
    for pending in minutes_awaiting_approval():
        minutes = pending.minutes
        if minutes.submitted_at and minutes.submitted_at > waited:
            continue
        url = reverse("meetings:meeting_detail", args=[minutes.meeting_id])
        for party in pending.pending_parties:
            with override("vi"):
                subject = _("Reminder: the minutes of “%(meeting)s” await the approval of %(party)s") % {
                    "meeting": minutes.meeting.title, "party": party.name_vi}
                body = _("A leader of each body approves the minutes.")
            sent += remind_once("minutes", f"{minutes.pk}:{minutes.round}:{party.pk}",
                                party_members(party, Role.LEADER), day, subject=subject, body=body, url=url,
                                actor=actor)
    return sent


def report_reminders(*, day, actor):
    """Writers of a body whose periodic report's period has ended and that has not sent it yet
    (meetings.selectors.reports_due); reminded on each run until it is sent, once a day at most."""
    sent = 0
    for due in reports_due(day):
        obligation = due.obligation
        with override("vi"):
            subject = _("Reminder: “%(report)s” for the period ending %(end)s is due on %(due)s") % {
                "report": obligation.title, "end": due.period_end.strftime("%d/%m/%Y"),
                "due": due.due_date.strftime("%d/%m/%Y")}
            body = _("Send the report to the other body as a notice.")
        users = party_members(obligation.reporting_party, Role.STAFF, Role.LEADER)
        sent += remind_once("report", f"{obligation.pk}:{due.period_start.isoformat()}", users, day,
                            subject=subject, body=body, url=reverse("meetings:notice_schedule"), actor=actor)
    return sent
