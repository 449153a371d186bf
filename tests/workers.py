"""Real worker processes for the broker tests: a worker that can die, be killed and be started again."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent


def worker_env(log, **extra):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "CELERY_TASK_ALWAYS_EAGER": "0",
           "QC_TEST_LOG": str(log), "PYTHONUNBUFFERED": "1"}
    env.pop("CELERY_RESULT_BACKEND", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def start_worker_process(env, output, *args, pool="solo"):
    """`celery -A config worker` with the test jobs, its output in `output`."""
    command = [str(Path(sys.executable).parent / "celery"), "-A", "config", "worker", f"--pool={pool}",
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


class OwnRedis:
    """A redis-server of the test's own, on a free port of 6390-6399, that the test stops and starts."""

    def __init__(self, folder):
        self.folder, self.process = folder, None
        self.port = next(p for p in range(6390, 6400) if _free(p))
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                   "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        wait_for(lambda: _answers(client), 20, f"redis-server on port {self.port}")

    def stop(self):
        if self.process is not None:
            stop(self.process)
            self.process = None


def _free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _answers(client):
    try:
        return client.ping()
    except redis.ConnectionError:
        return False
