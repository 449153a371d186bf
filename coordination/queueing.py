"""Queue a Celery task once the transaction has committed, without turning a broker outage into an error.

The step the user took is committed by then; a broker that is down must not answer it with an error
page. The failure is logged so an operator sees it.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def delay_on_commit(task, *args):
    def send():
        try:
            task.delay(*args)
        except Exception:  # noqa: BLE001 - any broker failure
            logger.exception("could not queue %s%r", task.name, args)

    transaction.on_commit(send)
