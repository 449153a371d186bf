"""Tell people about work: an in-app notification per recipient plus one email each after commit."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from .models import Notification
from .queueing import delay_on_commit


def notify(*, recipients, subject, body, url, actor=None, email=True):
    """Create one Notification per distinct recipient (the actor excluded) and email each after commit.

    Call inside the service's transaction: if it rolls back, nobody is notified and no email leaves.
    `email=False` when the caller sends its own email (a calendar invitation), so nobody gets two.
    """
    # Stored and emailed in the application's language (Vietnamese), whatever language the actor reads in.
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = str(subject), str(body)
    seen, created = set(), []
    for user in recipients:
        if user is None or user.pk in seen or (actor is not None and user.pk == actor.pk) or not user.is_active:
            continue
        seen.add(user.pk)
        created.append(
            Notification.objects.create(recipient=user, actor=actor, subject=str(subject)[:300], body=str(body),
                                        url=url)
        )
    if created and email:
        # Local: notifications -> tasks -> services.digest -> reminders -> notifications is a cycle.
        from .tasks import send_notification_email

        # The in-app notifications exist whatever happens; each email is an outbox entry, sent once the broker answers.
        for notification in created:
            delay_on_commit(send_notification_email, notification.pk)
    return created


def notification_mark_read(*, by, notification):
    if notification.recipient_id != by.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, by):
    # Notifications are not audited records (no history), so one UPDATE is fine here.
    return Notification.objects.filter(recipient=by, read_at__isnull=True).update(read_at=timezone.now())
