"""Reads for parties, members and the security log, already filtered for the user."""

from django.contrib.auth import get_user_model

from .. import home
from ..models import Membership, Party, SecurityEvent
from ..permissions import active_memberships, manageable_party_ids


def home_summary(*, user):
    """What the home page shows; other apps add their own sections through `coordination.home.register`."""
    return {"capacities": active_memberships(user), "sections": home.sections_for(user)}


def parties():
    return Party.objects.all()


def members_for_admin(*, user, include_ended=False):
    qs = Membership.objects.filter(party_id__in=manageable_party_ids(user)).select_related("user", "party", "unit")
    return qs if include_ended else qs.active()


def security_events():
    return SecurityEvent.objects.select_related("user")


def party_members(party, *roles):
    """Active users with a membership in force in `party` (with one of `roles` if given)."""
    memberships = Membership.objects.active().filter(party=party)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return get_user_model().objects.filter(is_active=True, pk__in=memberships.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )
