"""The leaders' dashboard trend: month by month, requests sent to each body, answered, answered on time.

Figures come from one grouped query (requests sent or answered, by body and month); the chart is an SVG
drawn here with attributes and CSS classes only (no inline style or script: the pages run under a strict
Content-Security-Policy). Coordinates are strings, because the template would localise 12.5 into "12,5".
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, When
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Party
from ..models.requests import last_activity

MONTHS = range(1, 13)
SERIES = [("sent", _("Sent")), ("answered", _("Answered")), ("on_time", _("Answered on time"))]

# Geometry of the SVG, in its own units (it scales to the card's width).
WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 10, 24
BAR, GAP = 12, 2


def year_counts(visible, year):
    """One grouped query, by body, month sent and month answered, over the requests sent or answered in the
    year: read as one range of the covering index on their latest date (`last_activity`),
    so each request is checked for visibility once, not once per series (issue 11). The year's totals of
    answered requests (answered, with a deadline, on time) are the sums of the answered cells."""
    tz = timezone.get_current_timezone()
    start, end = datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    rows = {}
    totals = {"answered": 0, "with_deadline": 0, "on_time": 0}

    def cell(party_id):
        return rows.setdefault(party_id, {f"{key}_{m}": 0 for key, _label in SERIES for m in MONTHS})

    sent = Q(sent_at__gte=start, sent_at__lt=end)
    answered = Q(answered_at__gte=start, answered_at__lt=end)
    with_deadline = Q(reply_deadline__isnull=False)
    on_time = Q(reply_deadline__isnull=False, answered_at__date__lte=F("reply_deadline"))
    # Every request sent or answered in the year has its latest date in the year or later: the range is read
    # from the index, then the exact conditions keep the year's requests.
    groups = (visible.alias(last=last_activity()).filter(last__gte=start)
              .filter(sent | answered).order_by()
              .values("requested_party_id", sent_month=Case(When(sent, then=ExtractMonth("sent_at"))),
                      answered_month=Case(When(answered, then=ExtractMonth("answered_at"))))
              .annotate(n=Count("pk"), with_deadline=Count("pk", filter=with_deadline),
                        on_time=Count("pk", filter=on_time)))
    for row in groups:
        counts = cell(row["requested_party_id"])
        if row["sent_month"] is not None:
            counts[f"sent_{int(row['sent_month'])}"] += row["n"]
        if row["answered_month"] is not None:
            month = int(row["answered_month"])
            counts[f"answered_{month}"] += row["n"]
            counts[f"on_time_{month}"] += row["on_time"]
            totals["answered"] += row["n"]
            totals["with_deadline"] += row["with_deadline"]
            totals["on_time"] += row["on_time"]
    return rows, totals


@dataclass
class Trend:
    party: Party
    months: list  # [{"month": 1, "sent": n, "answered": n, "on_time": n, "bars": [...]}]
    grid: list  # [{"y": "…", "label": n}]
    total: dict

    @property
    def empty(self):
        return not any(self.total.values())


def monthly_trend(counts):
    """One Trend per body that was asked something in the year, in the bodies' order, from year_counts()."""
    trends = []
    for party in Party.objects.filter(pk__in=counts).order_by("order"):
        row = counts[party.pk]
        months = [{"month": m, **{key: row[f"{key}_{m}"] for key, _label in SERIES}} for m in MONTHS]
        trend = Trend(party, months, [], {key: sum(m[key] for m in months) for key, _label in SERIES})
        if not trend.empty:
            _draw(trend)
            trends.append(trend)
    return trends


def _scale_top(biggest):
    for top in (2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if biggest <= top:
            return top
    return biggest


def _shown(value):
    """A value as {% blocktranslate %} puts it into its message: localised, then escaped."""
    return conditional_escape(localize(value))


def _draw(trend):
    top = _scale_top(max(m[key] for m in trend.months for key, _label in SERIES))
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / 12
    step = top // 2 if top > 2 else 1
    trend.grid = [{"y": f"{TOP + plot_h * (1 - v / top):.1f}", "label": v} for v in range(0, top + 1, step)]
    # The texts of the 36 bars and 12 months are put together here, once, as {% blocktranslate %} would (the
    # message as translated, the values escaped), rather than by a template tag per bar.
    bar_title, month_label = gettext("Month %(month)s · %(label)s: %(n)s"), gettext("M%(month)s")
    labels = [(key, _shown(label)) for key, label in SERIES]
    for m in trend.months:
        x0 = LEFT + slot * (m["month"] - 1) + (slot - 3 * BAR - 2 * GAP) / 2
        m["label_x"] = f"{LEFT + slot * (m['month'] - 0.5):.1f}"
        month = _shown(m["month"])
        m["label"] = mark_safe(month_label % {"month": month})
        m["bars"] = []
        for i, (key, label) in enumerate(labels):
            h = plot_h * m[key] / top
            m["bars"].append({"key": key, "n": m[key], "x": f"{x0 + i * (BAR + GAP):.1f}",
                              "y": f"{TOP + plot_h - h:.1f}", "h": f"{h:.1f}",
                              "title": mark_safe(bar_title % {"month": month, "label": label, "n": _shown(m[key])})})
    trend.axis_y = f"{TOP + plot_h:.1f}"
    trend.label_y = f"{HEIGHT - 6}"
