"""Keeps party groups in step with memberships, so an ended membership counts at once."""

from .grants import keep_groups_in_step


class MembershipGroupsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            keep_groups_in_step(request.user)
        return self.get_response(request)

