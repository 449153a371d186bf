"""The figures of a year, per coordination area and per body, computed by the database.

Every figure is an aggregate query grouped by (area, body) and again by body alone where a body's
total does not add up across areas (distinct meetings, medians); request counts do add up (one
area per request), so their body totals are summed from the cells. No Python loop runs over
requests, meetings or notices. The one exception is the median on databases
without an ordered-set aggregate (SQLite, used for `make run`): there the durations of the
answered requests are read and the median is taken in Python (see docs/evaluation.md).

Definitions (docs/evaluation.md says the same for users). The year is [1 January, 1 January) in
Asia/Ho_Chi_Minh.
- sent / received: requests that left the requesting body in the year (`sent_at`), counted for
  the body that sent them / the body they went to.
- answered on time / late, median days: requests whose answer was approved in the year
  (`answered_at`), counted for the body that answered; on time when the local answer date is on
  or before the reply deadline (no deadline counts as on time); days = answered_at − sent_at.
- still open: sent before the year ended, not answered, withdrawn or closed by then; counted for
  the body that has to answer (a request of December answered in January is still open at the
  end of its year and answered in the next year).
- meetings held: meetings not cancelled that started in the year (and before now), counted for
  the convening body, per area of their agenda items; minutes approved: minutes approved in the
  year, same attribution.
- notices sent: notices sent in the year by the sending body (area from the notice when it has one).
- documents exchanged: documents attached in the year to requests, counted for the side that
  attached them, per area of the request.
"""

import statistics as pystats

from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Q
from django.utils import timezone

from coordination.models import CoordinationArea, CoordinationRequest, RequestDocument
from coordination.models.requests import REQUESTED, REQUESTING
from meetings.models import AgendaItem, Meeting, MeetingState, Minutes, MinutesState, Notice, NoticeState

from .opening import taking_part

REQUEST_METRICS = ["sent", "received", "answered_on_time", "answered_late", "still_open", "median_days"]
ACTIVITY_METRICS = ["meetings_held", "minutes_approved", "notices_sent", "documents_exchanged"]
METRICS = REQUEST_METRICS + ACTIVITY_METRICS


class MedianDaysToAnswer(Aggregate):
    """percentile_cont(0.5) over (answered_at − sent_at) in days: the median computed by PostgreSQL."""

    function = "percentile_cont"
    template = "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)"
    output_field = FloatField()

    def __init__(self, **extra):
        super().__init__(F("answered_at") - F("sent_at"), **extra)


def _median_on_db():
    return connection.vendor == "postgresql"


class _Grid:
    """Collects values into cells keyed "area:party" and body totals keyed "party"."""

    def __init__(self):
        self.cells, self.totals = {}, {}

    def put(self, rows, party_field, metrics, area_field="area", add=False):
        for row in rows:
            key = f"{row[area_field]}:{row[party_field]}" if area_field in row else str(row[party_field])
            cell = (self.cells if area_field in row else self.totals).setdefault(key, {})
            for metric, value in metrics.items():
                cell[metric] = _rounded(row[value]) + (cell.get(metric, 0) if add else 0)


def _rounded(value):
    return round(value, 1) if isinstance(value, float) else value


def _grouped(qs, party_field, area_field="area", **annotations):
    """The same aggregate grouped by (area, body) and by body: two queries."""
    by_area = qs.values(area_field, party_field).annotate(**annotations).order_by()
    by_party = qs.values(party_field).annotate(**annotations).order_by()
    return list(by_area), list(by_party)


def _request_figures(grid, start, end, now):
    """Four grouped queries: the requesting side's figures and the requested side's by (area, body), every
    figure a filtered count over one pass of the requests sent before the year ended (a body's total is the
    sum of its areas: each request has one area), then the medians of the year's answers per cell and per
    body."""
    cutoff = min(end, now)
    requests = CoordinationRequest.objects.filter(sent_at__lt=end)
    in_year = Q(sent_at__gte=start)
    answered = Q(answered_at__gte=start, answered_at__lt=end)
    on_time = Q(reply_deadline__isnull=True) | Q(answered_at__date__lte=F("reply_deadline"))
    still_open = (Q(sent_at__lt=cutoff) & (Q(answered_at__isnull=True) | Q(answered_at__gte=cutoff))
                  & (Q(closed_at__isnull=True) | Q(closed_at__gte=cutoff)))
    rows = requests.filter(in_year).values("area", "requesting_party").annotate(n=Count("pk")).order_by()
    _put_with_totals(grid, rows, "requesting_party", lambda row: {"sent": "n"})
    annotations = {"received": Count("pk", filter=in_year), "on_time": Count("pk", filter=answered & on_time),
                   "late": Count("pk", filter=answered & ~on_time), "open": Count("pk", filter=still_open)}
    rows = list(requests.values("area", "requested_party").annotate(**annotations).order_by())
    if _median_on_db():
        # The medians per cell in a query of their own, over the year's answers only: a median (an ordered-set
        # aggregate) in the counts' query made PostgreSQL sort every request sent before the year's end by
        # cell, where the counts alone are hashed (300 ms → 60 ms at 100,000 requests).
        medians = {(row["area"], row["requested_party"]): row["median"] for row in requests.filter(answered).values(
            "area", "requested_party").annotate(median=MedianDaysToAnswer()).order_by()}
        rows = [{**row, "median": medians.get((row["area"], row["requested_party"]))} for row in rows]
    _put_with_totals(grid, rows, "requested_party", _requested_metrics)
    if _median_on_db():
        medians = requests.filter(answered).values("requested_party").annotate(median=MedianDaysToAnswer()).order_by()
        grid.put(medians, "requested_party", {"median_days": "median"})
    else:
        _median_fallback(grid, requests.filter(answered))


