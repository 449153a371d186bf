"""Who may read a regulation or an amendment: guardian grants to the issuing bodies' (party, role) groups.

Called by the services at every change of state (inside their transaction). Each call makes the
grants equal to what `permissions.regulation_reader_roles` / `amendment_reader_roles` say for the
object's state now: missing grants are given, grants no longer due are taken back.
"""

from guardian.shortcuts import assign_perm, remove_perm

from coordination.groups import party_groups

from .. import permissions as perms
from ..models import AmendmentGroupObjectPermission, RegulationGroupObjectPermission

REGULATION_PERM = f"regulation.{perms.VIEW_REGULATION}"
AMENDMENT_PERM = f"regulation.{perms.VIEW_AMENDMENT}"


def _sync(perm, grants, obj, parties, roles):
    codename = perm.split(".", 1)[1]
    wanted = {group for party in parties for group in party_groups(party, *roles)}
    held = {g.group for g in grants.objects.filter(content_object=obj, permission__codename=codename)
            .select_related("group")}
    for group in wanted - held:
        assign_perm(perm, group, obj)
    for group in held - wanted:
        remove_perm(perm, group, obj)


def grant_regulation_readers(regulation):
    """The issuing bodies' groups read the regulation as its state allows (drafts: leaders and admins)."""
    _sync(REGULATION_PERM, RegulationGroupObjectPermission, regulation, regulation.issuing_parties.all(),
          perms.regulation_reader_roles(regulation))


def grant_amendment_readers(amendment):
    """Leaders and admins follow an amendment from its draft; staff too once it is approved."""
    _sync(AMENDMENT_PERM, AmendmentGroupObjectPermission, amendment, amendment.regulation.issuing_parties.all(),
          perms.amendment_reader_roles(amendment))
