"""Reminders sent at most once: one unique ReminderSent row per (kind, about, person, day).

The row is inserted before the message leaves, in the same transaction, so running a job twice
sends nothing twice, and a failure rolls the row back so the retry sends it. Used by the request
digest (coordination.digest), the minutes and report reminders (meetings.services.reminders) and
the evaluation's (meetings.evaluation.services.reminders).
"""

from django.db import IntegrityError, transaction

from .models import ReminderSent
from .notifications import notify


def reminder_claim(kind, key, user, day, items=0):
    """Insert the unique row; False when this reminder was already sent (then send nothing)."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, key=str(key)[:100], user=user, sent_on=day, items=items)
    except IntegrityError:
        return False
    return True


def remind_once(kind, key, users, day, *, subject, body, url, actor):
    """Notify each user not yet reminded of (kind, key) today. Returns how many were reminded."""
    sent = 0
    for user in users:
        with transaction.atomic():
            if reminder_claim(kind, key, user, day):
                notify(recipients=[user], subject=subject, body=body, url=url, actor=actor)
                sent += 1
    return sent
