"""No input gives a 500: every page of the URLconf, as every demo account, with hostile query strings and
hostile form bodies (run on PostgreSQL in CI, where text cannot hold NUL).

Path arguments are filled with ids of the demo data; every query parameter a view reads (found in the
source) gets each hostile value; every form the page shows is posted back with hostile values in all its
fields and hostile file names, and once more as a body in a charset it does not declare honestly.
"""

import re
import time

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from coordination.demo import ACCOUNTS, load_demo

SKIP = {"logout", "healthz", "meetings:calendar_feed_revoke", "meetings:calendar_feed_regenerate"}
COMBINING = "a" + "\u0301\u0323\u0309" * 300
HOSTILE = ["\x00", "x" * 100_000, COMBINING, "%", "_", "'\"<b>", "31/02/2026", "2026-13-45", "-1", "abc",
           "99999999999999999999"]
FORM_VALUE = "Đề\x00nghị \u202e'\"%_<b>" + "\u0301" * 50
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"[^>]*>', re.S)
FILE_FIELD = re.compile(r'<input\b[^>]*type="file"[^>]*\bname="([^"]+)"|<input\b[^>]*\bname="([^"]+)"[^>]*type="file"')
GET_PARAM = re.compile(r"""GET(?:\.get|\.getlist)?[\(\[]\s*["']([\w-]+)["']""")
JUNK = {"q": "\x00", "page": "-1"}  # for views that read no parameter: the middleware and paginators still see them


def _params_read_by(callback):
    """The GET parameters a view reads, from its own source (filter forms bound to request.GET included)."""
    import inspect

    from coordination.forms.requests import RequestFilterForm
    from regulation.forms import PointInTimeForm, SearchForm

    func = getattr(callback, "view_class", None) or inspect.unwrap(callback)
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        return set()
    names = set(GET_PARAM.findall(source))
    for form in (RequestFilterForm, SearchForm, PointInTimeForm):
        if f"{form.__name__}(request.GET" in source:
            names.update(form.base_fields)
    if "Paginator" in source or "get_page" in source:
        names.add("page")
    return names


def _walk(patterns, ns=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}{p.name}", p


def _first(label, **filters):
    obj = apps.get_model(label).objects.filter(**filters).order_by("pk").first()
    return obj.pk if obj else 1


def _ids():
    """Real ids of the demo data for each path argument, by URL namespace."""
    return {
        "regulation": {"pk": _first("regulation.Regulation"), "number": 1, "key": "1",
                       "change_pk": _first("regulation.AmendmentChange")},
        "regulation:amendment": {"pk": _first("regulation.Amendment")},
        "regulation:import_result": {"pk": _first("regulation.DocxImport")},
        "coordination:member": {"pk": _first("coordination.Membership")},
        "coordination:notification": {"pk": _first("coordination.Notification")},
        "coordination": {"pk": _first("coordination.CoordinationRequest"), "action": "submit", "side": "requesting",
                         "version": 1},
        "coordination:document": {"pk": _first("coordination.Document")},
        "meetings": {"pk": _first("meetings.Meeting"), "item_pk": _first("meetings.AgendaItem"),
                     "conclusion_pk": _first("meetings.Conclusion"), "token": "khong-co"},
        "meetings:notice": {"pk": _first("meetings.Notice")},
        "meetings:notice_schedule": {"pk": _first("meetings.ReportingObligation")},
        "evaluation": {"pk": _first("evaluation.AnnualEvaluation"), "party_pk": _first("coordination.Party"),
                       "action_pk": _first("evaluation.FollowUpAction")},
    }


def _urls():
    ids, urls = _ids(), []
    for name, pattern in _walk(get_resolver().url_patterns):
        # The JSON API is fuzzed from its own schema (tests/api/test_schema_contract.py, test_api_sweep.py).
        if name.startswith(("admin:", "api:")) or name in SKIP:
            continue
        kwargs = {}
        for arg in pattern.pattern.converters:
            # The most specific entry whose key starts the URL name gives the id ("coordination:document_…").
            keys = sorted((k for k in ids if name.startswith(k)), key=len, reverse=True)
            kwargs[arg] = next(ids[k][arg] for k in keys if arg in ids[k])
        from django.urls import reverse

        urls.append((name, reverse(name, kwargs=kwargs), _params_read_by(pattern.callback)))
    return urls


def _form_fields(html):
    fields = set(FIELD.findall(html)) - {"csrfmiddlewaretoken"}
    files = {a or b for a, b in FILE_FIELD.findall(html)}
    return fields - files, files


def _hostile_post(client, url, fields, files, check, who, encodings):
    """The form posted back with hostile values everywhere; for one account also in undeclared charsets
    (the middleware answers those before any view, whoever asks)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {f: FORM_VALUE for f in fields or {"title", "content", "comment", "q"}}
    for f in files:
        data[f] = SimpleUploadedFile("\u202e" + "ă" * 3000 + "\x00.html", b"%PDF-1.4\n<html><script>x</script>")
    check(who, "POST hostile", url, client.post(url, data))
    if encodings:
        check(who, "POST latin-1", url, client.generic(
            "POST", url, "title=\xe9\xff&content=%FF%00".encode("latin-1"),
            content_type="application/x-www-form-urlencoded; charset=latin-1"))
        check(who, "POST bad utf-8", url, client.generic(
            "POST", url, b"title=\xff\xfe\x00&page=-1", content_type="application/x-www-form-urlencoded"))


@pytest.mark.django_db
def test_no_input_gives_a_500_on_any_page_as_any_demo_account(django_user_model):
    load_demo()
    urls = _urls()
    failures, started, count = [], time.monotonic(), 0

    def check(who, what, url, response):
        nonlocal count
        count += 1
        if response.status_code >= 500:
            failures.append(f"{who} {what} {url} -> {response.status_code}")

    for index, (username, *_rest) in enumerate(ACCOUNTS):
        user = django_user_model.objects.get(username=username)
        client = Client(raise_request_exception=False)
        client.force_login(user)  # once: no URL fuzzed signs out (logout is skipped)
        for _name, url, params in urls:
            page = client.get(url)
            check(username, "GET", url, page)
            if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
                if page.status_code == 405:  # a POST-only step: post hostile values to it
                    _hostile_post(client, url, set(), set(), check, username, encodings=index == 0)
                continue
            # Alternate halves of the values per account keep the run short: every value still reaches every page
            # under three accounts (the staff of both bodies and the admin, or the leaders and the member of both).
            for value in HOSTILE[index % 2::2] if params else ["\x00"] if index == 0 else []:
                check(username, f"GET {value[:12]!r}", url, client.get(url, {p: value for p in params or JUNK}))
            fields, files = _form_fields(page.content.decode())
            if fields or files:
                _hostile_post(client, url, fields, files, check, username, encodings=index == 0)
    print(f"\nfuzz: {count} requests in {time.monotonic() - started:.0f} s")
    assert not failures, "\n".join(failures[:60])
