"""Django admin for the regulation. Text in force (and superseded) is read-only here: it changes only
through amendments approved by both bodies. Drafts may be edited; amendments follow their workflow pages."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import Amendment, AmendmentChange, Article, Chapter, Decision, DocxImport, Regulation, RegulationVersion
from .services.visibility import grant_regulation_readers


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

    def save_related(self, request, form, formsets, change):
        """The issuing bodies of a draft may change here: their groups' reading grants follow."""
        super().save_related(request, form, formsets, change)
        grant_regulation_readers(form.instance)


@admin.register(Chapter)
class ChapterAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "regulation"]
    list_filter = ["regulation"]


def _draft_filter(prefix=""):
    return {f"{prefix}status": Regulation.Status.DRAFT, f"{prefix}awaiting_adoption": False}


@admin.register(Article)
class ArticleAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    """Articles can be added to or removed from a draft here; text in force changes only by amendment."""

    list_display = ["__str__", "chapter", "regulation", "area", "repealed"]
    list_filter = ["regulation"]
    search_fields = ["title", "search_text"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "regulation":
            kwargs["queryset"] = Regulation.objects.filter(**_draft_filter())
        elif db_field.name == "chapter":
            kwargs["queryset"] = Chapter.objects.filter(**_draft_filter("regulation__")).select_related("regulation")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.chapter.regulation_id != obj.regulation_id or not _editable(obj.chapter.regulation):
            raise PermissionDenied
        obj.refresh_search_text()
        obj._change_reason = "edited in the administration pages"
        super().save_model(request, obj, form, change)


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
