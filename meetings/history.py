"""The history tab: every change to a meeting or a notice and its parts, field by field, newest first."""

import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from coordination.selectors.requests import requests_visible

from .models import (
    AgendaItem,
    Conclusion,
    Invitation,
    Meeting,
    MeetingDocument,
    Minutes,
    MinutesApproval,
    Notice,
    NoticeDocument,
)

ACTIONS = {"+": _("added"), "~": _("modified"), "-": _("deleted")}
HIDDEN_FIELDS = {"uid", "sequence", "id"}
REASONS = {
    "convene": _("Meeting convened"), "change": _("Meeting changed"), "cancel": _("Meeting cancelled"),
    "invite": _("Member invited"), "attendance": _("Attendance recorded"), "agenda_add": _("Agenda item added"),
    "agenda_remove": _("Agenda item removed"), "minutes_save": _("Minutes saved"),
    "minutes_submit": _("Minutes submitted for approval"), "minutes_approved": _("Minutes approved for a body"),
    "minutes_approve": _("Approval recorded"), "minutes_returned": _("Minutes returned with comments"),
    "minutes_return": _("Minutes back to draft"), "conclusion_add": _("Conclusion added"),
    "conclusion_create_request": _("Follow-up request created"), "meeting_attach_document": _("Document attached"),
    "notice_create": _("Notice drafted"), "notice_change": _("Notice changed"), "notice_send": _("Notice sent"),
    "notice_attach_document": _("Document attached"),
}


@dataclass
class HistoryRow:
    when: object
    who: object
    what: str
    action: str
    reason: str
    changes: list = field(default_factory=list)

    @property
    def who_name(self):
        if self.who is None:
            return _("System")
        return self.who.get_full_name() or self.who.get_username()


def _m2m_display(value, user):
    """Linked requests by title, only those the reader may see (the others are counted, not named)."""
    ids = [row.get("coordinationrequest") for row in value or []]
    titles = list(requests_visible(user).filter(pk__in=ids).values_list("title", flat=True))
    hidden = len(ids) - len(titles)
    return "; ".join(titles + ([f"+{hidden}"] if hidden else [])) or "—"


def _display(record, name, value=None, user=None):
    f = record.instance._meta.get_field(name)
    if f.many_to_many:
        return _m2m_display(value, user)
    value = getattr(record, name, None)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if f.choices:
        return dict(f.flatchoices).get(value, value)
    if f.is_relation:
        value = getattr(record, f.attname, None)
        if value is None:
            return "—"
        try:
            return str(getattr(record, name))
        except Exception:  # noqa: BLE001 - the related row may be gone; history still reads
            return str(value)
    return "—" if value in (None, "") else value


def _rows(model, records, user):
    rows = []
    records = list(records.select_related("history_user").order_by("id", "history_date"))
    previous = {}
    for record in records:
        key = record.id
        before = previous.get(key)
        changes = []
        if before is not None and record.history_type == "~":
            delta = record.diff_against(before)
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                verbose = model._meta.get_field(change.field).verbose_name
                changes.append((verbose, _display(before, change.field, change.old, user),
                                _display(record, change.field, change.new, user)))
        previous[key] = record
        reason = record.history_change_reason or ""
        what = model._meta.verbose_name.capitalize()
        if model in LABELLED:
            what = f"{what}: {LABELLED[model](record)}"
        rows.append(HistoryRow(record.history_date, record.history_user, what,
                               ACTIONS.get(record.history_type, record.history_type), REASONS.get(reason, reason),
                               changes))
    return rows


LABELLED = {
    Invitation: lambda r: r.user.get_full_name() or r.user.get_username(),
    AgendaItem: lambda r: f"{r.order}. {r.title}",
    Conclusion: lambda r: f"{r.order}. {r.text[:60]}",
    MinutesApproval: lambda r: r.party.short_name,
}


def meeting_history_rows(meeting, user):
    rows = _rows(Meeting, Meeting.history.filter(id=meeting.pk), user)
    for model in (Invitation, AgendaItem, Conclusion, Minutes, MeetingDocument):
        rows += _rows(model, model.history.filter(meeting_id=meeting.pk), user)
    rows += _rows(MinutesApproval, MinutesApproval.history.filter(minutes__meeting_id=meeting.pk), user)
    return sorted(rows, key=lambda r: r.when, reverse=True)


def notice_history_rows(notice, user):
    rows = _rows(Notice, Notice.history.filter(id=notice.pk), user)
    rows += _rows(NoticeDocument, NoticeDocument.history.filter(notice_id=notice.pk), user)
    return sorted(rows, key=lambda r: r.when, reverse=True)
