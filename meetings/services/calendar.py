"""The member's personal calendar feed: create or regenerate its secret token, or revoke it."""

from django.db import transaction

from ..models import CalendarFeedToken
from ..models.calendar import new_token
from .common import save


def calendar_feed_regenerate(*, user) -> CalendarFeedToken:
    """A new secret: the old address stops working at once."""
    with transaction.atomic():
        feed = CalendarFeedToken.objects.select_for_update().filter(user=user).first() or CalendarFeedToken(user=user)
        feed.token = new_token()
        return save(feed, by=user, reason="calendar_feed_regenerate")


def calendar_feed_revoke(*, user) -> None:
    with transaction.atomic():
        feed = CalendarFeedToken.objects.filter(user=user).first()
        if feed is not None:
            feed._history_user = user
            feed._change_reason = "calendar_feed_revoke"
            feed.delete()
