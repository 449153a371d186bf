"""The API's plumbing, seen from a client: sign-in by token or session, 401 signed out, one error format,
bounded pages, rate limits per token, and the schema and its documentation pages."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from coordination.models import ApiToken, SecurityEvent
from coordination.services.tokens import token_revoke

pytestmark = pytest.mark.django_db


def test_signed_out_calls_get_401_in_the_error_format(anon_api, bcsd):
    response = anon_api.get("/api/v1/bodies/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"]


def test_a_token_signs_in_as_its_owner(api_for, bcsd_staff, bcsd):
    response = api_for(bcsd_staff).get("/api/v1/me/")
    assert response.status_code == 200
    me = response.json()
    assert me["username"] == "bcsd.staff"
    assert [c["party"] for c in me["capacities"]] == [bcsd.pk]


def test_the_token_is_stored_hashed_and_its_last_use_recorded(api_for, bcsd_staff):
    client = api_for(bcsd_staff)
    token = ApiToken.objects.get(user=bcsd_staff)
    assert client.secret not in token.key_digest and token.last_used_at is None
    client.get("/api/v1/me/")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_or_wrong_token_is_refused_and_logged(api_for, bcsd_staff):
    client = api_for(bcsd_staff)
    token_revoke(by=bcsd_staff, token=ApiToken.objects.get(user=bcsd_staff))
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert "token" in response.json()["detail"].lower() or "khóa" in response.json()["detail"].lower()
    forged = APIClient()
    forged.credentials(HTTP_AUTHORIZATION=client.secret[:-4] + "abcd")
    forged.credentials(HTTP_AUTHORIZATION="Bearer " + client.secret[:-4] + "abcd")
    assert forged.get("/api/v1/me/").status_code == 401
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOGIN_FAILED).count() == 2


def test_messages_are_in_vietnamese_unless_the_call_asks_for_english(api_for, bcsd_staff):
    client = api_for(bcsd_staff)
    vi = client.get("/api/v1/bodies/999999/").json()["detail"]
    en = client.get("/api/v1/bodies/999999/", HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
    assert vi != en and "Not found" in en


def test_the_session_works_for_the_apps_own_pages(client, bcsd_staff):
    client.force_login(bcsd_staff)
    assert client.get("/api/v1/me/").json()["username"] == "bcsd.staff"


def test_pages_are_bounded(api_for, bcsd_staff):
    body = api_for(bcsd_staff).get("/api/v1/areas/?page_size=100000&page=99999999999999").json()
    assert body["count"] == 6 and len(body["results"]) == 6 and body["next"] is None


@override_settings(REST_FRAMEWORK={
    **__import__("django.conf", fromlist=["settings"]).settings.REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"api": "3/min"},
})
def test_rate_limits_count_per_token(api_for, bcsd_staff):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        first, second = api_for(bcsd_staff, "one"), api_for(bcsd_staff, "two")
        assert [first.get("/api/v1/me/").status_code for _ in range(4)] == [200, 200, 200, 429]
        assert second.get("/api/v1/me/").status_code == 200
        assert first.get("/api/v1/me/").json()["detail"]
    finally:
        # Not api_settings' rates: inside override_settings they are still 3/min, and every later test would be
        # throttled (the class keeps whatever it was given).
        SimpleRateThrottle.THROTTLE_RATES = original


def test_schema_and_docs_for_signed_in_people_only(client, anon_api, bcsd_staff):
    assert anon_api.get("/api/v1/schema/").status_code == 401
    client.force_login(bcsd_staff)
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower() and b"/static/drf_spectacular_sidecar/" in docs.content
