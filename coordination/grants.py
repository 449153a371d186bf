"""The one place that writes object grants and answers "may this user see this object".

Seeing a request, a document, a regulation, an amendment, a meeting, a notice or an evaluation is a
django-guardian object permission (`<app>.view_<model>`) held by the (party, role) groups of
`coordination.groups`, stored in the model's direct-foreign-key group permission table. The services
write grants only through `grant_view`, `revoke_view` and `sync_view`; pages, searches, downloads and
exports read them only through `visible` (which objects) and `can_view` (this object). Clearance and
the rules on actions stay in each app's permissions.py, on top of these.

A user's groups are the groups of their memberships in force (not `user.groups`, which the
middleware only brings in step at the next request), so an ended membership sees nothing at once.
"""

from functools import cache

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Expression, F, QuerySet, Subquery
from guardian.shortcuts import assign_perm, remove_perm
from guardian.utils import get_group_obj_perms_model

from .bulk_insert import insert
from .groups import GROUP_PREFIX, group_name, party_groups, sync_user_groups
from .memberships import active_memberships

# Bumped at every grant written in this process, so answers cached on a user object are dropped:
# a grant made a moment ago counts at once.
_generation = 0


def view_codename(model):
    return f"view_{model._meta.model_name}"


def view_perm(model):
    return f"{model._meta.app_label}.{view_codename(model)}"


@cache
def grant_model(model):
    """The direct-foreign-key group permission model of `model` (e.g. RequestGroupObjectPermission)."""
    return get_group_obj_perms_model(model)


def _changed():
    global _generation
    _generation += 1


def grant_view(obj, parties, roles=()):
    """The groups of `roles` (every role when empty) of each body in `parties` may see `obj`."""
    perm = view_perm(type(obj))
    for party in parties:
        for group in party_groups(party, *roles):
            assign_perm(perm, group, obj)
    _changed()


def revoke_view(obj, parties, roles=()):
    """The reverse of grant_view, for a body (or some of its roles) that no longer takes part."""
    perm = view_perm(type(obj))
    for party in parties:
        for group in party_groups(party, *roles):
            remove_perm(perm, group, obj)
    _changed()


def sync_view(obj, parties, roles):
    """Make the grants on `obj` exactly the groups of `roles` in `parties`: missing ones are given, the
    rest taken back. For objects whose readers change with their state (regulations, amendments)."""
    model = type(obj)
    wanted = {group for party in parties for group in party_groups(party, *roles)}
    held = {g.group for g in _grants(model).filter(content_object=obj).select_related("group")}
    perm = view_perm(model)
    for group in wanted - held:
        assign_perm(perm, group, obj)
    for group in held - wanted:
        remove_perm(perm, group, obj)
    _changed()


def _grants(model):
    """The view grants on objects of `model` (sync_view reads the ones on one object)."""
    permission = Permission.objects.filter(content_type_id=ContentType.objects.get_for_model(model).pk,
                                           codename=view_codename(model)).order_by().values("pk")
    return grant_model(model).objects.filter(permission_id=Subquery(permission))


def _cache(user):
    """Per user object (one per HTTP request): the group ids and the answers of can_view."""
    cached = getattr(user, "_grant_cache", None)
    if cached is None or cached["generation"] != _generation:
        cached = {"generation": _generation, "groups": None, "objects": {}}
        user._grant_cache = cached
    return cached


def group_ids(user):
    """The ids of the groups of the user's memberships in force (one query per request)."""
    memberships = active_memberships(user)
    if not memberships:
        return []
    cached = _cache(user)
    if cached["groups"] is None:
        names = [group_name(m.party, m.role) for m in memberships]
        cached["groups"] = list(Group.objects.filter(name__in=names).values_list("pk", flat=True))
    return cached["groups"]


