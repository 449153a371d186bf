"""The memberships in force of a user, read once per user object: what every permission rule starts from."""

from django.contrib.auth import get_user_model
from django.db.models import CharField, Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat

from .groups import GROUP_PREFIX
from .models import Membership


def _held_groups():
    """Annotations read with the memberships, so the middleware need not ask for the user's party groups
    again: the id of the party group of each membership the user is in (None when not in it), and how many
    party groups the user is in altogether."""
    through = get_user_model().groups.through
    name = Concat(Value(GROUP_PREFIX), OuterRef("party__code"), Value(":"), OuterRef("role"), output_field=CharField())
    held = through.objects.filter(user_id=OuterRef("user_id"), group__name=name).values("group_id")[:1]
    count = (through.objects.filter(user_id=OuterRef("user_id"), group__name__startswith=GROUP_PREFIX)
             .order_by().values("user_id").annotate(n=Count("pk")).values("n"))
    return {"held_group_id": Subquery(held, output_field=IntegerField()),
            "held_party_groups": Coalesce(Subquery(count, output_field=IntegerField()), 0)}


def active_memberships(user):
    """The user's memberships in force today, loaded once per user object (one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_active_memberships", None)
    if cached is None:
        cached = list(Membership.objects.active().filter(user=user).select_related("party", "unit")
                      .annotate(**_held_groups()))
        user._active_memberships = cached
    return cached


def forget_memberships(user):
    """Drop the per-request caches after memberships changed."""
    for cache in ("_active_memberships", "_grant_cache"):
        try:
            delattr(user, cache)
        except AttributeError:
            pass
