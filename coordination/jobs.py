"""The scheduled jobs' plumbing: the system user they act as, a JobRun row per run, and what the jobs page shows.

Every app's tasks.py uses it: `with recorded_run(name) as run:` around the service call, `RETRY`
for Celery's retry with backoff, `day_or_today` for the optional ISO day a job is given.
"""

import contextlib
import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import SYSTEM_USERNAME, JobRun

logger = logging.getLogger(__name__)

# Retried with exponential backoff up to an hour apart; every job is safe to run twice.
RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "retry_backoff_max": 3600, "max_retries": 6}


def day_or_today(value):
    """The day a job runs for: an ISO date given by hand (`celery call ... --args`), else today."""
    return datetime.date.fromisoformat(value) if value else timezone.localdate()


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


# (when, what) of each beat entry, in the user's language; the keys are CELERY_BEAT_SCHEDULE's.
DESCRIPTIONS = {
    "requeue-outbox": (_("Every 5 minutes"),
                       _("Queues again the emails left unsent while the broker or the worker was down "
                         "(a run is listed only when there were some).")),
    "purge-outbox": (_("Every day at 02:00"),
                     _("Deletes the records of emails sent more than 30 days ago.")),
    "sync-membership-groups": (_("Every day at 00:05"), _("Ended memberships lose their access groups.")),
    "bring-amendments-into-force": (_("Every day at 00:15"),
                                    _("Approved amendments take effect on their effective date.")),
    "open-annual-evaluations": (_("Every day at 00:30"),
                                _("Opens the year's evaluation on its opening day, or later if that run was "
                                  "missed.")),
    "refresh-evaluation-statistics": (_("Every day at 01:00"),
                                      _("Computes a new snapshot of the figures of open evaluations.")),
    "send-daily-digests": (_("Monday to Friday at 07:00"),
                           _("One email per person: requests due within a few working days and overdue.")),
    "remind-minutes-awaiting-approval": (_("Monday to Friday at 07:30"),
                                         _("Reminds leaders of minutes awaiting their body's approval.")),
    "remind-reports-due": (_("Monday to Friday at 07:45"),
                           _("Reminds a body of a periodic report due and not yet sent.")),
    "remind-evaluation-parts": (_("Every Monday at 08:00"),
                                _("Reminds the bodies that have not done their part of the evaluation.")),
}


def describe(name, schedule):
    """(when, what) of a beat entry, in the user's language; the raw schedule when it is not described."""
    return DESCRIPTIONS.get(name, (str(schedule), ""))


def job_overview():
    """Every scheduled job of the beat schedule with its last run and its last failure."""
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", {})
    runs, failures = latest_runs([entry["task"] for entry in schedule.values()])
    jobs = []
    for key, entry in schedule.items():
        when, what = describe(key, entry["schedule"])
        jobs.append({"name": key, "task": entry["task"], "when": when, "what": what, "last": runs.get(entry["task"]),
                     "last_failure": failures.get(entry["task"])})
    return jobs


def recent_runs(limit=50):
    return JobRun.objects.all()[:limit]
