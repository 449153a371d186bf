"""Jobs of the shared base: memberships, notification e-mails, the daily request digest.

Thin: ids (or a date) in, a service call, safe to run twice.
"""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .groups import sync_user_groups
from .jobs import RETRY, day_or_today, recorded_run
from .models import Notification
from .outbox import outbox_left_unsent, outbox_purge, outbox_requeue, outbox_run
from .services.digest import digest_candidate_ids, digest_send


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def sync_membership_groups():
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


@shared_task(**RETRY)
def send_daily_digests(day=None):
    """Daily: queue one digest per person who has requests due soon or overdue."""
    with recorded_run("coordination.tasks.send_daily_digests") as run:
        day = day_or_today(day)
        ids = digest_candidate_ids(day)
        for user_id in ids:
            send_digest.delay(user_id, day.isoformat())
        run["message"] = f"{len(ids)} person(s) queued"
    return ids


@shared_task(**RETRY)
def send_digest(user_id, day):
    """One person's digest for one day; the unique (person, day) row makes a second run send nothing."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    return digest_send(user=user, day=day_or_today(day)) if user else 0


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def run_outbox_entry(entry_id):
    """One outbox entry: runs its task here and marks it done. Safe to run twice (coordination/outbox.py)."""
    return outbox_run(entry_id=entry_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def requeue_outbox():
    """Every few minutes: queue again the outbox entries a broker outage or a lost worker left undone."""
    if not outbox_left_unsent().exists():
        return 0  # the usual case: no JobRun row every five minutes
    with recorded_run("coordination.tasks.requeue_outbox") as run:
        count = outbox_requeue()
        run["message"] = f"{count} queued again"
    return count


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def purge_outbox():
    """Every night: delete outbox entries done more than 30 days ago (coordination/outbox.py)."""
    with recorded_run("coordination.tasks.purge_outbox") as run:
        count = outbox_purge()
        run["message"] = f"{count} deleted"
    return count
