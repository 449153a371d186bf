"""A job whose worker is killed (`kill -9`) during the run is run again, once, by the next worker.

The job is acknowledged late and Redis gives it back after the visibility timeout (shortened here
through CELERY_VISIBILITY_TIMEOUT, as an operator could); it runs on the test's own Redis.
"""

import os
import signal
import time

import pytest
from django.conf import settings

from config.celery import app as celery_app

from .workers import lines, start_worker_process, stop, wait_for, worker_env

pytestmark = pytest.mark.worker

VISIBILITY = 3


def test_a_job_cut_short_by_kill_9_is_done_once_by_the_restarted_worker(celery_on_own_redis, tmp_path):
    log, out = tmp_path / "runs.log", tmp_path / "worker.out"
    env = worker_env(log, CELERY_BROKER_URL=celery_on_own_redis.url, CELERY_VISIBILITY_TIMEOUT=VISIBILITY)
    worker = start_worker_process(env, out)
    try:
        celery_app.send_task("tests.worker_jobs.slow_record", args=["job", 4])
        wait_for(lambda: lines(log) == ["start job"], 60, "the job to start", worker, out)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        assert lines(log) == ["start job"]

        time.sleep(VISIBILITY + 1)  # the delivery is now older than the visibility timeout
        worker = start_worker_process(env, out)
        wait_for(lambda: "done job" in lines(log), 60, "the job to be done again", worker, out)
        time.sleep(VISIBILITY + 2)  # and not a third time
    finally:
        stop(worker)
    assert lines(log) == ["start job", "start job", "done job"]


def test_a_job_whose_pool_process_is_killed_is_put_back_at_once_and_done_once(celery_on_own_redis, tmp_path):
    """Production workers use the prefork pool: the parent sees its child die and, with
    reject_on_worker_lost, gives the job back at once, without waiting for the visibility timeout."""
    log, out = tmp_path / "runs.log", tmp_path / "worker.out"
    env = worker_env(log, CELERY_BROKER_URL=celery_on_own_redis.url, CELERY_VISIBILITY_TIMEOUT=3000)
    worker = start_worker_process(env, out, "--concurrency=1", pool="prefork")
    try:
        celery_app.send_task("tests.worker_jobs.slow_record", args=["job", 4])
        wait_for(lambda: lines(log) == ["start job"], 60, "the job to start", worker, out)
        os.kill(int((tmp_path / "runs.log.pid").read_text()), signal.SIGKILL)
        wait_for(lambda: "done job" in lines(log), 60, "the job to be done again", worker, out)
        time.sleep(2)
    finally:
        stop(worker)
    assert lines(log) == ["start job", "start job", "done job"]
    assert "WorkerLostError" in out.read_text()


def test_the_visibility_timeout_outlasts_the_longest_job_and_its_retry_countdowns():
    """A job still running when Redis gives it back would run twice at once on two workers."""
    longest_countdown = 2**6  # retry_backoff doubles from 1 s, at most 6 retries
    timeout = settings.BROKER_VISIBILITY_TIMEOUT
    assert settings.CELERY_TASK_TIME_LIMIT + longest_countdown < timeout < 3600
