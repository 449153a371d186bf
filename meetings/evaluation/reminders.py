"""Reminders and the daily digest. Each one is keyed by a unique ReminderSent row (kind, about, person,
day): the row is inserted before the message leaves, in the same transaction, so running a job twice
sends nothing twice, and a failure rolls the row back so the retry sends it.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.models import Role
from coordination.notifications import notify
from coordination.selectors.parties import party_members

from .models import AnnualEvaluation, ReminderSent

# The digest lists requests whose reply deadline falls within this many working days, and overdue ones.
DIGEST_WORKING_DAYS = getattr(settings, "DIGEST_WORKING_DAYS", 3)
# Minutes are chased once they have waited this many days for a leader's approval.
MINUTES_REMINDER_AFTER_DAYS = 2


def _claim(kind, key, user, day, items=0):
    """Insert the unique row; False when this reminder was already sent (then send nothing)."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, key=str(key)[:100], user=user, sent_on=day, items=items)
    except IntegrityError:
        return False
    return True


def _remind(kind, key, users, day, *, subject, body, url, actor):
    """Notify each user not yet reminded of (kind, key) today. Returns how many were reminded."""
    sent = 0
    for user in users:
        with transaction.atomic():
            if _claim(kind, key, user, day):
                notify(recipients=[user], subject=subject, body=body, url=url, actor=actor)
                sent += 1
    return sent


# -- the daily digest -------------------------------------------------------------------------------

def digest_items(user, day):
    """The user's requests due within DIGEST_WORKING_DAYS working days of `day`, and the overdue ones."""
    from coordination.models.requests import OPEN_AT_REQUESTED
    from coordination.selectors.requests import inbox
    from coordination.workdays import add_working_days

    horizon = add_working_days(day, DIGEST_WORKING_DAYS)
    return list(
        inbox(user=user)["waiting"].filter(state__in=OPEN_AT_REQUESTED, reply_deadline__lte=horizon)
        .order_by("reply_deadline", "pk")
    )


def digest_candidate_ids(day):
    """Members in force who may have something due: staff and leaders of a body with a request in hand."""
    from coordination.models import CoordinationRequest, Membership
    from coordination.models.requests import OPEN_AT_REQUESTED
    from coordination.workdays import add_working_days

    horizon = add_working_days(day, DIGEST_WORKING_DAYS)
    parties = CoordinationRequest.objects.filter(state__in=OPEN_AT_REQUESTED, reply_deadline__lte=horizon).values(
        "requested_party"
    )
    memberships = Membership.objects.active(day).filter(party__in=parties, role__in=(Role.STAFF, Role.LEADER))
    return sorted(set(memberships.filter(user__is_active=True).values_list("user_id", flat=True)))


def digest_send(*, user, day):
    """One email per person per day at most, listing every item (not one email per item)."""
    items = digest_items(user, day)
    if not items or not user.email:
        return 0
    with transaction.atomic():
        if not _claim("digest", "", user, day, items=len(items)):
            return 0
        with override("vi"):
            subject = _("Requests due and overdue on %(day)s") % {"day": day.strftime("%d/%m/%Y")}
            body = render_to_string("evaluation/email/digest.txt", {
                "user": user, "day": day, "items": items, "site": getattr(settings, "SITE_URL", "").rstrip("/"),
            })
        send_mail(subject, body, None, [user.email])
    return len(items)


# -- the evaluation ---------------------------------------------------------------------------------

def evaluation_reminders(*, day, actor):
    """Whoever has not done their part: writers of a body that has not sent its self-assessment;
    leaders of a body that has not approved."""
    sent = 0
    evaluations = AnnualEvaluation.objects.exclude(state=AnnualEvaluation.State.CLOSED).prefetch_related("parts__party")
    for evaluation in evaluations:
        url = reverse("evaluation:evaluation_detail", args=[evaluation.pk])
        for part in evaluation.parts.all():
            with override("vi"):
                if evaluation.state == AnnualEvaluation.State.OPEN and part.submitted_at is None:
                    users, subject = party_members(part.party, Role.STAFF, Role.LEADER), _(
                        "Reminder: %(party)s has not sent its self-assessment for %(year)s"
                    )
                elif evaluation.state == AnnualEvaluation.State.AWAITING_APPROVAL and part.approved_at is None:
                    users, subject = party_members(part.party, Role.LEADER), _(
                        "Reminder: the %(year)s evaluation awaits the approval of %(party)s"
                    )
                else:
                    continue
                subject = subject % {"party": part.party.name_vi, "year": evaluation.year}
                body = _("Open the evaluation to do your part.")
            sent += _remind("evaluation", f"{evaluation.pk}:{evaluation.state}:{part.party_id}", users, day,
                            subject=subject, body=body, url=url, actor=actor)
    return sent


# -- meetings and the information regime ----------------------------------------------------------

def minutes_reminders(*, day, actor):
    """Leaders of a body that has not yet approved minutes waiting for more than a couple of days
    (meetings.selectors.minutes_awaiting_approval says which bodies are still to decide)."""
    from meetings.selectors import minutes_awaiting_approval

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
            sent += _remind("minutes", f"{minutes.pk}:{minutes.round}:{party.pk}", party_members(party, Role.LEADER),
                            day, subject=subject, body=body, url=url, actor=actor)
    return sent


def report_reminders(*, day, actor):
    """Writers of a body whose periodic report's period has ended and that has not sent it yet
    (meetings.selectors.reports_due); reminded on each run until it is sent, once a day at most."""
    from meetings.selectors import reports_due

    sent = 0
    for due in reports_due(day):
        obligation = due.obligation
        with override("vi"):
            subject = _("Reminder: “%(report)s” for the period ending %(end)s is due on %(due)s") % {
                "report": obligation.title, "end": due.period_end.strftime("%d/%m/%Y"),
                "due": due.due_date.strftime("%d/%m/%Y")}
            body = _("Send the report to the other body as a notice.")
        users = party_members(obligation.reporting_party, Role.STAFF, Role.LEADER)
        sent += _remind("report", f"{obligation.pk}:{due.period_start.isoformat()}", users, day,
                        subject=subject, body=body, url=reverse("meetings:notice_schedule"), actor=actor)
    return sent
