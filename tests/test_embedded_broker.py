"""The embedded broker (filesystem, the default without CELERY_BROKER_URL) never stops its worker.

Upstream kombu (celery/kombu issue 1551) lets a worker read a message file its producer has
created but not yet written, and the worker dies; config/broker.py writes atomically and skips
unreadable files. These tests run real worker processes on the embedded broker whatever broker
the suite is configured with.
"""

import os
import subprocess
import sys
import time

import pytest

from config import broker

from .workers import ROOT, lines, start_worker_process, stop, wait_for, worker_env

pytestmark = pytest.mark.worker


@pytest.fixture
def embedded(tmp_path):
    """Environment of a worker and producers sharing one embedded broker in tmp_path."""
    log = tmp_path / "runs.log"
    env = worker_env(log, CELERY_BROKER_URL="filesystem://", CELERY_BROKER_FOLDER=tmp_path / "broker")
    return env, tmp_path / "broker" / "queue", log


def produce(env, start, stop_, task="record"):
    return subprocess.Popen([sys.executable, "-m", "tests.worker_jobs", task, str(start), str(stop_)],
                            cwd=ROOT, env=env)


def test_a_worker_meeting_an_empty_and_a_half_written_message_stays_up_and_loses_nothing(embedded, tmp_path):
    env, queue, log = embedded
    assert produce(env, 0, 1).wait(60) == 0
    (message,) = queue.iterdir()
    payload = message.read_bytes()
    message.unlink()
    # What a producer leaves between creating its file and writing it, sorted first in the queue:
    # one file still empty, one written halfway (message "0", to be completed later).
    empty = queue / f"0000000001_{'e' * 8}.celery.msg"
    half = queue / f"0000000002_{'h' * 8}.celery.msg"
    empty.touch()
    half.write_bytes(payload[: len(payload) // 2])

    out = tmp_path / "worker.out"
    worker = start_worker_process(env, out)
    try:
        assert produce(env, 1, 3).wait(60) == 0
        wait_for(lambda: sorted(lines(log)) == ["1", "2"], 60, "the messages behind the unreadable files", worker, out)

        with half.open("ab") as file:  # the slow producer finishes its write: its message runs too
            file.write(payload[len(payload) // 2 :])
        wait_for(lambda: sorted(lines(log)) == ["0", "1", "2"], 30, "the completed message", worker, out)

        old = time.time() - broker.STALE_AFTER - 1  # a file nobody completes is set aside, not retried forever
        os.utime(empty, (old, old))
        wait_for(lambda: not empty.exists(), 30, "the stale empty file to be set aside", worker, out)
        assert (queue.parent / "broken" / empty.name).exists()
        assert worker.poll() is None, out.read_text()
    finally:
        stop(worker)
    assert "JSONDecodeError" not in out.read_text()


def test_5000_tasks_from_4_producers_run_exactly_once_while_the_worker_consumes(embedded, tmp_path):
    env, queue, log = embedded
    out = tmp_path / "worker.out"
    worker = start_worker_process(env, out)
    try:
        producers = [produce(env, n * 1250, (n + 1) * 1250) for n in range(4)]
        assert [p.wait(300) for p in producers] == [0, 0, 0, 0]
        wait_for(lambda: len(lines(log)) >= 5000, 600, "5,000 runs", worker, out)
        time.sleep(1)  # nothing runs a second time
    finally:
        stop(worker)
    assert sorted(map(int, lines(log))) == list(range(5000))
    assert list(queue.iterdir()) == []
