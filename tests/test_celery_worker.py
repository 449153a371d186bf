"""A real worker, on the configured broker (Redis in CI, the filesystem otherwise), runs a task."""

import pytest

from coordination.tasks import ping


@pytest.mark.worker
def test_a_task_sent_through_the_broker_completes_on_a_worker(real_worker):
    result = ping.delay("xin chào")
    assert result.get(timeout=30) == "xin chào"
