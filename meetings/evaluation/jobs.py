"""Scheduled jobs write a JobRun row per run, so admins see in the app the last run and its outcome."""

import contextlib
import logging

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import SYSTEM_USERNAME, JobRun

logger = logging.getLogger(__name__)


def system_user():
    """The user the jobs act as, so no history row is anonymous (made by a data migration).

    It has an unusable password and no memberships: it can sign in nowhere and see nothing.
    """
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": "Hệ thống", "last_name": "", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@contextlib.contextmanager
def recorded_run(task_name):
    """Record one run of `task_name`: started, finished, outcome and a message.

    The body yields a dict; whatever it puts under "message" is kept. An exception marks the run
    failed with its text and propagates, so Celery's retry with backoff still happens.
    """
    run = JobRun.objects.create(task=task_name)
    result = {"message": ""}
    try:
        yield result
    except Exception as exc:
        run.outcome, run.message = JobRun.Outcome.FAILURE, f"{type(exc).__name__}: {exc}"[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["outcome", "message", "finished_at"])
        logger.exception("job %s failed", task_name)
        raise
    run.outcome, run.message = JobRun.Outcome.SUCCESS, str(result.get("message", ""))[:2000]
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "message", "finished_at"])


def latest_runs(task_names):
    """The most recent run of each job (two queries whatever the number of jobs)."""
    from django.db.models import Max

    last_ids = (
        JobRun.objects.filter(task__in=task_names).values("task").annotate(last=Max("pk"))
        .values_list("last", flat=True)
    )
    runs = {run.task: run for run in JobRun.objects.filter(pk__in=list(last_ids))}
    failures = dict(
        JobRun.objects.filter(task__in=task_names, outcome=JobRun.Outcome.FAILURE)
        .values("task").annotate(last=Max("started_at")).values_list("task", "last")
    )
    return runs, failures
