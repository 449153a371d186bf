"""Summaries over every request a user sees, kept until a request changes.

The dashboard's counts are two grouped passes over every visible request (about 140 ms at 100,000 requests
on the benchmark machine), the calendar's first reply deadlines of each day one more; yet they change only
when a request does. They are kept in the default cache under everything they depend on:

- the groups the user sees through and their clearance: what `requests_visible` filters on, so two people
  share a summary only when they see exactly the same requests;
- the day (what is overdue) and whatever the caller adds (the year shown);
- the newest row of the requests' history: every write to a request (created, edited, each workflow step,
  deleted) leaves one (simple_history), in the same transaction as the view grants written with it, so a
  change makes a new key at once, in every process.

The version is read before the summary, so a summary is never older than the key it is kept under. Only
plain data is kept (counts; the ids, titles and dates of the calendar's deadlines), nothing translated;
every entry expires after ten minutes. A cache that cannot be reached costs the summary's time, never the
page (logged), as for the API's rate limits.
"""

import logging

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from redis.exceptions import RedisError

from .grants import group_ids
from .models import CoordinationRequest
from .permissions import clearance_for

logger = logging.getLogger(__name__)
KEEP_SECONDS = 600


def requests_version():
    """The id of the newest history row of any request: it changes with every write to a request."""
    return CoordinationRequest.history.aggregate(newest=Max("history_id"))["newest"] or 0


def kept_summary(user, name, compute, *parts):
    """compute() for this user's view of the requests, or what it gave last time for the same view and
    the same `parts` (e.g. the year or the month shown)."""
    groups = ",".join(map(str, sorted(group_ids(user))))
    key = (f"figures:{name}:{':'.join(map(str, parts))}:{timezone.localdate()}:{groups}:{clearance_for(user)}:"
           f"{requests_version()}")
    try:
        kept = cache.get(key)
    except (RedisError, OSError):
        logger.warning("Summaries not cached: the cache (CACHE_URL) cannot be reached", exc_info=True)
        return compute()
    if kept is not None:
        return kept
    figures = compute()
    try:
        cache.set(key, figures, KEEP_SECONDS)
    except (RedisError, OSError):
        logger.warning("Summaries not cached: the cache (CACHE_URL) cannot be reached", exc_info=True)
    return figures
