"""Django admin for the regulation. Text in force (and superseded) is read-only here: it changes only
through amendments approved by both bodies. Drafts may be edited; amendments follow their workflow pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Amendment, AmendmentChange, Article, Chapter, Decision, DocxImport, Regulation, RegulationVersion


def _editable(obj):
    """True only for the text of a draft regulation (not awaiting approval)."""
    regulation = obj if isinstance(obj, Regulation) else getattr(obj, "regulation", None)
    return regulation is None or (regulation.is_draft and not regulation.awaiting_adoption)


class DraftOnlyMixin:
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or _editable(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or _editable(obj))


class ChapterInline(DraftOnlyMixin, admin.TabularInline):
    model = Chapter
    extra = 0


@admin.register(Regulation)
class RegulationAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "term", "status", "effective_on"]
    list_filter = ["status"]
    readonly_fields = ["status", "awaiting_adoption", "adoption_round", "predecessor"]
    inlines = [ChapterInline]

    def has_add_permission(self, request):
        return False  # new regulations come from an import or a renewal


@admin.register(Chapter)
class ChapterAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "regulation"]
    list_filter = ["regulation"]


@admin.register(Article)
class ArticleAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "chapter", "regulation", "area", "repealed"]
    list_filter = ["regulation"]
    search_fields = ["title", "search_text"]

    def has_add_permission(self, request):
        return False


class ChangeInline(admin.StackedInline):
    model = AmendmentChange
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyAdmin):
    """Amendments move through their pages (draft, submit, approve); the admin only shows them."""

    list_display = ["title", "regulation", "status", "proposed_effective_on", "effective_on"]
    list_filter = ["status"]
    inlines = [ChangeInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["at", "kind", "party", "by", "amendment", "regulation"]


@admin.register(DocxImport)
class DocxImportAdmin(ReadOnlyAdmin):
    list_display = ["filename", "regulation", "uploaded_by", "uploaded_at"]


@admin.register(RegulationVersion)
class RegulationVersionAdmin(admin.ModelAdmin):
    list_display = ["regulation", "number", "valid_from", "amendment"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
