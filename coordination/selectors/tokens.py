"""Reads of personal API tokens: a person's own, and everyone's active ones for a regulation admin."""

from django.db.models import F

from ..models import ApiToken
from ..permissions import can_view_all_tokens


def own_tokens(user):
    """Active tokens first (newest first), then the most recently revoked: NULLs placed explicitly, as SQLite
    and PostgreSQL place them differently."""
    return ApiToken.objects.filter(user=user).select_related("revoked_by").order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at", "-pk")


def others_active_tokens(user):
    if not can_view_all_tokens(user):
        return ApiToken.objects.none()
    return ApiToken.objects.active().exclude(user=user).select_related("user").order_by("-created_at", "-pk")


def tokens_visible(user):
    """The tokens the user may see on the page: their own, and everyone's if they are a regulation admin."""
    if can_view_all_tokens(user):
        return ApiToken.objects.select_related("user")
    return ApiToken.objects.filter(user=user).select_related("user")
