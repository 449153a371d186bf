"""The client's address comes through the configured number of trusted proxies, never from whoever sets the header."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from coordination.models import SecurityEvent

pytestmark = pytest.mark.django_db


def _fail_login(client, **headers):
    client.post(reverse("login"), {"username": "du.staff", "password": "wrong"}, **headers)
    return SecurityEvent.objects.filter(kind="login_failed").latest("pk").ip_address


def test_without_a_proxy_a_forged_forwarded_for_is_ignored(client, du_staff, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    ip = _fail_login(client, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert ip == "198.51.100.9"
    assert AccessAttempt.objects.get().ip_address == "198.51.100.9"


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (1, "203.0.113.7", "203.0.113.7"),
    (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client wrote 6.6.6.6, our proxy appended the truth
    (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
    (2, "203.0.113.7", "10.0.0.1"),  # fewer hops than proxies: the header skipped ours, trust the peer
    (1, "not-an-address", "10.0.0.1"),
    (1, "", "10.0.0.1"),
])
def test_behind_trusted_proxies_the_address_is_counted_from_the_right(client, du_staff, settings, count, forwarded,
                                                                        expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert _fail_login(client, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == expected
    assert AccessAttempt.objects.get().ip_address == expected  # axes throttles the same address


def test_rotating_a_forged_header_does_not_escape_the_lockout(client, du_staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail_login(client, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.7")
    response = client.post(reverse("login"), {"username": "du.staff", "password": "x-test-password-1"},
                           REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.99, 203.0.113.7")
    assert response.status_code == 429
