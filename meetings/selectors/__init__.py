"""Reads for meetings, minutes, notices and the schedule, already filtered for the user.

`minutes_awaiting_approval()` and `reports_due(on_date)` are the entry points of the periodic
reminders (see docs/meetings.md).
"""

from .calendar import calendar_month, calendar_page, feed_meetings, month_deadlines
from .meetings import (
    PendingApproval,
    conclusions_for_reader,
    meeting_detail,
    meeting_for_reader,
    meeting_invitees_choices,
    meeting_list,
    minutes_awaiting_approval,
    minutes_awaiting_my_approval,
    upcoming_meetings,
    visible_meetings,
    visible_request_ids,
)
from .notices import (
    ReportDue,
    notice_detail,
    notice_list,
    reporting_schedule,
    reports_due,
    schedule_years,
    unread_notice_count,
    unread_notices_by_sender,
    visible_notices,
)

__all__ = [
    "PendingApproval", "ReportDue", "calendar_month", "calendar_page", "conclusions_for_reader", "feed_meetings",
    "meeting_detail", "meeting_for_reader",
    "meeting_invitees_choices",
    "meeting_list", "minutes_awaiting_approval", "minutes_awaiting_my_approval", "month_deadlines", "notice_detail",
    "notice_list",
    "reporting_schedule", "reports_due", "schedule_years", "unread_notice_count", "unread_notices_by_sender",
    "upcoming_meetings",
    "visible_meetings", "visible_notices", "visible_request_ids",
]
