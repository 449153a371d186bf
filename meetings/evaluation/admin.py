"""Admin: the opening day per regulation is set here; snapshots are read-only records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualEvaluation, OpeningDay, StatisticsSnapshot


@admin.register(OpeningDay)
class OpeningDayAdmin(SimpleHistoryAdmin):
    list_display = ["regulation", "day", "month"]


@admin.register(AnnualEvaluation)
class AnnualEvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["year", "regulation", "state", "opened_at", "closed_at"]
    list_filter = ["state"]

    def has_change_permission(self, request, obj=None):
        return False  # the workflow goes through the app's pages (services), never the admin

    def has_add_permission(self, request):
        return False


@admin.register(StatisticsSnapshot)
class StatisticsSnapshotAdmin(admin.ModelAdmin):
    list_display = ["evaluation", "computed_at", "computed_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
