"""Turns django-simple-history records into readable entries with field-level differences.

Read-only: nothing here edits or deletes history.
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models.requests import TRANSITIONS

REASONS = {
    "create": _("Created the draft"), "update": _("Edited the request"), "create_sent": _("Created and sent"),
    "officers": _("Changed the officers"), "draft_response": _("Saved the response draft"),
    "comment_add": _("Added a comment"), "opinion_give": _("Gave an opinion"),
    "attach": _("Attached a document"), "opinion_ask": _("Asked for the leader's opinion"),
    "document_create": _("Registered the document"), "document_add_version": _("Added a new version"),
}
TYPES = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def reason_label(reason):
    if not reason:
        return ""
    if reason in TRANSITIONS:
        return TRANSITIONS[reason].label
    return REASONS.get(reason, reason)


class _Names:
    """Display values of foreign keys and officer lists, read in one query per related model."""

    def __init__(self):
        self.wanted, self.found = {}, {}

    def want(self, model, pks):
        self.wanted.setdefault(model, set()).update(pk for pk in pks if pk is not None)

    def load(self):
        for model, pks in self.wanted.items():
            objs = model._default_manager.filter(pk__in=pks)
            if model is get_user_model():
                self.found[model] = {u.pk: u.get_full_name() or u.get_username() for u in objs}
            else:
                self.found[model] = {o.pk: str(o) for o in objs}

    def get(self, model, pk):
        return self.found.get(model, {}).get(pk, "—")


def _display(field, value, names):
    if value in (None, ""):
        return "—"
    if isinstance(field, models.ManyToManyField):
        return ", ".join(sorted(names.get(field.related_model, pk) for pk in value)) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return names.get(field.related_model, value)
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    return str(value)


def _m2m_values(history_model, records):
    """{history_id: {m2m field name: frozenset of ids}} for every record, one query per m2m field."""
    values = {r.history_id: {} for r in records}
    for field in getattr(history_model, "_history_m2m_fields", []):
        # simple_history names the history of the m2m table "<HistoricalModel>_<field>".
        through = history_model._meta.apps.get_model(history_model._meta.app_label,
                                                     f"{history_model.__name__}_{field.name}")
        target = field.m2m_reverse_field_name()
        for name in values.values():
            name[field.name] = set()
        for row in through.objects.filter(history_id__in=list(values)).values("history_id", target):
            values[row["history_id"]][field.name].add(row[target])
    return values


def _changes(model, record, previous, m2m, skip, names):
    """[(field, old, new)] between two records of the same object, m2m fields compared as id sets."""
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in skip or field.primary_key:
            continue
        old, new = getattr(previous, field.attname, None), getattr(record, field.attname, None)
        if old != new:
            changes.append((field, old, new))
            if isinstance(field, models.ForeignKey):
                names.want(field.related_model, [old, new])
    for name, new in m2m.get(record.history_id, {}).items():
        old = m2m.get(previous.history_id, {}).get(name, set())
        if old != new and name not in skip:
            field = model._meta.get_field(name)
            changes.append((field, old, new))
            names.want(field.related_model, old | new)
    return changes


def history_entries(history_qs, subject, skip=("search_text",)):
    """Entries of every object in `history_qs` (history rows of one model), newest first, in a fixed
    number of queries whatever the number of objects and rows. `subject(record)` names each entry."""
    history_model = history_qs.model
    model = history_model.instance_type
    pk_name = model._meta.pk.attname
    records = list(history_qs.select_related("history_user").order_by(pk_name, "history_date", "history_id"))
    m2m, names, raw, previous = _m2m_values(history_model, records), _Names(), [], None
    for record in records:
        same = previous is not None and getattr(previous, pk_name) == getattr(record, pk_name)
        raw.append((record, _changes(model, record, previous, m2m, skip, names) if same else []))
        previous = record
    names.load()
    return [{
        "time": record.history_date, "user": record.history_user, "type": TYPES.get(record.history_type, ""),
        "reason": reason_label(record.history_change_reason), "subject": subject(record),
        "changes": [(f.verbose_name, _display(f, old, names), _display(f, new, names)) for f, old, new in changes],
    } for record, changes in raw]


def entries(instance, subject="", skip=("search_text",)):
    """Newest first: {time, user, type, reason, subject, changes: [(label, old, new)]}."""
    label = subject or str(instance)
    return history_entries(instance.history.all(), lambda record: label, skip)


def merged(*lists):
    combined = [e for entries_ in lists for e in entries_]
    return sorted(combined, key=lambda e: e["time"], reverse=True)
