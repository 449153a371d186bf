"""Shared fixtures: the two bodies and one user per (body, role), plus the run summary."""

import os
import shutil

import kombu.pools
import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from config.celery import app as celery_app
from coordination.groups import sync_user_groups
from coordination.models import Clearance, Membership, Party, Role

from .shipped import restore_shipped_data
from .workers import OwnRedis


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in request.fixturenames


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty default cache: figures and rate-limit counts kept by an earlier test
    (whose rows were rolled back, and whose ids SQLite may hand out again) must not answer for this one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def shipped_data(request):
    """Every transactional test starts with the data migrations ship (see tests/shipped.py)."""
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        restore_shipped_data()


@pytest.fixture
def bcsd(db):
    return Party.objects.get(code="BCSD")


@pytest.fixture
def du(db):
    return Party.objects.get(code="DU")


@pytest.fixture
def make_member(db, django_user_model):
    """make_member("name", (party, role[, clearance]), ...) -> a user with those memberships in force."""

    def make(username, *memberships, active_from=None, active_to=None):
        user = django_user_model.objects.create_user(
            username=username, password="x-test-password-1", first_name=username.split(".")[-1].title(),
            last_name="Test", email=f"{username}@example.test",
        )
        for spec in memberships:
            party, role, *rest = spec
            Membership.objects.create(
                user=user, party=party, role=role, clearance=rest[0] if rest else Clearance.NONE,
                active_from=active_from or timezone.localdate() - timezone.timedelta(days=30), active_to=active_to,
            )
        sync_user_groups(user)
        return user

    return make


@pytest.fixture
def bcsd_staff(make_member, bcsd):
    return make_member("bcsd.staff", (bcsd, Role.STAFF, Clearance.MAT))


@pytest.fixture
def bcsd_leader(make_member, bcsd):
    return make_member("bcsd.leader", (bcsd, Role.LEADER, Clearance.TOI_MAT))


@pytest.fixture
def du_staff(make_member, du):
    return make_member("du.staff", (du, Role.STAFF))


@pytest.fixture
def du_leader(make_member, du):
    return make_member("du.leader", (du, Role.LEADER, Clearance.TOI_MAT))


@pytest.fixture
def reg_admin(make_member, bcsd, du):
    return make_member("reg.admin", (bcsd, Role.ADMIN, Clearance.MAT), (du, Role.ADMIN, Clearance.MAT))


@pytest.fixture
def outsider(db, django_user_model):
    return django_user_model.objects.create_user(username="outsider", password="x-test-password-1")


@pytest.fixture
def real_worker():
    """A real Celery worker thread on the configured broker (Redis in CI); tasks stop running inline."""
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True


@pytest.fixture
def own_redis(tmp_path):
    """A second Redis on its own port, which the test may stop and start (redis-server must be installed)."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not on PATH: the broker-outage tests need their own Redis to stop and start")
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def celery_on_own_redis(own_redis):
    """The Celery app sends to and reads from `own_redis` (whatever CELERY_BROKER_URL says), tasks not inline."""
    conf = celery_app.conf
    saved = {key: conf[key] for key in ("broker_write_url", "broker_read_url", "broker_transport_options",
                                        "task_always_eager")}
    _reset_broker_pools()
    # The write and read URLs, unlike broker_url, are not overridden by CELERY_BROKER_URL in the environment.
    conf.update(broker_write_url=own_redis.url, broker_read_url=own_redis.url,
                broker_transport_options={"visibility_timeout": 60}, task_always_eager=False)
    try:
        yield own_redis
    finally:
        _reset_broker_pools()
        conf.update(saved)


def _reset_broker_pools():
    # The app caches kombu's (global) connection and producer pools; drop them all so the next task
    # sent builds new ones from the current settings.
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def client_for(client):
    """client_for(user) -> the test client signed in as user."""

    def login(user):
        client.force_login(user)
        return client

    return login


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    where = f"{db.get('HOST') or 'local'}:{db.get('PORT') or ''}/{db.get('NAME')}" if engine != "sqlite3" else "SQLite"
    broker = settings.CELERY_BROKER_URL.split("@")[-1]
    browser = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    terminalreporter.write_sep("-", "environment used")
    terminalreporter.write_line(f"database: {engine} ({where})")
    terminalreporter.write_line(f"broker:   {broker}")
    terminalreporter.write_line(f"browser:  {browser or 'none found (browser tests skipped)'}")
