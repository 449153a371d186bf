"""The memberships in force of a user, read once per user object: what every permission rule starts from."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL

from .groups import GROUP_PREFIX
from .models import Membership, Party


def _held_groups():
    """Annotations read with the memberships, so the middleware need not ask for the user's party groups
    again: the id of the party group of each membership that the user is in (None when not in it), and how
    many party groups the user is in altogether. Written as SQL (plain, on both databases): the same
    subqueries through the ORM cost more to build than the query they save."""
    q = connection.ops.quote_name
    member, party, group = q(Membership._meta.db_table), q(Party._meta.db_table), q(Group._meta.db_table)
    user_groups = q(get_user_model().groups.through._meta.db_table)
    in_groups = (f"FROM {user_groups} ug INNER JOIN {group} g ON g.{q('id')} = ug.{q('group_id')} "
                 f"WHERE ug.{q('user_id')} = {member}.{q('user_id')} AND g.{q('name')}")
    held = f"SELECT ug.{q('group_id')} {in_groups} = %s || {party}.{q('code')} || %s || {member}.{q('role')}"
    count = f"SELECT COUNT(*) {in_groups} LIKE %s"
    return {"held_group_id": RawSQL(held, (GROUP_PREFIX, ":"), output_field=IntegerField()),
            "held_party_groups": RawSQL(count, (f"{GROUP_PREFIX}%",), output_field=IntegerField())}


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
