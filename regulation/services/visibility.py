"""Who may read a regulation or an amendment: guardian grants to the issuing bodies' (party, role) groups.

Called by the services at every change of state (inside their transaction). Each call makes the
grants equal to what `permissions.regulation_reader_roles` / `amendment_reader_roles` say for the
object's state now: missing grants are given, grants no longer due are taken back.
"""

from coordination.grants import sync_view

from .. import permissions as perms


def grant_regulation_readers(regulation):
    """The issuing bodies' groups read the regulation as its state allows (drafts: leaders and admins)."""
    sync_view(regulation, regulation.issuing_parties.all(), perms.regulation_reader_roles(regulation))


def grant_amendment_readers(amendment):
    """Leaders and admins follow an amendment from its draft; staff too once it is approved."""
    sync_view(amendment, amendment.regulation.issuing_parties.all(), perms.amendment_reader_roles(amendment))
