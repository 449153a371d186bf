"""Scheduled jobs for memberships. Thin: ids in, a service call, safe to run twice."""

from celery import shared_task
from django.contrib.auth import get_user_model


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def sync_membership_groups():
    from .groups import sync_user_groups

    changed = 0
    for user in get_user_model().objects.filter(memberships__isnull=False).distinct():
        changed += sync_user_groups(user)
    return changed


@shared_task
def ping(value):
    """Used by the health of the worker wiring (tests and operators): returns what it got."""
    return value
