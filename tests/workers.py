"""Real worker processes for the broker tests: a worker that can die, be killed and be started again."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker_env(log, **extra):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "CELERY_TASK_ALWAYS_EAGER": "0",
           "QC_TEST_LOG": str(log), "PYTHONUNBUFFERED": "1"}
    env.pop("CELERY_RESULT_BACKEND", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def start_worker_process(env, output, *args):
    """`celery -A config worker` with the test jobs, its output in `output`."""
    command = [str(Path(sys.executable).parent / "celery"), "-A", "config", "worker", "--pool=solo",
               "--loglevel=INFO", "--without-mingle", "--without-gossip", "-I", "tests.worker_jobs", *args]
    with open(output, "ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(process, sig=signal.SIGTERM, timeout=20):
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate, timeout, what, worker=None, output=None):
    """Poll until predicate() holds; fail at once, with the worker's last output, if the worker died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if worker is not None and worker.poll() is not None:
            tail = Path(output).read_text()[-2000:] if output else ""
            raise AssertionError(f"the worker died (exit {worker.returncode}) waiting for {what}:\n{tail}")
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def lines(path):
    return Path(path).read_text().splitlines() if Path(path).exists() else []
