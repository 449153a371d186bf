"""Tasks only the worker-process tests use (`celery -A config worker -I tests.worker_jobs`).

Each writes a line to the file named by QC_TEST_LOG (one short append: atomic), so a test counts runs
without sharing a database with the worker process.
"""

import os
import sys
import time

import django
from celery import shared_task

from config.celery import app


def _log(line):
    with open(os.environ["QC_TEST_LOG"], "a") as file:
        file.write(f"{line}\n")


@shared_task(ignore_result=True)
def record(value):
    _log(value)


@shared_task(ignore_result=True)  # acks_late and reject_on_worker_lost come from the settings, as for every job
def slow_record(value, seconds):
    """Writes `start` at the beginning and `done` at the end: a run cut short leaves only `start`.

    The process running it is named in QC_TEST_LOG.pid, for a test to kill it."""
    with open(f"{os.environ['QC_TEST_LOG']}.pid", "w") as file:
        file.write(str(os.getpid()))
    _log(f"start {value}")
    time.sleep(seconds)
    _log(f"done {value}")


def produce(task, start, stop):
    """`python -m tests.worker_jobs record 0 1250`: queue task(i) for i in range(start, stop)."""
    django.setup()
    with app.producer_or_acquire() as producer:
        for value in range(start, stop):
            app.send_task(f"tests.worker_jobs.{task}", args=[str(value)], producer=producer)


if __name__ == "__main__":
    produce(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
