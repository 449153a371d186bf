"""Every 403 of every app reaches the security log: walk the URLconf as users without rights."""

import re

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from coordination.models import CoordinationRequest, Document, Membership, SecurityEvent
from meetings.evaluation.models import AnnualEvaluation, BodyPart, FollowUpAction
from meetings.models import Meeting, Notice
from regulation.models import Amendment, Regulation

DENIED = SecurityEvent.Kind.ACCESS_DENIED
SKIP = ("admin:", "logout", "set_language", "login", "healthz", "meetings:calendar_feed")


def _routes(patterns, prefix="", ns=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern), f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern):
            yield f"{ns}{p.name}", prefix + str(p.pattern)


def _ids():
    """Real ids of the demo's objects, per app (PostgreSQL's sequences do not restart at 1 in a test)."""
    models = {
        "coordination": [CoordinationRequest, Document, Membership],
        "regulation": [Regulation, Amendment],
        "meetings": [Meeting, Notice],
        "evaluation": [AnnualEvaluation, BodyPart, FollowUpAction],
    }
    return {app: sorted({pk for model in group for pk in model.objects.order_by("pk").values_list("pk", flat=True)[:2]})
            for app, group in models.items()}


def _paths(route, ids):
    """The route with its converters filled by ids of objects that exist."""
    for value in ids or [1]:
        path = re.sub(r"<(?:int:)?[a-z_]+>", str(value), route)
        path = re.sub(r"<(?:str|slug|path):[a-z_]+>", "x", path)
        yield "/" + path.lstrip("^").rstrip("$")


@pytest.mark.django_db
def test_every_refusal_in_every_app_is_logged(client, django_user_model):
    call_command("load_demo", verbosity=0)
    ids = _ids()
    users = ["bcsd.chuyenvien", "du.chuyenvien"]
    refused_by_app = {}
    for username in users:
        client.force_login(django_user_model.objects.get(username=username))
        for name, route in _routes(get_resolver().url_patterns):
            if name.startswith(SKIP):
                continue
            for path in _paths(route, ids.get(name.split(":")[0]) if "<" in route else [0]):
                for method in ("get", "post"):
                    before = SecurityEvent.objects.filter(kind=DENIED).count()
                    response = getattr(client, method)(path)
                    if response.status_code != 403:
                        continue
                    logged = SecurityEvent.objects.filter(kind=DENIED).count() - before
                    assert logged == 1, f"{method.upper()} {path} as {username}: 403 with {logged} log entries"
                    event = SecurityEvent.objects.filter(kind=DENIED).latest("pk")
                    assert event.user.username == username and event.path == path
                    refused_by_app.setdefault(name.split(":")[0], set()).add(name)
        client.logout()
    # The walk must have met refusals in every app, or it proves nothing.
    assert {"coordination", "regulation", "meetings", "evaluation"} <= set(refused_by_app), refused_by_app
