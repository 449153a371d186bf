"""What the calendar shows: meetings and deadlines by day, and the meetings in a member's feed."""

import calendar as pycalendar
import datetime
import html
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Value, When, Window
from django.db.models.functions import RowNumber
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.figures_cache import kept_summary
from coordination.models.requests import OPEN_AT_REQUESTED
from coordination.permissions import member_party_ids
from coordination.selectors.requests import requests_visible

from ..models import Conclusion
from .meetings import visible_meetings
from .notices import reporting_schedule

FEED_PAST_DAYS = 180
# Request deadlines shown on one day of the month; the rest are one link away.
REQUESTS_PER_DAY = 3


@dataclass
class Deadline:
    day: datetime.date
    label: str
    kind: str  # "conclusion", "report", "request": the calendar styles each differently
    url: str = ""
    done: bool = False


@dataclass
class CalendarDay:
    day: datetime.date
    in_month: bool
    is_today: bool
    meetings: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)


def url_for_pk(name):
    """reverse() once for a page of links that differ only by the object's id: a function pk -> url."""
    marker = "987654321"
    head, tail = reverse(name, args=[int(marker)]).split(marker)
    return lambda pk: f"{head}{pk}{tail}"


def _day_bounds(first, last):
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return start, end


def month_deadlines(user, first, last):
    """Deadlines between two dates: conclusions of visible meetings, reports of the user's bodies, requests."""
    items = []
    meeting_url = url_for_pk("meetings:meeting_detail")
    conclusions = Conclusion.objects.filter(
        meeting__in=visible_meetings(user), deadline__range=(first, last)
    ).select_related("owner_party")
    for c in conclusions:
        items.append(
            Deadline(c.deadline, _("Conclusion: %(text)s (%(body)s)") % {"text": c.text[:80], "body": c.owner_party},
                     "conclusion", meeting_url(c.meeting_id),
                     done=getattr(c, "request_id", None) is not None)
        )
    years = range(first.year, last.year + 1)
    for year in years:
        for row in reporting_schedule(user, year):
            if first <= row.due_date <= last:
                items.append(
                    Deadline(row.due_date, _("Report due: %(title)s (%(body)s)")
                             % {"title": row.obligation.title, "body": row.obligation.reporting_party},
                             "report", reverse("meetings:notice_schedule") + f"?nam={year}", done=row.is_sent)
                )
    items += _request_deadlines(user, first, last)
    return items


def _request_deadlines(user, first, last):
    """Reply deadlines of the coordination requests the user may see: at most REQUESTS_PER_DAY a day, the
    still open ones first, then one item "N more" leading to the request list of that day's deadlines.
    Years of requests put hundreds of deadlines in a month; the page must stay a page."""
    open_first = Case(When(state__in=OPEN_AT_REQUESTED, then=Value(0)), default=Value(1), output_field=IntegerField())
    # The first REQUESTS_PER_DAY of each day and the day's count come from the database: a page's worth
    # of rows, not every deadline of the month.
    day = F("reply_deadline")
    rows = (requests_visible(user).filter(reply_deadline__range=(first, last)).select_related(None)
            .annotate(rank=Window(RowNumber(), partition_by=day, order_by=[open_first.asc(), F("pk").asc()]),
                      on_day=Window(Count("pk"), partition_by=day))
            .filter(rank__lte=REQUESTS_PER_DAY).order_by("reply_deadline", "rank")
            .values_list("pk", "title", "reply_deadline", "answered_at", "on_day"))
    # Kept until a request changes (one pass over the month's visible deadlines, ~35 ms at 100,000 requests).
    rows = kept_summary(user, "calendar", lambda: list(rows), first, last)
    items, per_day = [], {}
    request_url, reply_due = url_for_pk("coordination:request_detail"), _("Reply due: %(title)s")
    for pk, title, day, answered_at, on_day in rows:
        per_day[day] = on_day
        items.append(Deadline(day, reply_due % {"title": title[:80]}, "request", request_url(pk),
                              done=answered_at is not None))
    url = reverse("coordination:request_list")
    for day, n in per_day.items():
        if n > REQUESTS_PER_DAY:
            more = n - REQUESTS_PER_DAY
            items.append(Deadline(day, ngettext("%(n)s more reply due", "%(n)s more replies due", more) % {"n": more},
                                  "request", f"{url}?deadline={day.isoformat()}&sort=deadline"))
    return items


