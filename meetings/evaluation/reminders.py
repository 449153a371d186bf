"""Reminders and the daily digest. Each one is keyed by a unique ReminderSent row (kind, about, person,
day): the row is inserted before the message leaves, in the same transaction, so running a job twice
sends nothing twice, and a failure rolls the row back so the retry sends it.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.models import Role
from coordination.notifications import notify
from coordination.selectors import party_members

from .models import AnnualEvaluation, ReminderSent

# The digest lists requests whose reply deadline falls within this many working days, and overdue ones.
DIGEST_WORKING_DAYS = getattr(settings, "DIGEST_WORKING_DAYS", 3)
# Minutes are chased once they have waited this many days for a leader's approval.
MINUTES_REMINDER_AFTER_DAYS = 2
# Periodic reports are announced this many days before they are due, then every run until sent.
REPORT_REMINDER_DAYS_BEFORE = 7


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
    from coordination.selectors_requests import inbox
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
        url = f"/danh-gia/{evaluation.pk}/"
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
    """Leaders of a body that has not yet approved minutes waiting for more than a couple of days."""
    from meetings.models import Minutes, MinutesState

    waited = timezone.now() - datetime.timedelta(days=MINUTES_REMINDER_AFTER_DAYS)
    waiting = (
        Minutes.objects.filter(state=MinutesState.AWAITING_APPROVAL, submitted_at__lte=waited)
        .select_related("meeting").prefetch_related("approvals", "meeting__invitations__party")
    )
    sent = 0
    for minutes in waiting:
        decided = {a.party_id for a in minutes.approvals.all() if a.round == minutes.round}
        parties = {i.party for i in minutes.meeting.invitations.all()} | {minutes.meeting.convening_party}
        for party in sorted((p for p in parties if p.pk not in decided), key=lambda p: p.order):
            with override("vi"):
                subject = _("Reminder: the minutes of “%(meeting)s” await the approval of %(party)s") % {
                    "meeting": minutes.meeting.title, "party": party.name_vi}
                body = _("A leader of each body approves the minutes.")
            sent += _remind("minutes", f"{minutes.pk}:{minutes.round}:{party.pk}", party_members(party, Role.LEADER),
                            day, subject=subject, body=body, url=f"/cuoc-hop/{minutes.meeting_id}/", actor=actor)
    return sent


def report_reminders(*, day, actor):
    """Writers of a body whose periodic report is due within a week, or overdue, and not yet sent."""
    from meetings.models import Notice, NoticeState, ReportingObligation

    sent = 0
    for obligation in ReportingObligation.objects.filter(is_active=True).select_related("reporting_party"):
        done = set(
            Notice.objects.filter(obligation=obligation, state=NoticeState.SENT).values_list("period_start", flat=True)
        )
        for start, end, due in obligation.periods(day.year) + obligation.periods(day.year - 1):
            if start in done or end >= day or due - datetime.timedelta(days=REPORT_REMINDER_DAYS_BEFORE) > day:
                continue
            with override("vi"):
                subject = _("Reminder: “%(report)s” for the period ending %(end)s is due on %(due)s") % {
                    "report": obligation.title, "end": end.strftime("%d/%m/%Y"), "due": due.strftime("%d/%m/%Y")}
                body = _("Send the report to the other body as a notice.")
            users = party_members(obligation.reporting_party, Role.STAFF, Role.LEADER)
            sent += _remind("report", f"{obligation.pk}:{start.isoformat()}", users, day,
                            subject=subject, body=body, url="/cuoc-hop/", actor=actor)
    return sent
