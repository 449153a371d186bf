"""Joint meetings (agenda, attendance, minutes, conclusions), notices and the reporting schedule."""

from .base import InvalidTransition
from .calendar import CalendarFeedToken
from .documents import MeetingDocument, NoticeDocument
from .mail import CalendarEmail
from .meeting import (
    AgendaItem,
    AttendanceStatus,
    Conclusion,
    Invitation,
    Meeting,
    MeetingGroupObjectPermission,
    MeetingKind,
    MeetingState,
    MeetingUserObjectPermission,
)
from .minutes import ApprovalDecision, Minutes, MinutesApproval, MinutesState
from .notice import (
    Notice,
    NoticeGroupObjectPermission,
    NoticeKind,
    NoticeReceipt,
    NoticeState,
    NoticeUserObjectPermission,
    ReportFrequency,
    ReportingObligation,
)

__all__ = [
    "AgendaItem", "ApprovalDecision", "AttendanceStatus", "CalendarEmail", "CalendarFeedToken", "Conclusion",
    "InvalidTransition", "Invitation", "Meeting", "MeetingDocument", "MeetingGroupObjectPermission", "MeetingKind",
    "MeetingState", "MeetingUserObjectPermission", "Minutes", "MinutesApproval", "MinutesState", "Notice",
    "NoticeDocument", "NoticeGroupObjectPermission", "NoticeKind", "NoticeReceipt", "NoticeState",
    "NoticeUserObjectPermission", "ReportFrequency", "ReportingObligation",
]
