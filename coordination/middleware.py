"""Keeps party groups in step with memberships, so an ended membership counts at once."""

from .groups import GROUP_PREFIX, group_name
from .permissions import active_memberships


class MembershipGroupsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            wanted = {group_name(m.party, m.role) for m in active_memberships(user)}
            held = dict(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", "pk"))
            if wanted != held.keys():
                from .groups import sync_user_groups

                sync_user_groups(user)
            else:
                # The same groups the grants module would look up by name: one query fewer on every page.
                from .grants import note_groups

                note_groups(user, held.values())
        return self.get_response(request)
