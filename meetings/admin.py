"""Read-mostly admin: operators look things up here; the workflow lives in the app's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Meeting, Minutes, Notice, ReportingObligation


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "convening_party", "starts_at", "state"]
    list_filter = ["kind", "state", "convening_party"]
    search_fields = ["title", "place"]
    readonly_fields = ["uid", "sequence"]


@admin.register(Minutes)
class MinutesAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "state", "round", "submitted_at", "approved_at"]
    list_filter = ["state"]


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "sender_party", "recipient_party", "state", "sent_at"]
    list_filter = ["kind", "state"]


@admin.register(ReportingObligation)
class ReportingObligationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "reporting_party", "recipient_party", "frequency", "is_active"]
