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


def _display(field, value):
    if value in (None, ""):
        return "—"
    if isinstance(field, models.ManyToManyField):
        ids = [row.get(field.m2m_reverse_field_name()) for row in value]
        users = get_user_model().objects.filter(pk__in=ids)
        return ", ".join(sorted(u.get_full_name() or u.get_username() for u in users)) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else "—"
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    return str(value)


def entries(instance, subject="", skip=("search_text",)):
    """Newest first: {time, user, type, reason, subject, changes: [(label, old, new)]}."""
    model = instance._meta.model
    records = list(instance.history.select_related("history_user").order_by("history_date", "history_id"))
    result, previous = [], None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in skip:
                    continue
                field = model._meta.get_field(change.field)
                changes.append((field.verbose_name, _display(field, change.old), _display(field, change.new)))
        result.append({
            "time": record.history_date, "user": record.history_user, "type": TYPES.get(record.history_type, ""),
            "reason": reason_label(record.history_change_reason), "subject": subject or str(instance),
            "changes": changes,
        })
        previous = record
    return result


def merged(*lists):
    combined = [e for entries_ in lists for e in entries_]
    return sorted(combined, key=lambda e: e["time"], reverse=True)
