"""Helpers shared by the schema-driven API tests (contract and sweep): every operation the OpenAPI schema lists,
and real values for its path parameters, found by walking the lists the schema itself declares.

Nothing here names an endpoint: a resource added to /api/v1/ is covered as soon as it is in the schema."""

import re
from contextlib import contextmanager

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")
PARAMETER = re.compile(r"{([^}]+)}")
# Real values tried per path parameter: enough to meet more than one state, few enough to stay quick.
VALUES_PER_PARAMETER = 3


def served_operations():
    """[(path, method)] of every operation in the schema, known at collection time (no database needed)."""
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return [(path, method) for path, item in sorted(paths.items()) for method in METHODS if method in item]


def parameters_of(path):
    return PARAMETER.findall(path)


def fill(path, values):
    return PARAMETER.sub(lambda match: str(values[match.group(1)]), path)


def _collection_of(path, parameter):
    """`/api/v1/requests/{request_pk}/comments/{id}/`, `id` -> `/api/v1/requests/{request_pk}/comments/`."""
    return path[: path.index("{" + parameter + "}")]


def _values_in(body, parameter):
    rows = body.get("results") if isinstance(body, dict) else body
    if not isinstance(rows, list):
        return []
    found = []
    for row in rows:
        if isinstance(row, dict):
            value = row.get(parameter, row.get("id"))
            if value is not None and value not in found:
                found.append(value)
    return found[:VALUES_PER_PARAMETER]


def known_path_parameters(paths, get):
    """{path template: [{parameter: value}, …]}: for each parameter, values from the list one level up that the
    caller can read (`get(url)` -> the decoded JSON body, or None). Templates whose list is not in the schema,
    or is empty for the caller, get no entry."""
    listed = {path for path, item in paths.items() if "get" in item}
    bodies = {}

    def read(url):
        if url not in bodies:
            bodies[url] = get(url)
        return bodies[url]

    known = {}
    for path in paths:
        combos = [{}]
        for parameter in parameters_of(path):
            collection = _collection_of(path, parameter)
            if collection not in listed:
                combos = []
                break
            combos = [{**combo, parameter: value} for combo in combos
                      for value in _values_in(read(fill(collection, combo)), parameter)]
        if combos and combos != [{}]:
            known[path] = combos
    return known


@contextmanager
def connections_kept_open():
    """Django closes 'old' database connections around each request; inside a test's transaction that would end
    the transaction. Django's own test client disconnects the receivers the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class InTransactionWSGIHandler(WSGIHandler):
    """Django's WSGI application, called in the test's transaction: the answer is read and closed (which sends
    request_finished) before the receivers that would close the connection are back, never later."""

    def __call__(self, environ, start_response):
        with connections_kept_open():
            response = super().__call__(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()