class Granted(Expression):
    """`EXISTS (a view grant on this row to one of these groups)`: the per-row index probe of `visible`.

    One probe of the grant table's (object, group, permission) index per row. The permission is a scalar
    subquery, not a join to auth_permission: PostgreSQL then knows that (nearly) every grant row matches it
    and probes row by row instead of hashing every grant the user's groups hold (issue 11).
    The SQL is written here once rather than built as `Exists(grants.filter(content_object_id=OuterRef("pk"),
    ...))`: building and compiling that subquery through the ORM cost about 2 ms of Python per call (measured
    on the benchmark machine), and a page calls visible() up to six times. Only the row's primary key is an
    ORM expression, so the condition is relabelled like any other when the queryset becomes a subquery or is
    combined with another."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, model, group_ids):
        super().__init__()
        self.model, self.group_ids, self.pk = model, tuple(group_ids), F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        grants = connection.ops.quote_name(grant_model(self.model)._meta.db_table)
        permissions = connection.ops.quote_name(Permission._meta.db_table)
        groups = ", ".join(["%s"] * len(self.group_ids))
        sql = (f"EXISTS(SELECT 1 FROM {grants} visible_grant WHERE visible_grant.content_object_id = {pk_sql}"
               f" AND visible_grant.group_id IN ({groups}) AND visible_grant.permission_id = (SELECT p.id"
               f" FROM {permissions} p WHERE p.content_type_id = %s AND p.codename = %s))")
        content_type = ContentType.objects.get_for_model(self.model).pk
        return sql, (*pk_params, *self.group_ids, content_type, view_codename(self.model))


def visible(user, queryset):
    """The objects of `queryset` (or of a model) that are granted to one of the user's groups."""
    qs = queryset if isinstance(queryset, QuerySet) else queryset._default_manager.all()
    ids = group_ids(user)
    if not ids:
        return qs.none()
    return qs.filter(Granted(qs.model, ids))


def note_groups(user, ids):
    """The middleware has just read the user's party groups and found them equal to their memberships in
    force: group_ids() takes them from here instead of asking again."""
    _cache(user)["groups"] = list(ids)


def note_visible(user, obj):
    """`obj` was just read through visible(user, ...): can_view(user, obj) need not ask again."""
    _cache(user)["objects"][(obj._meta.label, obj.pk)] = True
    return obj


def can_view(user, obj):
    """Is `obj` granted to one of the user's groups? Answered once per request for each object."""
    if obj is None or obj.pk is None:
        return False
    ids = group_ids(user)
    if not ids:
        return False
    answers = _cache(user)["objects"]
    key = (obj._meta.label, obj.pk)
    if key not in answers:
        model = type(obj)
        answers[key] = model._base_manager.filter(pk=obj.pk).filter(Granted(model, ids)).exists()
    return answers[key]


def grant_view_bulk(objs, parties, roles=()):
    """grant_view for many objects of one model at once (data loads such as `seed_bench`).

    The same rows grant_view writes, inserted in bulk; grants that exist already are not written
    twice. Returns how many rows were written."""
    objs = list(objs)
    if not objs:
        return 0
    model = type(objs[0])
    perm = Permission.objects.get(content_type__app_label=model._meta.app_label, codename=view_codename(model))
    table = grant_model(model)
    rows = []
    for party in parties:
        for group in party_groups(party, *roles):
            held = set(table.objects.filter(group=group, permission=perm, content_object__in=objs)
                       .values_list("content_object_id", flat=True))
            rows += [table(group=group, permission=perm, content_object_id=o.pk) for o in objs if o.pk not in held]
    written = insert(table, rows, with_pk=False)
    _changed()
    return written


def keep_groups_in_step(user):
    """Called for every signed-in request: by the middleware for the session, by the API for a token."""
    memberships = active_memberships(user)
    wanted = {group_name(m.party, m.role) for m in memberships}
    if memberships and all(hasattr(m, "held_group_id") for m in memberships):
        # The memberships were read with the party groups the user is in (coordination.memberships):
        # in step when the user is in the group of every membership and in no other party group.
        held = {m.held_group_id for m in memberships}
        in_step = None not in held and memberships[0].held_party_groups == len(wanted)
    else:
        names = dict(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", "pk"))
        held, in_step = set(names.values()), wanted == names.keys()
    if not in_step:
        sync_user_groups(user)
    else:
        # The same groups the grants module would look up by name: one query fewer on every page.
        note_groups(user, sorted(held))
