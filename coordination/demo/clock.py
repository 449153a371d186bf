"""The demo's clock: each demo step runs through the services at the moment it would have happened.

The services stay the only writers; every timestamp they set (created, sent, answered, approved…)
and every history row (django-simple-history takes `history_date` from the clock) then reads like
a year and a half of real use. Days are counted from the real today, so the story stays right in
any year. Demo loading only: the clock is moved with time-machine, and only inside `at()`.
"""

import contextlib
import datetime

import time_machine
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Notification, OutboxEntry


def real_now():
    """The real time, also while the demo clock stands elsewhere."""
    if time_machine.escape_hatch.is_travelling():
        return time_machine.escape_hatch.datetime.datetime.now(datetime.UTC)
    return datetime.datetime.now(datetime.UTC)


def today():
    return timezone.localtime(real_now()).date()


def workday(day, backward=False):
    """The same day on a weekday; on a weekend the Monday after (or the Friday before): offices work on weekdays."""
    if day.weekday() < 5:
        return day
    if backward:
        return day - datetime.timedelta(days=day.weekday() - 4)
    return day + datetime.timedelta(days=7 - day.weekday())


def day(offset):
    """The working day `offset` days from today; a past day stays in the past, a future one in the future."""
    return workday(today() + datetime.timedelta(days=offset), backward=offset < 0)


def after(start, days):
    """The first working day at least `days` calendar days after `start`."""
    return workday(start + datetime.timedelta(days=days))


def moment(on, hour=9, minute=0):
    return datetime.datetime.combine(on, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


@contextlib.contextmanager
def at(on, hour=9, minute=0):
    """Run the block as if it were `on` at hour:minute (local time); the clock stands still inside."""
    when = moment(on, hour, minute)
    if when > real_now():
        raise ValueError(f"the demo does not happen in the future ({when})")
    with time_machine.travel(when, tick=False):
        yield


@contextlib.contextmanager
def without_after_commit_work():
    """Drop what the demo queued to run after commit: the notification and invitation emails of
    steps that "happened" months ago. The in-app notifications stay; they are marked as emailed."""
    connection = transaction.get_connection()
    queued = len(connection.run_on_commit)
    last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    last_outbox = OutboxEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    del connection.run_on_commit[queued:]
    # Notifications and outbox entries are not audited (no history), so one UPDATE each is fine here.
    Notification.objects.filter(pk__gt=last, emailed_at__isnull=True).update(emailed_at=F("created_at"))
    # The outbox's re-queue job would otherwise send the demo's emails a few minutes later.
    OutboxEntry.objects.filter(pk__gt=last_outbox, done_at__isnull=True).update(done_at=F("created_at"))
