"""Tells every page who is signed in and in which capacities they act."""

from django.conf import settings

from .permissions import active_memberships


def acting_capacity(request):
    user = getattr(request, "user", None)
    memberships = active_memberships(user) if user is not None else []
    return {"capacities": memberships, "app_name": settings.APP_NAME}
