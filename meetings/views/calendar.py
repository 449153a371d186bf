"""The calendar (month view) and the member's personal .ics feed behind a secret token."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import ical, selectors, services
from ..models import CalendarFeedToken

# The months the calendar pages through: wide enough for any term, narrow enough that the month before
# and after always exist (?thang=9999-12 would otherwise overflow the date type).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def _month(value):
    try:
        year, month = (int(part) for part in value.split("-"))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return datetime.date(year, month, 1)
    except (ValueError, AttributeError):
        pass
    return timezone.localdate().replace(day=1)


def calendar_month(request):
    first = _month(request.GET.get("thang", ""))
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    today = timezone.localdate()
    weeks = selectors.calendar_month(request.user, first.year, first.month)
    return render(request, "meetings/calendar_month.html", {
        **selectors.calendar_page(weeks, today), "first": first,
        "previous": previous, "following": following, "today": today,
    })


def calendar_feed_settings(request):
    feed = CalendarFeedToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("meetings:calendar_feed", args=[feed.token])) if feed else ""
    return render(request, "meetings/calendar_feed.html", {"feed": feed, "feed_url": url})


@require_POST
def calendar_feed_regenerate(request):
    services.calendar_feed_regenerate(user=request.user)
    messages.success(request, _("Your calendar address was created. Any earlier address no longer works."))
    return redirect("meetings:calendar_feed_settings")


@require_POST
def calendar_feed_revoke(request):
    services.calendar_feed_revoke(user=request.user)
    messages.success(request, _("Your calendar address was revoked; calendars using it no longer receive meetings."))
    return redirect("meetings:calendar_feed_settings")


@login_not_required
@never_cache
@require_GET
def calendar_feed(request, token):
    """Public by design: calendar programs send no session. The secret token is the authentication."""
    feed = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    user = feed.user
    meetings = selectors.feed_meetings(user)
    name = _("Meetings – coordination regulation")
    data = ical.calendar_bytes(
        meetings, name=name, url_for=lambda m: request.build_absolute_uri(m.get_absolute_url()),
    )
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-hop.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
