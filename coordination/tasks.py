"""Scheduled jobs for memberships. Thin: ids in, a service call, safe to run twice."""

from celery import shared_task
from django.contrib.auth import get_user_model

from .outbox import outbox_left_unsent, outbox_requeue, outbox_run


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


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id):
    """One email per notification, through Django's email backend. Safe to run twice: emailed_at is the key."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.db import transaction
    from django.utils import timezone

    from .models import Notification

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("recipient").filter(pk=notification_id).first()
        )
        if notification is None or notification.emailed_at or not notification.recipient.email:
            return False
        site = getattr(settings, "SITE_URL", "")
        link = site.rstrip("/") + notification.url if site else notification.url
        send_mail(notification.subject, f"{notification.body}\n\n{link}".strip(), None, [notification.recipient.email])
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def run_outbox_entry(entry_id):
    """One outbox entry: runs its task here and marks it done. Safe to run twice (coordination/outbox.py)."""
    return outbox_run(entry_id=entry_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def requeue_outbox():
    """Every few minutes: queue again the outbox entries a broker outage or a lost worker left undone."""
    from meetings.evaluation.jobs import recorded_run  # JobRun is in the evaluation app: no import cycle at load

    if not outbox_left_unsent().exists():
        return 0  # the usual case: no JobRun row every five minutes
    with recorded_run("coordination.tasks.requeue_outbox") as run:
        count = outbox_requeue()
        run["message"] = f"{count} queued again"
    return count
