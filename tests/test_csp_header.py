"""Every page carries the Content-Security-Policy: own origin only, nothing inline, never framed."""

import pytest
from django.urls import reverse


def _directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_pages_carry_a_strict_content_security_policy(client_for, client, bcsd_staff, signed_in):
    if signed_in:
        client = client_for(bcsd_staff)
    response = client.get("/" if signed_in else reverse("login"))
    assert response.status_code == 200
    policy = _directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in value or "nonce" in value for values in policy.values() for value in values)
    assert "script-src" not in policy and "style-src" not in policy, "default-src 'self' governs both"


@pytest.mark.django_db
def test_error_pages_carry_the_policy_too(client_for, bcsd_staff):
    response = client_for(bcsd_staff).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
