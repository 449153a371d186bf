"""Grant view of many objects at once to the groups of some bodies, for bulk loads (`seed_bench`).

The same grant the services write one object at a time (a guardian row per (party, role) group and
object, in the model's direct-foreign-key table), written in bulk. To fold into `coordination.grants`.
"""

from django.contrib.auth.models import Permission
from guardian.utils import get_group_obj_perms_model

from .bulk_insert import insert
from .groups import party_groups


def grant_view_bulk(objs, parties, roles=None):
    """Let the groups (`roles`, all by default) of each of `parties` see every object of `objs`.

    Returns how many grant rows were written; grants that exist already are not written twice."""
    objs = list(objs)
    if not objs:
        return 0
    model = type(objs[0])
    grant_model = get_group_obj_perms_model(model)
    perm = Permission.objects.get(content_type__app_label=model._meta.app_label,
                                  codename=f"view_{model._meta.model_name}")
    rows = []
    for party in parties:
        for group in party_groups(party, *(roles or ())):
            have = set(grant_model.objects.filter(group=group, permission=perm, content_object__in=objs)
                       .values_list("content_object_id", flat=True))
            rows += [grant_model(group=group, permission=perm, content_object_id=o.pk) for o in objs
                     if o.pk not in have]
    return insert(grant_model, rows, with_pk=False)
