"""Every operation the OpenAPI schema lists, swept the same three ways (no endpoint is named here):

- signed out, it answers 401 in the error format;
- with the token of someone who holds no membership, it shows and changes nothing of the bodies' work: 401, 403
  or 404, an empty list, or a refusal of the query or data sent (400); only the reference data any signed-in
  person reads (the bodies, units and areas, and `me`) answers with rows;
- with junk in its path parameters, it answers 404 or 400, never a server error.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from coordination.services.tokens import token_create

from .schema_walk import fill, known_path_parameters, parameters_of, served_operations

OPERATIONS = served_operations()
IDS = [f"{method.upper()} {path}" for path, method in OPERATIONS]
# What any signed-in person may read, member of a body or not, as the pages show it to them.
REFERENCE = ("/api/v1/me/", "/api/v1/bodies/", "/api/v1/units/", "/api/v1/areas/")
JUNK = ["abc", "99999999999999999999", "-1", "0", "1.5", "%C3%A9", "1e3", "true", "null", "%20"]


def _call(client, method, url, **extra):
    body = {} if method in ("post", "put", "patch") else None
    return getattr(client, method)(url, data=json.dumps(body) if body is not None else None,
                                   content_type="application/json", **extra)


def _assert_error_format(response, url):
    assert response["Content-Type"].startswith("application/json"), url
    body = response.json()
    assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str) and body["detail"], (url, body)
    assert isinstance(body["errors"], dict), (url, body)


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=IDS)
def test_signed_out_calls_answer_401_in_the_error_format(path, method, anon_api, db):
    url = fill(path, dict.fromkeys(parameters_of(path), 1))
    response = _call(anon_api, method, url)
    assert response.status_code == 401, (url, response.status_code)
    assert response["WWW-Authenticate"] == "Bearer"
    _assert_error_format(response, url)


@pytest.fixture(scope="module")
def member_view(demo_data):
    """Real path parameters, as a leader of each body sees them, so the outsider asks for objects that exist."""
    paths = {}
    for path, method in OPERATIONS:
        paths.setdefault(path, {})[method] = {}
    known = {}
    for username in ("bcsd.lanhdao", "du.lanhdao"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Bearer " + token_create(
            by=get_user_model().objects.get(username=username), name="sweep")[1])
        found = known_path_parameters(paths, lambda url, client=client: _json(client.get(url)))
        for path, combos in found.items():
            known.setdefault(path, []).extend(combos)
    return known


def _json(response):
    return response.json() if response.status_code == 200 else None


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=IDS)
def test_someone_without_membership_sees_and_changes_nothing(path, method, member_view, outsider, api_for):
    client = api_for(outsider)
    combos = member_view.get(path) or ([dict.fromkeys(parameters_of(path), 1)] if parameters_of(path) else [{}])
    for values in combos:
        url = fill(path, values)
        response = _call(client, method, url)
        if response.status_code in (401, 403, 404):
            _assert_error_format(response, url)
            continue
        if path.startswith(REFERENCE) and method == "get":
            assert response.status_code == 200, url
            continue
        if response.status_code == 400:  # the query or the data sent refused: nothing shown, nothing changed
            _assert_error_format(response, url)
            continue
        body = response.json()
        assert method == "get" and response.status_code == 200 and isinstance(body, dict) and body.get(
            "results") == [], f"{method.upper()} {url} answered {response.status_code} to someone without " \
                              f"membership: {str(body)[:300]}"


@pytest.mark.parametrize(("path", "method"), [op for op in OPERATIONS if parameters_of(op[0])],
                         ids=[i for i, op in zip(IDS, OPERATIONS, strict=True) if parameters_of(op[0])])
def test_junk_path_parameters_answer_404_or_400(path, method, api_for, bcsd_leader):
    client = api_for(bcsd_leader)
    for junk in JUNK:
        url = fill(path, dict.fromkeys(parameters_of(path), junk))
        response = _call(client, method, url)
        assert response.status_code in (400, 404), f"{method.upper()} {url} answered {response.status_code}"
        _assert_error_format(response, url)
