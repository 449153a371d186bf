"""Run and re-queue outbox entries: what a committed step must cause is done once, even after a broker outage.

An entry is done when its task has run to the end. Its task must be idempotent per email (a unique
row or a flag set under a row lock, in the same transaction as the send), because an entry can run
twice: queued after commit and again by the re-queue job, or redelivered after its worker died.
"""

import datetime
import logging

from celery import current_app
from django.db.models import F
from django.utils import timezone

from .models import OutboxEntry

logger = logging.getLogger(__name__)

# The re-queue job leaves an entry alone this long after it was written (the normal path queues it
# at commit) and gives up on it after two days: an email about a step that old is no longer news,
# and the entry stays in the admin (Outbox) for an operator to see.
REQUEUE_AFTER = datetime.timedelta(minutes=2)
GIVE_UP_AFTER = datetime.timedelta(days=2)
# Done entries are kept this long (to answer "was that email sent?"), then deleted by the purge job, so the
# table holds about a month of steps, not years. Entries never done are kept for the operator.
KEEP_DONE_FOR = datetime.timedelta(days=30)
PURGE_BATCH = 5000


def outbox_run(*, entry_id):
    """Run the entry's task in this process and mark the entry done; False if it was done already."""
    entry = OutboxEntry.objects.filter(pk=entry_id, done_at=None).first()
    if entry is None:
        return False
    current_app.tasks[entry.task](*entry.args)
    OutboxEntry.objects.filter(pk=entry.pk, done_at=None).update(done_at=timezone.now())
    return True


def outbox_left_unsent(*, now=None, after=REQUEUE_AFTER):
    """Entries not done `after` their creation and younger than GIVE_UP_AFTER."""
    now = now or timezone.now()
    return OutboxEntry.objects.filter(done_at=None, created_at__lte=now - after, created_at__gt=now - GIVE_UP_AFTER)


def outbox_requeue(*, now=None, after=REQUEUE_AFTER):
    """Queue again every entry left unsent; returns how many."""
    from .tasks import run_outbox_entry  # tasks.py imports this module

    now = now or timezone.now()
    ids = list(outbox_left_unsent(now=now, after=after).order_by("pk").values_list("pk", flat=True))
    for entry_id in ids:
        run_outbox_entry.delay(entry_id)  # a broker still down raises: the job fails and is retried
        OutboxEntry.objects.filter(pk=entry_id).update(requeued=F("requeued") + 1)
    stale = OutboxEntry.objects.filter(done_at=None, created_at__lte=now - GIVE_UP_AFTER).count()
    if stale:
        logger.error("outbox: %d entr(ies) older than %s were never done; see the admin", stale, GIVE_UP_AFTER)
    return len(ids)


def outbox_purge(*, now=None, keep=KEEP_DONE_FOR):
    """Delete the entries done more than `keep` ago, a batch at a time (short transactions); returns how many."""
    cutoff = (now or timezone.now()) - keep
    deleted = 0
    while ids := list(OutboxEntry.objects.filter(done_at__lt=cutoff).values_list("pk", flat=True)[:PURGE_BATCH]):
        deleted += OutboxEntry.objects.filter(pk__in=ids).delete()[0]
    return deleted
