"""Nothing is lost when the broker is down: the emails of a step wait in the outbox and leave once.

The test runs its own Redis so it can stop it: steps taken while it is down commit and record their
emails; once it is back, the re-queue job (run twice, so every entry is queued twice) and a real
worker send each email exactly once.
"""

import datetime
from collections import Counter

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from config.celery import app as celery_app
from coordination.models import OutboxEntry
from coordination.outbox import outbox_requeue
from coordination.tasks import ping
from meetings import services


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_emails_of_steps_taken_while_the_broker_is_down_are_sent_once_when_it_is_back(
        celery_on_own_redis, make_meeting, bcsd_staff):
    redis = celery_on_own_redis
    redis.stop()
    meeting = make_meeting(days=-1)  # four invitees: an invitation with the .ics each
    services.minutes_save(by=bcsd_staff, meeting=meeting, content="Hai bên đã thống nhất.")
    services.minutes_submit(by=bcsd_staff, meeting=meeting)  # the leaders of both bodies are asked to approve
    assert mail.outbox == []

    redis.start()
    pending = OutboxEntry.objects.filter(done_at=None).count()
    assert outbox_requeue(after=datetime.timedelta(0)) == pending
    assert outbox_requeue(after=datetime.timedelta(0)) == pending  # every entry is now queued twice
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert ping.delay("cuối").get(timeout=60) == "cuối"  # one worker, in order: everything before ran
    sent = Counter((m.to[0], m.subject.split(":")[0]) for m in mail.outbox)
    assert sent == Counter(
        [(f"{who}@example.test", "Giấy mời họp") for who in ("bcsd.staff", "bcsd.leader", "du.staff", "du.leader")]
        + [(f"{who}@example.test", "Biên bản chờ đồng chí duyệt") for who in ("bcsd.leader", "du.leader")]
    )
    assert not OutboxEntry.objects.filter(done_at=None).exists()

    assert outbox_requeue(after=datetime.timedelta(0)) == 0  # nothing left: the next run sends nothing
