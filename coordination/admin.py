from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ApiToken,
    CoordinationRequest,
    Document,
    DocumentDownload,
    Membership,
    OrgUnit,
    OutboxEntry,
    Party,
    SecurityEvent,
)
from .models.jobs import JobRun


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["code", "abbreviation", "name_vi", "name_en"]


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name_vi", "name_en"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "party", "role", "clearance", "active_from", "active_to"]
    list_filter = ["party", "role", "clearance"]

    # Memberships change through the member pages so that groups and the security log follow.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "username", "ip_address", "path"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyMixin:
    """Requests and documents change only through their pages (services, notifications, grants);
    the admin only looks, history included."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyHistoryAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    pass


@admin.register(CoordinationRequest)
class CoordinationRequestAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "requesting_party", "requested_party", "area", "state", "reply_deadline"]
    list_filter = ["state", "kind", "area", "requesting_party"]
    search_fields = ["title"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["number_symbol", "summary", "owner_party", "issued_on", "confidentiality"]
    list_filter = ["owner_party", "doc_type", "year"]
    search_fields = ["number_symbol", "summary"]


@admin.register(DocumentDownload)
class DocumentDownloadAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["at", "user", "version", "ip_address"]


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["task", "started_at", "finished_at", "outcome", "message"]
    list_filter = ["outcome", "task"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(OutboxEntry)
class OutboxEntryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """What steps had to send: an entry without `done at` is still to be sent (re-queued every 5 minutes)."""

    list_display = ["created_at", "task", "args", "requeued", "done_at"]
    list_filter = [("done_at", admin.EmptyFieldListFilter), "task"]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Who holds which token, for audits. The secret is never stored; its digest is not shown either.
    Tokens are made and revoked on the “API tokens” page (coordination.services.tokens)."""

    list_display = ["name", "user", "shown_prefix", "created_at", "last_used_at", "revoked_at", "revoked_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username", "lookup"]
    fields = ["name", "user", "shown_prefix", "created_at", "last_used_at", "revoked_at", "revoked_by"]
    readonly_fields = fields
