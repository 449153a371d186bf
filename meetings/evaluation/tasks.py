"""Scheduled jobs of the evaluation, the reminders and the digest.

Thin: ids (or a date) in, one service call, a JobRun row written. Safe to run twice: unique rows
in the database (one evaluation per regulation and year, one reminder per person, subject and
day) make a second run a no-op. Retried with exponential backoff; history is written as the
system user. The schedule is CELERY_BEAT_SCHEDULE in config/settings/base.py.
"""

import datetime

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from .jobs import recorded_run, system_user

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "retry_backoff_max": 3600, "max_retries": 6}


def _day(value):
    return datetime.date.fromisoformat(value) if value else timezone.localdate()


@shared_task(**RETRY)
def open_annual_evaluations(day=None):
    """Daily: open the evaluation of every regulation in force whose opening day has come."""
    from .services.opening import open_due_evaluations

    with recorded_run("meetings.evaluation.tasks.open_annual_evaluations") as run:
        done = open_due_evaluations(by=system_user(), today=_day(day))
        opened = [e.year for e, created in done if created]
        run["message"] = f"opened: {opened}" if opened else f"nothing to open ({len(done)} already open)"
    return [e.pk for e, _ in done]


@shared_task(**RETRY)
def refresh_evaluation_statistics():
    """Nightly: a new dated snapshot of the figures for every evaluation not yet closed."""
    from .models import AnnualEvaluation
    from .services.figures import snapshot_compute

    with recorded_run("meetings.evaluation.tasks.refresh_evaluation_statistics") as run:
        evaluations = AnnualEvaluation.objects.exclude(state=AnnualEvaluation.State.CLOSED)
        ids = [snapshot_compute(evaluation=e, by=system_user()).pk for e in evaluations]
        run["message"] = f"{len(ids)} snapshot(s)"
    return ids


@shared_task(**RETRY)
def send_daily_digests(day=None):
    """Daily: queue one digest per person who has requests due soon or overdue."""
    from .reminders import digest_candidate_ids

    with recorded_run("meetings.evaluation.tasks.send_daily_digests") as run:
        day = _day(day)
        ids = digest_candidate_ids(day)
        for user_id in ids:
            send_digest.delay(user_id, day.isoformat())
        run["message"] = f"{len(ids)} person(s) queued"
    return ids


@shared_task(**RETRY)
def send_digest(user_id, day):
    """One person's digest for one day; the unique (person, day) row makes a second run send nothing."""
    from .reminders import digest_send

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    return digest_send(user=user, day=_day(day)) if user else 0


@shared_task(**RETRY)
def remind_evaluation_parts(day=None):
    """Weekly: remind the bodies that have not sent their self-assessment or approved."""
    from .reminders import evaluation_reminders

    with recorded_run("meetings.evaluation.tasks.remind_evaluation_parts") as run:
        sent = evaluation_reminders(day=_day(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent


@shared_task(**RETRY)
def remind_minutes_awaiting_approval(day=None):
    """Daily: remind leaders of minutes that wait for their body's approval."""
    from .reminders import minutes_reminders

    with recorded_run("meetings.evaluation.tasks.remind_minutes_awaiting_approval") as run:
        sent = minutes_reminders(day=_day(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent


@shared_task(**RETRY)
def remind_reports_due(day=None):
    """Daily: remind a body of a periodic report due within a week or overdue."""
    from .reminders import report_reminders

    with recorded_run("meetings.evaluation.tasks.remind_reports_due") as run:
        sent = report_reminders(day=_day(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent
