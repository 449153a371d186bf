"""API test helpers: a client signed in with a personal token, as the e-office system would call."""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from coordination.demo import load_demo
from coordination.services.tokens import token_create

# The request pages' fixtures, so the API tests drive the same people and requests as the page matrix.
from ..coordination.conftest import area, make_request  # noqa: F401
from ..coordination.test_permissions_matrix import cast, request_in  # noqa: F401


@pytest.fixture
def api_for():
    """api_for(user) -> an APIClient sending `Authorization: Bearer <a new token of user>`."""

    def make(user, name="test"):
        client = APIClient()
        _token, secret = token_create(by=user, name=name)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        client.secret = secret
        return client

    return make


@pytest.fixture
def anon_api():
    return APIClient()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data (`make run`'s year and a half of use), loaded once for a module and rolled back after it, so
    schema-driven tests meet real objects of every kind. Tests using it also take `db` (a savepoint each)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
