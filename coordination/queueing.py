"""Queue a Celery task once the transaction has committed, recorded in the outbox so nothing is lost.

`delay_on_commit` writes an outbox entry inside the caller's transaction (the step and the entry
commit or roll back together) and queues it after commit. A broker that is down must not answer the
committed step with an error page: the failure is logged, and the `requeue-outbox` beat job queues
the entry again once the broker is back (coordination/outbox.py).
"""

import logging

from django.db import transaction

from .models import OutboxEntry

logger = logging.getLogger(__name__)


def delay_on_commit(task, *args):
    entry = OutboxEntry.objects.create(task=task.name, args=list(args))

    def send():
        # Local: queueing -> tasks -> services.digest -> reminders -> notifications -> queueing is a cycle.
        from .tasks import run_outbox_entry

        try:
            run_outbox_entry.delay(entry.pk)
        except Exception:  # noqa: BLE001 - any broker failure
            logger.exception("could not queue %s%r (outbox entry %s, queued again later)", task.name, args, entry.pk)

    transaction.on_commit(send)
    return entry
