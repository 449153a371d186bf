"""The memberships in force of a user, read once per user object: what every permission rule starts from."""

from .models import Membership


def active_memberships(user):
    """The user's memberships in force today, loaded once per user object (one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_active_memberships", None)
    if cached is None:
        cached = list(Membership.objects.active().filter(user=user).select_related("party", "unit"))
        user._active_memberships = cached
    return cached


def forget_memberships(user):
    """Drop the per-request caches after memberships changed."""
    for cache in ("_active_memberships", "_grant_cache"):
        try:
            delattr(user, cache)
        except AttributeError:
            pass
