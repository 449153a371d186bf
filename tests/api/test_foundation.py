"""The API's plumbing, seen from a client: sign-in by token or session, 401 signed out, one error format,
bounded pages, rate limits per token, and the schema and its documentation pages."""

import pytest
from django.core.cache import cache
from django.http import Http404
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from coordination.models import ApiToken, Party, SecurityEvent
from coordination.security import get_visible_or_404
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


def test_rate_limits_count_per_token(api_for, bcsd_staff, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"api": "3/min"})
    cache.clear()
    try:
        first, second = api_for(bcsd_staff, "one"), api_for(bcsd_staff, "two")
        assert [first.get("/api/v1/me/").status_code for _ in range(4)] == [200, 200, 200, 429]
        assert second.get("/api/v1/me/").status_code == 200
        refused = first.get("/api/v1/me/")
        assert int(refused["Retry-After"]) > 0
        assert refused.json()["detail"].startswith("Đã vượt quá số lần gọi cho phép.")
    finally:
        cache.clear()  # the counts would follow the next tests (the cache is not rolled back)


def test_calls_go_through_when_the_shared_cache_of_the_rate_limits_is_down(api_for, bcsd_staff, settings, caplog):
    # CACHE_URL names a Redis that does not answer (port 1): the call is served, the outage logged.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2}}}
    response = api_for(bcsd_staff).get("/api/v1/me/")
    assert response.status_code == 200 and response.json()["username"] == bcsd_staff.username
    assert "rate limits not counted" in caplog.text


def test_schema_and_docs_for_signed_in_people_only(client, anon_api, bcsd_staff):
    assert anon_api.get("/api/v1/schema/").status_code == 401
    client.force_login(bcsd_staff)
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower() and b"/static/drf_spectacular_sidecar/" in docs.content


# The plumbing on every error path, seen through a small writable resource of the tests' own (probe_urls).

@pytest.fixture
def probe(settings, api_for, bcsd_staff):
    settings.ROOT_URLCONF = "tests.api.probe_urls"
    return api_for(bcsd_staff)


def _error(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"]
    return body


def test_edits_need_the_etag_the_read_gave(probe):
    url = f"/api/v1/probe/tokens/{ApiToken.objects.get().pk}/"
    read = probe.get(url)
    etag = read["ETag"]
    _error(probe.patch(url, {"name": "x"}, format="json"), 428)
    _error(probe.patch(url, {"name": "x"}, format="json", HTTP_IF_MATCH='"stale"'), 412)
    assert ApiToken.objects.get().name == "test"  # nothing changed
    edited = probe.patch(url, {"name": "renamed"}, format="json", HTTP_IF_MATCH=etag)
    assert edited.status_code == 200 and ApiToken.objects.get().name == "renamed"
    # The edit answers with the tag a read now gives, though it used another serializer: it can be edited again.
    assert edited["ETag"] == probe.get(url)["ETag"] != etag
    assert probe.patch(url, {"name": "again"}, format="json", HTTP_IF_MATCH=edited["ETag"]).status_code == 200
    _error(probe.patch(url, {"name": "late"}, format="json", HTTP_IF_MATCH=etag), 412)


def test_unreadable_bodies_and_wrong_media_types_answer_in_the_error_format(probe):
    body = _error(probe.post("/api/v1/probe/form/", "{not json", content_type="application/json"), 400)
    assert "JSON" in body["detail"] and "Expecting" not in body["detail"]
    assert "text/plain" in _error(probe.post("/api/v1/probe/form/", "x", content_type="text/plain"), 415)["detail"]
    assert "DELETE" in _error(probe.delete("/api/v1/probe/form/"), 405)["detail"]
    _error(probe.get("/api/v1/probe/form/", HTTP_ACCEPT="text/html"), 406)


def test_field_errors_are_translated_and_nested_fields_named_by_their_path(probe):
    body = _error(probe.post("/api/v1/probe/form/", {"items": [{"title": "ok"}, {"title": "too long"}]},
                             format="json"), 400)
    assert body["errors"]["number"] == ["Trường này là bắt buộc."]
    assert list(body["errors"]) == ["number", "items[1].title"]
    english = probe.post("/api/v1/probe/form/", {"number": "x", "items": []}, format="json",
                         HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["errors"] == {"number": ["A valid integer is required."]}


def test_a_server_error_answers_in_the_error_format(probe):
    probe.raise_request_exception = False
    body = _error(probe.get("/api/v1/probe/fail/"), 500)
    assert body["errors"] == {}


def test_unknown_addresses_answer_in_json(api_for, anon_api, bcsd_staff):
    client = api_for(bcsd_staff)
    for url in ("/api/v1/nothing-here/", "/api/v1/bodies/1.5/", "/api/v1/bodies/1/nothing/"):
        _error(client.get(url), 404)
        _error(client.post(url, {}, format="json"), 404)
        assert _error(anon_api.get(url), 401)
    assert client.get("/api/v1/bodies").status_code == 301  # the address without its slash is sent to it


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer qc_1234567\x00_abc", "Bearer qc_ABCDEFGH_abc",
                                    "Bearer qc_12345678", "Bearer éé€", "bearer    ", "Bearer " + "x" * 5000])
