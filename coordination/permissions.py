"""The one place that answers "may this user do X" for parties, members and the security log.

Other apps build their own permissions.py on `is_active_member` and `clearance_for`.
"""

from .models import Clearance, Confidentiality, Role


def active_memberships(user):
    """The user's memberships in force today, loaded once per user object (one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_active_memberships", None)
    if cached is None:
        from .models import Membership

        cached = list(Membership.objects.active().filter(user=user).select_related("party", "unit"))
        user._active_memberships = cached
    return cached


def forget_memberships(user):
    """Drop the per-request cache after memberships changed."""
    user.__dict__.pop("_active_memberships", None)


def is_active_member(user, party, *roles):
    """True when the user has a membership in force in `party`, with one of `roles` if given."""
    party_id = getattr(party, "pk", party)
    return any(m.party_id == party_id and (not roles or m.role in roles) for m in active_memberships(user))


def is_member_of_any(user, *roles):
    return any(not roles or m.role in roles for m in active_memberships(user))


def member_party_ids(user, *roles):
    return {m.party_id for m in active_memberships(user) if not roles or m.role in roles}


def clearance_for(user, party=None):
    """The highest clearance the user holds (in `party` when given) through memberships in force."""
    party_id = getattr(party, "pk", party)
    levels = [m.clearance for m in active_memberships(user) if party_id is None or m.party_id == party_id]
    return max(levels, default=Clearance.NONE)


def has_clearance(user, level, party=None):
    """May the user read material marked `level`? Tuyệt mật is never readable: it is never stored."""
    if level >= Confidentiality.TUYET_MAT:
        return False
    return clearance_for(user, party) >= level


def can_manage_members(user, party=None):
    """Regulation admins manage the members of the bodies they administer."""
    if party is None:
        return is_member_of_any(user, Role.ADMIN)
    return is_active_member(user, party, Role.ADMIN)


def manageable_party_ids(user):
    return member_party_ids(user, Role.ADMIN)


def can_view_security_log(user):
    return is_member_of_any(user, Role.LEADER, Role.ADMIN)
