"""Background jobs of meetings: invitation, change and cancellation e-mails with the .ics attached, and the
daily reminders of minutes awaiting approval and of periodic reports due (services/reminders.py)."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from coordination.jobs import RETRY, day_or_today, recorded_run, system_user

from . import ical
from .models import CalendarEmail, Meeting
from .services.common import absolute
from .services.reminders import minutes_reminders, report_reminders

SUBJECTS = {
    ical.REQUEST: gettext_noop("Meeting invitation: %(title)s"),
    ical.CANCEL: gettext_noop("Meeting cancelled: %(title)s"),
}


@shared_task(autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5)
def send_meeting_calendar_email(meeting_id, user_ids, method, sequence):
    """Each (meeting, member, revision, method) is mailed once, however often the task runs."""
    meeting = Meeting.objects.select_related("convening_party").filter(pk=meeting_id).first()
    if meeting is None or meeting.sequence != sequence:
        return 0  # a newer revision has its own e-mail queued
    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids).exclude(email=""):
        sent += _send_one(meeting, user, method)
    return sent


def _send_one(meeting, user, method):
    try:
        with transaction.atomic():
            CalendarEmail.objects.create(meeting=meeting, user=user, sequence=meeting.sequence, method=method)
            with translation.override(settings.LANGUAGE_CODE):
                message = _message(meeting, user, method)
            message.send()
    except IntegrityError:
        return 0
    return 1


def _message(meeting, user, method):
    url = absolute(reverse("meetings:meeting_detail", args=[meeting.pk]))
    start = timezone.localtime(meeting.starts_at)
    subject = _(SUBJECTS[method]) % {"title": meeting.title}
    if method == ical.REQUEST and meeting.sequence:
        subject = _("Meeting changed: %(title)s") % {"title": meeting.title}
    body = "\n".join(
        [
            meeting.get_kind_display(),
            meeting.title,
            _("Time: %(when)s") % {"when": f"{start:%H:%M %d/%m/%Y}"},
            _("Place: %(place)s") % {"place": meeting.place},
            _("Convened by: %(body)s") % {"body": meeting.convening_party.name},
            "",
            url,
        ]
    )
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    attendees = [user] if method == ical.REQUEST else ()
    data = ical.calendar_bytes([meeting], method=method, url_for=lambda m: url, attendees_for=lambda m: attendees)
    message.attach("cuoc-hop.ics", data, "text/calendar")
    return message


@shared_task(**RETRY)
def remind_minutes_awaiting_approval(day=None):
    """Daily: remind leaders of minutes that wait for their body's approval."""
    with recorded_run("meetings.tasks.remind_minutes_awaiting_approval") as run:
        sent = minutes_reminders(day=day_or_today(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent


@shared_task(**RETRY)
def remind_reports_due(day=None):
    """Daily: remind a body of a periodic report due within a week or overdue."""
    with recorded_run("meetings.tasks.remind_reports_due") as run:
        sent = report_reminders(day=day_or_today(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent
