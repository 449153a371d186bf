"""The scheduled jobs' shared plumbing: the beat schedule, the jobs page's address, and the move of its tables."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from config.celery import app as celery_app
from coordination.jobs import DESCRIPTIONS
from coordination.models import JobRun, ReminderSent
from coordination.reminders import reminder_claim

BEFORE_THE_MOVE = [("coordination", "0007_drop_request_reminders"), ("evaluation", "0003_follow_up_request")]


def test_every_beat_entry_runs_a_registered_task_and_says_when_and_why():
    celery_app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in celery_app.tasks, f"{name}: no task {entry['task']}"
        assert name in DESCRIPTIONS, f"{name} is not described on the jobs page"


@pytest.mark.django_db
def test_the_old_jobs_address_sends_to_the_shared_page(client_for, reg_admin):
    response = client_for(reg_admin).get("/danh-gia/tac-vu/")
    assert response.status_code == 301 and response.url == reverse("coordination:job_runs") == "/phoi-hop/tac-vu/"


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_runs_and_reminders(django_user_model):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_MOVE)
    old = executor.loader.project_state(BEFORE_THE_MOVE).apps
    user = old.get_model(*settings.AUTH_USER_MODEL.split(".")).objects.get(username="system")
    old.get_model("evaluation", "JobRun").objects.create(task="meetings.evaluation.tasks.remind_reports_due",
                                                        outcome="failure", message="SMTP down")
    sent_on = datetime.date(2026, 11, 23)
    for kind in ("digest", "minutes", "report", "evaluation"):
        old.get_model("evaluation", "ReminderSent").objects.create(kind=kind, key="1", user_id=user.pk,
                                                                   sent_on=sent_on)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    run = JobRun.objects.get()
    assert (run.task, run.outcome, run.message) == ("meetings.tasks.remind_reports_due", "failure", "SMTP down")
    assert ReminderSent.objects.count() == 4
    system = django_user_model.objects.get(username="system")
    for kind in ("digest", "minutes", "report", "evaluation"):
        assert not reminder_claim(kind, "1", system, sent_on)  # already sent that day: nothing goes out twice
        assert reminder_claim(kind, "1", system, sent_on + datetime.timedelta(days=1))