def test_malformed_tokens_are_refused_in_the_error_format(anon_api, bcsd_staff, header):
    _error(anon_api.get("/api/v1/me/", HTTP_AUTHORIZATION=header), 401)


def test_a_malformed_token_is_logged_without_its_bytes(anon_api):
    anon_api.get("/api/v1/me/", HTTP_AUTHORIZATION="Bearer qc_1234567\x00_abc")
    assert SecurityEvent.objects.get(kind=SecurityEvent.Kind.LOGIN_FAILED).detail == "API token of the wrong form"


def test_the_language_asked_for_is_the_language_of_the_answer(api_for, anon_api, client, bcsd_staff):
    signed_out = anon_api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="de, en;q=0.5")
    assert signed_out.json()["detail"] == "Authentication credentials were not provided."
    assert signed_out["Content-Language"] == "en"
    vi = anon_api.get("/api/v1/me/")
    assert "xác thực" in vi.json()["detail"] and vi["Content-Language"] == "vi"
    token = api_for(bcsd_staff).get("/api/v1/bodies/999/", HTTP_ACCEPT_LANGUAGE="en")
    assert token.json()["detail"] == "Not found." and token["Content-Language"] == "en"
    # The app's own pages (the session) keep the person's language, whatever the browser asks.
    client.force_login(bcsd_staff)
    page = client.get("/api/v1/bodies/999/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.json()["detail"] == "Không tìm thấy." and page["Content-Language"] == "vi"


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/x-www-form-urlencoded; charset=utf-16", "number=1".encode("utf-16")),
    ("multipart/form-data; boundary=", b"--\r\n"),
])
def test_an_unreadable_form_body_answers_400_in_the_error_format(probe, content_type, body):
    probe.raise_request_exception = False
    _error(probe.generic("POST", "/api/v1/probe/form/", body, content_type=content_type), 400)


@pytest.mark.parametrize("junk", ["abc", "1.5", "99999999999999999999", "-1", "", None, ["1"]])
def test_a_junk_id_is_not_found_rather_than_a_server_error(rf, bcsd_staff, junk):
    request = rf.get("/")
    request.user = bcsd_staff
    with pytest.raises(Http404):
        get_visible_or_404(request, Party.objects.all(), pk=junk)


def test_a_control_character_in_an_api_address_is_a_json_404(api_for, bcsd_staff):
    _error(api_for(bcsd_staff).get("/api/v1/bodies/%0E1/"), 404)


METHODS = ("get", "post", "put", "patch", "delete")


def test_the_schema_states_the_error_format_everywhere_and_if_match_on_edits(db):
    paths = SchemaGenerator(urlconf="tests.api.probe_urls").get_schema(request=None, public=True)["paths"]
    operations = [op for item in paths.values() for method, op in item.items() if method in METHODS]
    assert len(operations) >= 8
    for operation in operations:
        assert {"400", "401", "403", "404", "429"} <= set(operation["responses"]), operation["operationId"]
        for status, response in operation["responses"].items():  # a view's own declaration wins, if it has a body
            assert status[0] not in "45" or response["content"]["application/json"]["schema"], operation["operationId"]
    assert paths["/api/v1/bodies/{id}/"]["get"]["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ApiError"}
    token = paths["/api/v1/probe/tokens/{id}/"]
    assert "If-Match" in [p["name"] for p in token["patch"]["parameters"] if p["in"] == "header"]
    assert {"412", "428"} <= set(token["patch"]["responses"]) and "412" not in token["get"]["responses"]
    assert "ETag" in token["get"]["responses"]["200"]["headers"]
