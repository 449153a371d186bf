"""A real worker, on the configured broker (Redis in CI, the filesystem otherwise), runs a task."""

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from coordination.tasks import ping


@pytest.fixture
def real_worker():
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = True


@pytest.mark.worker
def test_a_task_sent_through_the_broker_completes_on_a_worker(real_worker):
    result = ping.delay("xin chào")
    assert result.get(timeout=30) == "xin chào"
