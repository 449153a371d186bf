"""The security log's "detail" in words an officer reads: "Văn bản #2", not `coordination.Document {'pk': 2}`.

The log is append-only, so rows keep the compact text they were written with; it is turned into a
translated sentence when shown. Text that matches no known shape is shown as written.
"""

import ast
import re

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Clearance, Party, Role

OBJECT_RE = re.compile(r"^(\w+)\.(\w+) (\{.*\})$")
ADD_RE = re.compile(r"^add (\S+) (\w+):(\w+) clearance=(\d+)$")
CHANGE_RE = re.compile(r"^change (\S+) (\w+): (\w+)/(\d+) -> (\w+)/(\d+)$")
END_RE = re.compile(r"^end (\S+) (\w+):(\w+)$")


def _label(choices, value):
    try:
        return str(choices(int(value) if choices is Clearance else value).label)
    except ValueError:
        return value


def _body(code, parties):
    return parties.get(code, code)


def _object(match):
    try:
        model = apps.get_model(match.group(1), match.group(2))
        lookup = ast.literal_eval(match.group(3))
    except (LookupError, ValueError, SyntaxError):
        return None
    if not isinstance(lookup, dict):
        return None
    name = capfirst(model._meta.verbose_name)
    key = lookup.get("pk", lookup.get("id"))
    if key is not None and len(lookup) == 1:
        return f"{name} #{key}"
    return f"{name} ({', '.join(f'{k} = {v}' for k, v in lookup.items())})"


def describe(detail, parties=None):
    """The detail of one security event as a sentence in the active language."""
    if parties is None:
        parties = {p.code: p.short_name for p in Party.objects.all()}
    if match := OBJECT_RE.match(detail):
        return _object(match) or detail
    if match := ADD_RE.match(detail):
        user, code, role, clearance = match.groups()
        return _("Added %(user)s to %(body)s as %(role)s (clearance: %(clearance)s)") % {
            "user": user, "body": _body(code, parties), "role": _label(Role, role),
            "clearance": _label(Clearance, clearance)}
    if match := CHANGE_RE.match(detail):
        user, code, role_before, clearance_before, role, clearance = match.groups()
        return _("Changed %(user)s in %(body)s from %(before)s to %(after)s") % {
            "user": user, "body": _body(code, parties),
            "before": f"{_label(Role, role_before)}, {_label(Clearance, clearance_before)}",
            "after": f"{_label(Role, role)}, {_label(Clearance, clearance)}"}
    if match := END_RE.match(detail):
        user, code, role = match.groups()
        return _("Ended the membership of %(user)s in %(body)s (%(role)s)") % {
            "user": user, "body": _body(code, parties), "role": _label(Role, role)}
    return detail


def describe_events(events):
    """Sets `detail_text` on each event of a page (the bodies read once)."""
    parties = {p.code: p.short_name for p in Party.objects.all()}
    for event in events:
        event.detail_text = describe(event.detail, parties) if event.detail else ""
    return events
