"""The history tab: every change to a meeting or a notice and its parts, field by field, newest first."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

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


def _display(record, name):
    f = record.instance._meta.get_field(name)
    value = getattr(record, name, None)
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


def _rows(model, records):
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
                changes.append((verbose, _display(before, change.field), _display(record, change.field)))
        previous[key] = record
        reason = record.history_change_reason or ""
        rows.append(HistoryRow(record.history_date, record.history_user, model._meta.verbose_name.capitalize(),
                               ACTIONS.get(record.history_type, record.history_type), REASONS.get(reason, reason),
                               changes))
    return rows


def meeting_history_rows(meeting):
    rows = _rows(Meeting, Meeting.history.filter(id=meeting.pk))
    for model in (Invitation, AgendaItem, Conclusion, Minutes, MeetingDocument):
        rows += _rows(model, model.history.filter(meeting_id=meeting.pk))
    rows += _rows(MinutesApproval, MinutesApproval.history.filter(minutes__meeting_id=meeting.pk))
    return sorted(rows, key=lambda r: r.when, reverse=True)


def notice_history_rows(notice):
    rows = _rows(Notice, Notice.history.filter(id=notice.pk))
    rows += _rows(NoticeDocument, NoticeDocument.history.filter(notice_id=notice.pk))
    return sorted(rows, key=lambda r: r.when, reverse=True)