def calendar_month(user, year, month):
    """Weeks (Monday first) of the month, each day with its meetings and deadlines."""
    today = timezone.localdate()
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    days = {d: CalendarDay(d, d.month == month, d == today) for week in weeks for d in week}
    start, end = _day_bounds(first, last)
    # The page shows each meeting's minutes, not its convening body or chair.
    meetings = visible_meetings(user).select_related(None).select_related("minutes")
    for meeting in meetings.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at"):
        days[timezone.localdate(meeting.starts_at)].meetings.append(meeting)
    for deadline in month_deadlines(user, first, last):
        days[deadline.day].deadlines.append(deadline)
    return [[days[d] for d in week] for week in weeks]


CHIP = '<li><a class="{}" href="{}">{}</a></li>'
DEADLINE_ROW = ('<tr><td class="nowrap">{}</td><td>—</td>\n        <td><span class="{} inline-chip">{}</span> '
                '<a href="{}">{}</a></td>\n        <td><span class="badge badge-{}">{}</span></td></tr>')


def _html(template, rows):
    """format_html_join("", template, rows) for plain strings: the same escaping (html.escape, as
    django.utils.html.escape) without Django's per-argument checks, for the few hundred items of a month."""
    return mark_safe("".join(template.format(*map(html.escape, row)) for row in rows))


def calendar_page(weeks, today):
    """The month as plain data for the page, everything formatted here so the template only loops over it:
    `weeks` (rows of cells: css class, day number, and the cell's chips as HTML, a link each) and `days`
    (the days of the month with something on them, for the list below the table: date, meeting and
    deadline rows)."""
    meeting_url = url_for_pk("meetings:meeting_detail")
    cancelled = _("cancelled")
    kind_labels = {"conclusion": _("Conclusion deadline"), "report": _("Report due")}
    request_label = _("Request reply due")
    done_label, overdue_label, pending_label = _("Done"), _("Overdue"), _("Pending")
    rows, days = [], []
    for w, week in enumerate(weeks):
        row = []
        for i, d in enumerate(week):
            day = d.day
            meetings, deadlines = [], []
            cell = {
                "css": ("" if d.in_month else "other-month") + (" today" if d.is_today else ""),
                "is_today": d.is_today,
                "number": f"{day.day}/{day.month}" if day.day == 1 or (w == 0 and i == 0) else str(day.day),
            }
            listed = d.in_month and (d.meetings or d.deadlines)
            if listed:
                listed = {"label": f'{date_filter(day, "l")} {date_filter(day, "SHORT_DATE_FORMAT")}',
                          "meetings": [], "deadlines": []}
                days.append(listed)
            for m in d.meetings:
                starts, url, is_cancelled = timezone.localtime(m.starts_at), meeting_url(m.pk), m.is_cancelled
                text = f'{starts:%H:%M} {m.title}'
                meetings.append(("chip chip-meeting cancelled" if is_cancelled else "chip chip-meeting", url,
                                 f"{text} ({cancelled})" if is_cancelled else text))
                if listed:
                    listed["meetings"].append({
                        "meeting": m, "url": url, "cancelled": is_cancelled, "scheduled": not m.has_started,
                        "time": f"{starts:%H:%M}–{timezone.localtime(m.ends_at):%H:%M}",
                    })
            for dl in d.deadlines:
                css = f"chip chip-{dl.kind}"
                deadlines.append((f"{css} done" if dl.done else css, dl.url, f"{dl.label} ✓" if dl.done else dl.label))
                if listed:
                    status = ("ok", done_label) if dl.done else ("danger", overdue_label) if day < today else (
                        "warn", pending_label)
                    listed["deadlines"].append((listed["label"], css, kind_labels.get(dl.kind, request_label), dl.url,
                                                dl.label, *status))
            if listed:
                listed["deadlines"] = _html(DEADLINE_ROW, listed["deadlines"])
            cell["meetings"] = _html(CHIP, meetings)
            cell["deadlines"] = _html(CHIP, deadlines)
            row.append(cell)
        rows.append(row)
    return {"weeks": rows, "days": days}


def feed_meetings(user):
    """The meetings in a member's calendar feed: those they are invited to, cancelled ones included."""
    if not member_party_ids(user):
        return visible_meetings(user).none()
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return (
        visible_meetings(user)
        .filter(invitations__user=user, ends_at__gte=since)
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )
