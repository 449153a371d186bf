"""The shell every page lives in: login everywhere, languages, dates, errors, health."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import formats, translation
from rest_framework.permissions import IsAuthenticated

from config.celery import app as celery_app

# Views that must answer without a signed-in user. The calendar feed is read by calendar
# programs that carry no session: its secret, revocable token is the authentication.
PUBLIC_VIEWS = {"login", "healthz", "set_language", "meetings:calendar_feed"}


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _walk(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            yield f"{prefix}{p.name}", p.callback


def test_every_view_outside_the_allow_list_requires_login():
    offenders = []
    for name, callback in _walk(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue  # the Django admin has its own staff login
        if name.startswith("api:"):  # REST framework's views answer 401 themselves instead of redirecting
            if not _api_requires_authentication(callback):
                offenders.append(name)
        elif not getattr(callback, "login_required", True) and name not in PUBLIC_VIEWS:
            offenders.append(name)
    assert offenders == []


def _api_requires_authentication(callback):
    view_class = getattr(callback, "cls", None)
    return view_class is not None and any(issubclass(p, IsAuthenticated) for p in view_class.permission_classes)


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_home_page_is_in_vietnamese_with_capacity(client_for, bcsd_leader):
    response = client_for(bcsd_leader).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Lãnh đạo · Ban cán sự đảng" in html
    assert "Đăng xuất" in html


@pytest.mark.django_db
def test_language_switch_to_english(client_for, du_staff):
    client = client_for(du_staff)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Staff · Party Executive Committee" in html


@pytest.mark.django_db
def test_unknown_page_gets_404_in_the_layout(client_for, du_staff):
    response = client_for(du_staff).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_dates_read_dd_mm_yyyy_in_both_languages():
    day = datetime.date(2026, 1, 5)
    for lang in ("vi", "en"):
        with translation.override(lang):
            assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/01/2026"
            assert formats.date_format(day) == "05/01/2026"


@pytest.mark.django_db
def test_health_check_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_health_check_answers_503_when_the_broker_is_unreachable(client):
    before = celery_app.conf.broker_url, celery_app.conf.broker_write_url
    celery_app.conf.broker_url = celery_app.conf.broker_write_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        celery_app.conf.broker_url, celery_app.conf.broker_write_url = before
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


@pytest.mark.django_db
def test_names_read_in_vietnamese_order_family_name_first(client_for, bcsd_leader):
    bcsd_leader.first_name, bcsd_leader.last_name = "Minh", "Trần Văn"
    bcsd_leader.save()
    html = client_for(bcsd_leader).get("/").content.decode()
    assert "Trần Văn Minh" in html and "Minh Trần Văn" not in html


@pytest.mark.django_db
def test_home_offers_member_pages_and_security_log_only_to_who_may_open_them(client_for, du_staff, du_leader,
                                                                             reg_admin):
    staff_home = client_for(du_staff).get("/").content.decode()
    assert "Thành viên và vai trò" not in staff_home and "Nhật ký bảo mật" not in staff_home
    leader_home = client_for(du_leader).get("/").content.decode()
    assert "Nhật ký bảo mật" in leader_home and "Thành viên và vai trò" not in leader_home
    admin_home = client_for(reg_admin).get("/").content.decode()
    assert "Thành viên và vai trò" in admin_home and "Nhật ký bảo mật" in admin_home


@pytest.mark.django_db
def test_postgresql_runs_the_apps_queries_without_parallel_workers():
    # DB_PARALLEL_WORKERS (default 0): on a small server, a parallel worker per count costs the other pages.
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


def test_the_wsgi_application_loads_under_production_settings_with_its_code_kept_from_the_collector():
    # What gunicorn imports: it must start with the production settings and leave Django, the apps and the
    # views outside the cyclic collector (gc.freeze), so a full collection does not walk them on a page.
    import subprocess
    import sys

    script = ("import gc, config.wsgi; from django.urls import reverse; "
              "print(config.wsgi.application.__class__.__name__, gc.get_freeze_count() > 100_000, reverse('home'))")
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "test-only-not-a-secret", "ALLOWED_HOSTS": "testserver",
           "SITE_URL": "https://testserver", "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60,
                            cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["WSGIHandler", "True", "/"]
