"""Reads of the user's own in-app notifications."""

from ..models import Notification


def notifications_for(*, user):
    return Notification.objects.filter(recipient=user).select_related("actor")
