"""Scheduled jobs of the evaluation: open it, refresh its figures, remind the bodies of their part.

Thin: a date in, one service call, a JobRun row written (coordination.jobs). Safe to run twice:
unique rows in the database (one evaluation per regulation and year, one reminder per person,
subject and day) make a second run a no-op. Retried with exponential backoff; history is written
as the system user. The schedule is CELERY_BEAT_SCHEDULE in config/settings/base.py.
"""

from celery import shared_task

from coordination.jobs import RETRY, day_or_today, recorded_run, system_user

from .models import AnnualEvaluation
from .services.figures import snapshot_compute
from .services.opening import open_due_evaluations
from .services.reminders import evaluation_reminders


@shared_task(**RETRY)
def open_annual_evaluations(day=None):
    """Daily: open the evaluation of every regulation in force whose opening day has come."""
    with recorded_run("meetings.evaluation.tasks.open_annual_evaluations") as run:
        done = open_due_evaluations(by=system_user(), today=day_or_today(day))
        opened = [e.year for e, created in done if created]
        run["message"] = f"opened: {opened}" if opened else f"nothing to open ({len(done)} already open)"
    return [e.pk for e, _ in done]


@shared_task(**RETRY)
def refresh_evaluation_statistics():
    """Nightly: a new dated snapshot of the figures for every evaluation not yet closed."""
    with recorded_run("meetings.evaluation.tasks.refresh_evaluation_statistics") as run:
        evaluations = AnnualEvaluation.objects.exclude(state=AnnualEvaluation.State.CLOSED)
        ids = [snapshot_compute(evaluation=e, by=system_user()).pk for e in evaluations]
        run["message"] = f"{len(ids)} snapshot(s)"
    return ids


@shared_task(**RETRY)
def remind_evaluation_parts(day=None):
    """Weekly: remind the bodies that have not sent their self-assessment or approved."""
    with recorded_run("meetings.evaluation.tasks.remind_evaluation_parts") as run:
        sent = evaluation_reminders(day=day_or_today(day), actor=system_user())
        run["message"] = f"{sent} reminder(s)"
    return sent
