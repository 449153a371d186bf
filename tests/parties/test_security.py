"""The security log: failed logins, lockout, denied access, permission changes; who may read it."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coordination.models import Membership, Role, SecurityEvent

pytestmark = pytest.mark.django_db


def test_failed_login_is_logged_with_the_address(client, du_staff):
    client.post(reverse("login"), {"username": "du.staff", "password": "wrong"}, REMOTE_ADDR="10.1.2.3")
    event = SecurityEvent.objects.get(kind="login_failed")
    assert (event.username, event.ip_address) == ("du.staff", "10.1.2.3")


def test_repeated_failures_lock_the_account_for_that_address(client, du_staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "du.staff", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "du.staff", "password": "x-test-password-1"})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert SecurityEvent.objects.filter(kind="login_locked", username="du.staff").exists()


def test_correct_password_signs_in(client, du_staff):
    response = client.post(reverse("login"), {"username": "du.staff", "password": "x-test-password-1"})
    assert response.status_code == 302 and response.url == "/"


def test_staff_opening_member_management_is_refused_and_logged(client_for, du_staff):
    assert client_for(du_staff).get(reverse("coordination:member_list")).status_code == 403
    assert SecurityEvent.objects.filter(kind="access_denied", user=du_staff).exists()


def test_admin_of_other_body_gets_404_for_a_membership_and_it_is_logged(client_for, make_member, bcsd, du_staff):
    admin = make_member("bcsd.admin", (bcsd, Role.ADMIN))
    membership = Membership.objects.get(user=du_staff)
    assert client_for(admin).get(reverse("coordination:member_edit", args=[membership.pk])).status_code == 404
    assert SecurityEvent.objects.filter(kind="access_denied", user=admin).exists()


@pytest.mark.parametrize("who, status", [
    ("bcsd_leader", 200), ("du_leader", 200), ("reg_admin", 200), ("bcsd_staff", 403), ("du_staff", 403),
    ("outsider", 403),
])
def test_who_may_read_the_security_log(request, client_for, who, status):
    user = request.getfixturevalue(who)
    SecurityEvent.objects.create(kind="login_failed", username="ai-do")
    response = client_for(user).get(reverse("coordination:security_log"))
    assert response.status_code == status
    if status == 200:
        assert "ai-do" in response.content.decode()


def test_sessions_expire_after_inactivity_and_passwords_are_validated(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    assert settings.SESSION_COOKIE_AGE <= 3600
    with pytest.raises(ValidationError):
        validate_password("12345678")


def _session_end(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_session_slides_with_activity_and_ends_after_the_idle_time(client, bcsd_staff, settings):
    """Each request pushes the end back (the row is rewritten at most once per SESSION_RENEW_AFTER);
    a session left idle for SESSION_COOKIE_AGE is over."""
    age, renew = settings.SESSION_COOKIE_AGE, settings.SESSION_RENEW_AFTER
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(bcsd_staff)
        signed_in_until = _session_end(client)
        clock.shift(renew / 2)
        assert client.get(reverse("home")).status_code == 200
        assert _session_end(client) == signed_in_until  # pushed back less than a minute: not rewritten
        clock.shift(age - renew)  # 30 s before the first end: activity keeps the session going
        assert client.get(reverse("home")).status_code == 200
        assert _session_end(client) == timezone.now() + datetime.timedelta(seconds=age)
        clock.shift(age - renew)  # idle for less than the age: still signed in
        assert client.get(reverse("home")).status_code == 200
        clock.shift(age + 1)  # idle for longer than the age: signed out
        response = client.get(reverse("home"))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_renewing_a_session_costs_one_write_and_only_when_due(client, bcsd_staff, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(bcsd_staff)
        client.get(reverse("home"))
        with CaptureQueriesContext(connection) as not_due:
            client.get(reverse("home"))
        clock.shift(settings.SESSION_RENEW_AFTER)
        with CaptureQueriesContext(connection) as due:
            client.get(reverse("home"))
    writes = [q["sql"] for q in due.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 1 and "django_session" in writes[0]
    assert not any("django_session" in q["sql"] and "UPDATE" in q["sql"] for q in not_due.captured_queries)
