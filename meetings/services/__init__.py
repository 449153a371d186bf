"""Writes for meetings, minutes, notices, the reporting schedule and calendar feeds: one use case each."""

from .calendar import calendar_feed_regenerate, calendar_feed_revoke
from .documents import meeting_attach_document, notice_attach_document
from .meetings import (
    agenda_item_add,
    agenda_item_remove,
    attendance_record,
    meeting_cancel,
    meeting_change,
    meeting_convene,
)
from .minutes import (
    conclusion_add,
    conclusion_create_request,
    conclusion_remove,
    minutes_approve,
    minutes_return,
    minutes_save,
    minutes_submit,
)
from .notices import (
    notice_change,
    notice_create,
    notice_mark_read,
    notice_send,
    obligation_create,
    obligation_set_active,
)

__all__ = [
    "agenda_item_add", "agenda_item_remove", "attendance_record", "calendar_feed_regenerate", "calendar_feed_revoke",
    "conclusion_add", "conclusion_create_request", "conclusion_remove", "meeting_attach_document", "meeting_cancel",
    "meeting_change", "notice_attach_document",
    "meeting_convene", "minutes_approve", "minutes_return", "minutes_save", "minutes_submit", "notice_change",
    "notice_create", "notice_mark_read", "notice_send", "obligation_create", "obligation_set_active",
]
