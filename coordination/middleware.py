"""Keeps party groups in step with memberships, so an ended membership counts at once."""

from .groups import GROUP_PREFIX, group_name, sync_user_groups
from .permissions import active_memberships


class MembershipGroupsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            wanted = {group_name(m.party, m.role) for m in active_memberships(user)}
            current = set(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", flat=True))
            if wanted != current:
                sync_user_groups(user)
        return self.get_response(request)
