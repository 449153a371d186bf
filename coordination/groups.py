"""One Django group per (party, role), kept equal to the user's memberships in force.

Object permissions (django-guardian) are granted to these groups, so ending a membership
takes the user out of the group and away from every object granted through it.
"""

from django.contrib.auth.models import Group

from .models import Membership, Party, Role

GROUP_PREFIX = "party:"


def group_name(party, role):
    return f"{GROUP_PREFIX}{party.code}:{role}"


def party_role_group(party, role):
    group, _ = Group.objects.get_or_create(name=group_name(party, role))
    return group


def party_groups(party, *roles):
    """The groups of a party (all roles by default), created when missing."""
    return [party_role_group(party, role) for role in (roles or Role.values)]


def sync_user_groups(user):
    """Make the user's party groups match their memberships in force. Returns True if changed."""
    wanted_names = {
        group_name(m.party, m.role) for m in Membership.objects.active().filter(user=user).select_related("party")
    }
    current = {g.name: g for g in user.groups.filter(name__startswith=GROUP_PREFIX)}
    to_remove = [g for name, g in current.items() if name not in wanted_names]
    to_add_names = wanted_names - current.keys()
    if not to_remove and not to_add_names:
        return False
    if to_remove:
        user.groups.remove(*to_remove)
    for name in to_add_names:
        code, role = name[len(GROUP_PREFIX) :].split(":")
        user.groups.add(party_role_group(Party.objects.get(code=code), role))
    return True
