"""The outbox: a step's emails are recorded with the step, sent once, and queued again when left unsent."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone

from coordination.models import JobRun, OutboxEntry
from coordination.outbox import outbox_requeue, outbox_run
from coordination.services import requests as request_services
from coordination.tasks import purge_outbox, requeue_outbox

LATER = datetime.timedelta(minutes=3)


@pytest.fixture
def submitted_unsent(make_request, bcsd_staff, bcsd_leader, django_capture_on_commit_callbacks):
    """A request submitted while the broker was down: committed, its email recorded and not sent."""
    req = make_request(bcsd_staff)
    with django_capture_on_commit_callbacks(execute=False):  # the queueing after commit never happens
        request_services.request_submit(by=bcsd_staff, creq=req)
    return req


def test_a_committed_step_records_its_email_in_the_outbox_and_the_queued_task_sends_it(
        make_request, bcsd_staff, bcsd_leader, django_capture_on_commit_callbacks):
    req = make_request(bcsd_staff)
    with django_capture_on_commit_callbacks(execute=True):
        request_services.request_submit(by=bcsd_staff, creq=req)
    assert [m.to for m in mail.outbox] == [[bcsd_leader.email]]
    entry = OutboxEntry.objects.get()
    assert entry.task == "coordination.tasks.send_notification_email" and entry.done_at is not None


def test_a_step_rolled_back_leaves_nothing_in_the_outbox(make_request, bcsd_staff, django_capture_on_commit_callbacks):
    req = make_request(bcsd_staff)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        request_services.request_submit(by=bcsd_staff, creq=req)
        raise RuntimeError
    assert not OutboxEntry.objects.exists() and mail.outbox == []


def test_an_email_left_unsent_is_queued_again_and_sent_once(submitted_unsent, bcsd_leader):
    assert mail.outbox == [] and OutboxEntry.objects.filter(done_at=None).count() == 1
    assert outbox_requeue() == 0  # just written: the normal path may still be on its way
    assert outbox_requeue(now=timezone.now() + LATER) == 1
    assert [m.to for m in mail.outbox] == [[bcsd_leader.email]]
    assert outbox_requeue(now=timezone.now() + LATER) == 0
    assert len(mail.outbox) == 1


def test_an_entry_run_twice_sends_one_email(submitted_unsent):
    entry = OutboxEntry.objects.get()
    assert outbox_run(entry_id=entry.pk) is True
    assert outbox_run(entry_id=entry.pk) is False
    OutboxEntry.objects.filter(pk=entry.pk).update(done_at=None)  # a redelivery racing the marking
    outbox_run(entry_id=entry.pk)
    assert len(mail.outbox) == 1


def test_entries_older_than_two_days_are_left_for_an_operator(submitted_unsent, caplog):
    assert outbox_requeue(now=timezone.now() + datetime.timedelta(days=3)) == 0
    assert mail.outbox == [] and "never done" in caplog.text


def test_the_requeue_job_is_scheduled_and_writes_a_job_run_only_when_something_was_left(submitted_unsent):
    assert settings.CELERY_BEAT_SCHEDULE["requeue-outbox"]["task"] == "coordination.tasks.requeue_outbox"
    assert requeue_outbox() == 0  # an entry just written is on its normal way
    assert not JobRun.objects.filter(task="coordination.tasks.requeue_outbox").exists()
    OutboxEntry.objects.update(created_at=timezone.now() - LATER)
    assert requeue_outbox() == 1
    assert JobRun.objects.get(task="coordination.tasks.requeue_outbox").message == "1 queued again"
    assert requeue_outbox() == 0
    assert JobRun.objects.filter(task="coordination.tasks.requeue_outbox").count() == 1


def test_the_nightly_purge_deletes_entries_done_a_month_ago_and_keeps_the_rest(submitted_unsent):
    now = timezone.now()
    never_done = OutboxEntry.objects.get()
    never_done.created_at = now - datetime.timedelta(days=90)
    never_done.save()
    old = [OutboxEntry.objects.create(task="t", done_at=now - datetime.timedelta(days=31)) for _ in range(3)]
    recent = OutboxEntry.objects.create(task="t", done_at=now - datetime.timedelta(days=29))
    assert settings.CELERY_BEAT_SCHEDULE["purge-outbox"]["task"] == "coordination.tasks.purge_outbox"
    assert purge_outbox() == 3
    assert set(OutboxEntry.objects.values_list("pk", flat=True)) == {never_done.pk, recent.pk}
    assert not OutboxEntry.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert JobRun.objects.get(task="coordination.tasks.purge_outbox").message == "3 deleted"
