"""The API keeps the contract its OpenAPI schema states (schemathesis), for every operation the schema lists.

Signed in with a personal token as a staff member and as a leader of each body, against the demo data (loaded
once for the module), through the Django WSGI application: generated calls, valid and invalid, to every
operation, reads and writes. No answer may be a server error, and every answer of a status the schema declares
must match it (body and content type). Path parameters are mostly real ids the caller can see, taken from the
lists the schema declares, so the calls reach real objects; edits send the object's current ETag in If-Match.

Each call runs in a savepoint that is rolled back, so a write never changes what a later call meets.
The number of examples per operation is bounded (EXAMPLES below) so that the test stays quick as the API grows."""

import os
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from coordination.services.tokens import token_create

from .schema_walk import InTransactionWSGIHandler, known_path_parameters

SCHEMA_URL = "/api/v1/schema/?format=json"
# A staff member and a leader of each body, as the demo data has them.
ACCOUNTS = ["bcsd.chuyenvien", "bcsd.lanhdao", "du.chuyenvien", "du.lanhdao"]
# Examples per operation, account and kind: 5, fewer (down to 2) once the schema lists more than 50 operations,
# so that the whole test stays within a few minutes on CI's two cores; API_CONTRACT_EXAMPLES sets it outright.
EXAMPLES = os.environ.get("API_CONTRACT_EXAMPLES")
CALLS_PER_KIND = 250
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EDITS = {"PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def demo_tokens(demo_data):
    users = get_user_model().objects.in_bulk(ACCOUNTS, field_name="username")
    return {name: token_create(by=users[name], name="contract test")[1] for name in ACCOUNTS}


@pytest.fixture(scope="module")
def api_schema(demo_tokens):
    """The schema as the API serves it (the same for everyone), read once through the WSGI application."""
    return schemathesis.openapi.from_wsgi(SCHEMA_URL, InTransactionWSGIHandler(),
                                          headers={"Authorization": f"Bearer {demo_tokens[ACCOUNTS[0]]}"})


@pytest.mark.parametrize("account", ACCOUNTS)
def test_every_operation_keeps_the_schema(account, demo_tokens, api_schema, db):
    headers = {"Authorization": f"Bearer {demo_tokens[account]}"}
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=headers["Authorization"])
    known = known_path_parameters(api_schema.raw_schema["paths"], lambda url: _json(api.get(url)))
    failures, operations = [], []
    for result in api_schema.get_all_operations():
        if isinstance(result, Err):
            failures.append(f"the schema has an operation schemathesis cannot read: {result.err()}")
        else:
            operations.append(result.ok())
    assert operations, "the schema lists no operation"
    examples = int(EXAMPLES) if EXAMPLES else min(5, max(2, CALLS_PER_KIND // len(operations)))
    statuses = {}
    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            seen = statuses.setdefault(operation.label, Counter())
            try:
                _exercise(operation, mode, examples, headers, api, known.get(operation.path, []), seen)
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - every operation's failures are reported
                failures.append(f"{operation.label} ({mode.value}): {getattr(exc, 'message', exc)}")
    # What the calls met, for whoever reads the output (-rA): a write that never once succeeds is not tested much.
    print(f"answers as {account}:", *(f"  {label}: {dict(sorted(seen.items()))}" for label, seen in statuses.items()),
          sep="\n")
    assert not failures, f"{len(failures)} operation(s) broke the contract as {account}:\n\n" + "\n\n".join(failures)


def _exercise(operation, mode, examples, headers, api, known, seen):
    # Mostly real ids (the calls reach objects), sometimes generated ones (the calls meet 404s).
    real_ids = st.sampled_from(known) if known else st.none()

    @settings(max_examples=examples, derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode), real=st.one_of(real_ids, real_ids, real_ids, st.none()))
    def run(case, real):
        if real:
            case.path_parameters = {**(case.path_parameters or {}), **real}
        with transaction.atomic():
            call_headers = dict(headers)
            if real and case.method.upper() in EDITS:
                etag = api.get(case.formatted_path).headers.get("ETag")
                if etag:
                    call_headers["If-Match"] = etag
            seen[case.call_and_validate(headers=call_headers, checks=CHECKS).status_code] += 1
            transaction.set_rollback(True)

    run()


def _json(response):
    return response.json() if response.status_code == 200 and response["Content-Type"].startswith(
        "application/json") else None