def _requested_metrics(row):
    """A figure is there only when it counts something, as if each had its own filtered query."""
    metrics = {"received": "received"} if row["received"] else {}
    if row["on_time"] or row["late"]:
        metrics.update(answered_on_time="on_time", answered_late="late")
        if "median" in row:
            metrics["median_days"] = "median"
    if row["open"]:
        metrics["still_open"] = "open"
    return metrics


def _put_with_totals(grid, rows, party_field, metrics_of):
    """Cells per (area, body), and each body's totals as the sum of its cells (medians excepted)."""
    totals = {}
    for row in rows:
        metrics = metrics_of(row)
        if not metrics:
            continue
        grid.put([row], party_field, metrics)
        total = totals.setdefault(row[party_field], {party_field: row[party_field]})
        for metric, key in metrics.items():
            if metric != "median_days":
                total[key] = total.get(key, 0) + row[key]
    for total in totals.values():
        grid.put([total], party_field, {m: k for m, k in metrics_of({**_ZERO, **total}).items() if k in total})


_ZERO = {"received": 0, "on_time": 0, "late": 0, "open": 0, "n": 1}


def _median_fallback(grid, answered):
    """SQLite has no percentile_cont: read (area, body, duration) of the answered requests only."""
    groups = {}
    for area, party, sent_at, answered_at in answered.values_list("area", "requested_party", "sent_at", "answered_at"):
        days = (answered_at - sent_at).total_seconds() / 86400
        groups.setdefault(f"{area}:{party}", []).append(days)
        groups.setdefault(str(party), []).append(days)
    for key, values in groups.items():
        target = grid.cells if ":" in key else grid.totals
        target.setdefault(key, {})["median_days"] = round(pystats.median(values), 1)


def _meeting_figures(grid, start, end, now):
    held = Q(meeting__state=MeetingState.SCHEDULED, meeting__starts_at__gte=start, meeting__starts_at__lt=min(end, now))
    items = AgendaItem.objects.filter(held)
    rows = items.values("area", "meeting__convening_party").annotate(n=Count("meeting", distinct=True)).order_by()
    grid.put(rows, "meeting__convening_party", {"meetings_held": "n"})
    meetings = Meeting.objects.filter(state=MeetingState.SCHEDULED, starts_at__gte=start, starts_at__lt=min(end, now))
    grid.put(meetings.values("convening_party").annotate(n=Count("pk")).order_by(), "convening_party",
             {"meetings_held": "n"})

    approved = Q(meeting__minutes__state=MinutesState.APPROVED, meeting__minutes__approved_at__gte=start,
                 meeting__minutes__approved_at__lt=end)
    rows = (
        AgendaItem.objects.filter(approved).values("area", "meeting__convening_party")
        .annotate(n=Count("meeting", distinct=True)).order_by()
    )
    grid.put(rows, "meeting__convening_party", {"minutes_approved": "n"})
    minutes = Minutes.objects.filter(state=MinutesState.APPROVED, approved_at__gte=start, approved_at__lt=end)
    grid.put(minutes.values("meeting__convening_party").annotate(n=Count("pk")).order_by(),
             "meeting__convening_party", {"minutes_approved": "n"})


def compute(evaluation, now=None):
    """The figures of the evaluation's year as a JSON-ready dict (see the module docstring)."""
    now = now or timezone.now()
    start, end = evaluation.period()
    grid = _Grid()
    _request_figures(grid, start, end, now)
    _meeting_figures(grid, start, end, now)
    _notice_figures(grid, start, end)
    _document_figures(grid, start, end)
    return {
        "year": evaluation.year,
        "as_of": min(end, now).isoformat(),
        "metrics": METRICS,
        "parties": [p.pk for p in taking_part(evaluation.regulation)],
        "areas": list(CoordinationArea.objects.values_list("pk", flat=True)),
        "cells": grid.cells,
        "totals": grid.totals,
    }


def _notice_figures(grid, start, end):
    """Notices carry no area: they count in the body's totals only."""
    sent = Notice.objects.filter(state=NoticeState.SENT, sent_at__gte=start, sent_at__lt=end)
    grid.put(sent.values("sender_party").annotate(n=Count("pk")).order_by(), "sender_party", {"notices_sent": "n"})


def _document_figures(grid, start, end):
    """Documents attached to requests in the year, for the side that attached them, per area of the request."""
    attached = RequestDocument.objects.filter(added_at__gte=start, added_at__lt=end)
    for side, party_field in ((REQUESTING, "request__requesting_party"), (REQUESTED, "request__requested_party")):
        for rows in _grouped(attached.filter(side=side), party_field, area_field="request__area",
                             n=Count("document", distinct=True)):
            grid.put(rows, party_field, {"documents_exchanged": "n"}, area_field="request__area", add=True)
