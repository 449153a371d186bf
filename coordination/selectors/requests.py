"""Reads of coordination requests, already filtered for the user: lists, the inbox, the dashboard, officers."""

import copy

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, F, Lookup, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext

from ..figures_cache import kept_summary
from ..grants import visible
from ..history import entries, history_entries, merged
from ..models import (
    Comment,
    CoordinationArea,
    CoordinationRequest,
    Membership,
    Opinion,
    RequestState,
    Role,
)
from ..models.requests import OPEN_AT_REQUESTED, OPEN_STATES
from ..permissions import can_view_response_drafts, clearance_for, member_party_ids, response_visible_q
from ..text_search import search_q
from .documents import documents_visible
from .notifications import notifications_for
from .trend import SERIES as TREND_SERIES
from .trend import monthly_trend, year_counts

S = RequestState
# Summary pages (inbox, dashboard) show this many rows of a list and link to the full, paginated list.
FIRST_ROWS = 10
SORTS = {
    "created": "created_at", "-created": "-created_at", "deadline": "reply_deadline", "-deadline": "-reply_deadline",
    "title": "title", "-title": "-title", "state": "state", "-state": "-state",
}


def requests_visible(user):
    qs = visible(user, CoordinationRequest)
    return qs.filter(confidentiality__lte=clearance_for(user)).select_related(
        "requesting_party", "requested_party", "area", "created_by"
    )


def request_history(*, user, req):
    """The history of a request the user sees (the page's history tab and the API), newest first: the
    request's changes, its comments, opinions and attached documents. The response's drafts are the
    requested body's own: the requesting body reads the approved response on the request page, never the
    drafts before each approval here. Documents the user may not see are left out. One read per kind of
    record, whatever the number of rows."""
    hidden = ("search_text", "response_search_text")
    if not can_view_response_drafts(user, req):
        hidden += ("response_content",)
    visible_docs = documents_visible(user).filter(request_links__request=req)
    Attached = req.attachments.model
    return merged(
        entries(req, subject=gettext("Request"), skip=hidden),
        history_entries(Comment.history.filter(request_id=req.pk), lambda r: gettext("Comment")),
        history_entries(Opinion.history.filter(request_id=req.pk).select_related("leader"),
                        lambda r: gettext("Opinion of %(name)s") % {"name": r.leader.get_full_name()}),
        history_entries(Attached.history.filter(request_id=req.pk, document__in=visible_docs)
                        .select_related("document"),
                        lambda r: gettext("Attached document %(number)s") % {"number": r.document.number_symbol}),
    )


def overdue_q(today=None):
    return Q(state__in=OPEN_AT_REQUESTED, reply_deadline__lt=today or timezone.localdate())


def request_list(*, user, party=None, direction="", area=None, state="", overdue=False, date_from=None,
                 date_to=None, q="", sort="-created", waiting=False, deadline=None):
    qs = requests_visible(user)
    if deadline:
        qs = qs.filter(reply_deadline=deadline)
    if waiting:
        qs = qs.filter(_waiting_q(user))
    if party is not None:
        qs = qs.filter(Q(requesting_party=party) | Q(requested_party=party))
    if direction == "made":
        qs = qs.filter(requesting_party_id__in=member_party_ids(user))
    elif direction == "received":
        qs = qs.filter(requested_party_id__in=member_party_ids(user))
    if area is not None:
        qs = qs.filter(area=area)
    if state == "open":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state:
        qs = qs.filter(state=state)
    if overdue:
        qs = qs.filter(overdue_q())
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    if q:
        qs = qs.filter(search_q(q, hidden={"response_search_text": response_visible_q(user)}))
    return qs.order_by(SORTS.get(sort, "-created_at"), "-pk")


# Columns the list pages never show: long texts, read only on the request's own page.
LIST_DEFERRED = ("content", "response_content", "search_text", "response_search_text", "origin_url")


def request_list_rows(ids):
    """The rows of one page of request_list, by the ids it picked (already filtered for the user there),
    with what the list shows: both bodies and the area, not the long texts."""
    return CoordinationRequest.objects.filter(pk__in=ids).select_related(
        "requesting_party", "requested_party", "area").defer(*LIST_DEFERRED)


class _InIds(Lookup):
    """`column IN (subquery)`; on PostgreSQL `column = ANY(ARRAY(subquery))`: the subquery then runs once and
    its few ids probe the primary key, beside the other branches of an OR, where `IN (subquery)` made the
    planner read every request in the states of that branch and test each against the subquery (issue 11)."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def _sides(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return lhs, rhs, (*lhs_params, *rhs_params)

    def as_sql(self, compiler, connection):
        lhs, rhs, params = self._sides(compiler, connection)
        return f"{lhs} IN {rhs}", params

    def as_postgresql(self, compiler, connection):
        lhs, rhs, params = self._sides(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", params


def _waiting_q(user):
    """Requests whose next step belongs to the user (by role in the acting body)."""
    staff = member_party_ids(user, Role.STAFF)
    leaders = member_party_ids(user, Role.LEADER)
    pending_opinion = Opinion.objects.filter(leader=user, given_at__isnull=True).order_by().values("request_id")
    return (
        Q(state=S.DRAFT, created_by=user)
        | Q(state=S.AWAITING_APPROVAL, requesting_party_id__in=leaders)
        | Q(state__in=(S.SENT, S.ACKNOWLEDGED, S.RESPONDING), requested_party_id__in=staff)
        | Q(state=S.RESPONSE_AWAITING_APPROVAL, requested_party_id__in=leaders)
        | Q(state=S.ANSWERED, requesting_party_id__in=staff)
        | Q(_InIds(F("pk"), Subquery(pending_opinion)),
            state__in=(S.ACKNOWLEDGED, S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL))
    )


def inbox(*, user):
    """What waits for the user: how many requests to act on and the most pressing of them (the rest are in
    the request list filtered on "waiting for my step"), then unread notifications."""
    waiting = requests_visible(user).filter(_waiting_q(user)).order_by(F("reply_deadline").asc(nulls_last=True),
                                                                       "-created_at", "-pk")
    return {"waiting": waiting, "unread": notifications_for(user=user).filter(read_at__isnull=True)}


def dashboard(*, user, year=None):
    """Open requests by area and state and the overdue ones (one grouped query), the month-by-month trend and
    the year's totals of answered requests with the share answered on time (one grouped query), the first
    overdue rows. The counts are kept until a request changes (figures_cache); the rows are read each time."""
    year = year or timezone.localdate().year
    visible = requests_visible(user)
    figures = kept_summary(user, "dashboard", lambda: _dashboard_counts(visible, year), year)
    trends = monthly_trend(figures["year"])
    totals = figures["totals"]
    share = round(100 * totals["on_time"] / totals["with_deadline"]) if totals["with_deadline"] else None
    overdue = visible.filter(overdue_q()).order_by("reply_deadline", "pk")[:FIRST_ROWS]
    return {
        **_chart(figures["open"]), "totals": totals, "on_time_share": share, "year": year,
        "trends": trends, "trend_series": TREND_SERIES,
        # The count from the aggregate, the rows a first page: the whole list is one link away.
        "overdue_count": figures["overdue"], "overdue_list": list(overdue),
    }


def _dashboard_counts(visible, year):
    # Each grouped query is answered from a covering index alone: (state, area, …) for the open requests, the
    # later of sent_at and answered_at for the year's (trend.py).
    open_rows = list(visible.filter(state__in=OPEN_STATES).order_by().values("area_id", "state").annotate(
        n=Count("pk"), overdue=Count("pk", filter=overdue_q())))
    by_body, totals = year_counts(visible, year)
    return {"open": {(row["area_id"], row["state"]): row["n"] for row in open_rows},
            "overdue": sum(row["overdue"] for row in open_rows), "year": by_body, "totals": totals}


def _chart(counts):
    """Rows of the bar chart: per area, the open requests per state, as stacked bars scaled to the largest."""
    states = list(OPEN_STATES)
    rows = []
    for area in CoordinationArea.objects.all():
        cells = [{"n": counts.get((area.pk, s), 0)} for s in states]
        rows.append({"area": area, "cells": cells, "total": sum(c["n"] for c in cells)})
    biggest = max((r["total"] for r in rows), default=0) or 1
    for row in rows:
        x = 0.0
        for cell in row["cells"]:
            width = 100 * cell["n"] / biggest
            # Strings, not floats: the template would localise "33.33" into "33,33", invalid in SVG.
            cell["x"], cell["w"] = f"{x:.2f}", f"{width:.2f}"
            x += width
    legend = [{"state": s, "label": RequestState(s).label} for s in states]
    return {"rows": rows, "legend": legend, "open_total": sum(counts.values())}


def officer_candidates(*, party_ids):
    """Staff and leaders in force of these bodies: the people a body may assign as officers."""
    members = Membership.objects.active().filter(party_id__in=party_ids, role__in=(Role.STAFF, Role.LEADER))
    return get_user_model().objects.filter(is_active=True, pk__in=members.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )


def officers_with_units(officers, party):
    """The officers a side assigned, each with `side_memberships` (their memberships in that body, with
    the unit) so the page can say which unit every officer comes from, in two queries."""
    memberships = Membership.objects.active().filter(party=party).select_related("unit")
    return officers.prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="side_memberships"))


def officers_of_both_sides(req):
    """(requesting officers, requested officers), each user with `side_memberships` (their membership in
    force in that side's body, with its unit): two queries for both sides together.

    The officers are read from the two assignment tables of this request only (a few rows) and joined to the
    users, not found by testing every user against both tables (a scan of all users, 7 ms at 200 members)."""
    User, q = get_user_model(), connection.ops.quote_name
    sides = ((req.requesting_party_id, CoordinationRequest.requesting_officers.through),
             (req.requested_party_id, CoordinationRequest.requested_officers.through))
    assigned = " UNION ALL ".join(
        f"SELECT user_id, {n} AS side FROM {q(through._meta.db_table)} WHERE coordinationrequest_id = %s"
        for n, (_, through) in enumerate(sides))
    user = q(User._meta.db_table)
    memberships = Membership.objects.active().filter(party_id__in=[p for p, _ in sides]).select_related("unit")
    users = list(User.objects.raw(
        f"SELECT {user}.*, MAX(CASE WHEN assigned.side = 0 THEN 1 ELSE 0 END) AS on_side_0,"
        f" MAX(CASE WHEN assigned.side = 1 THEN 1 ELSE 0 END) AS on_side_1"
        f" FROM {user} JOIN ({assigned}) assigned ON assigned.user_id = {user}.id"
        f" GROUP BY {user}.id ORDER BY {user}.last_name, {user}.first_name, {user}.id",
        [req.pk] * len(sides),
    ).prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="both_memberships")))
    result = []
    for n, (party_id, _) in enumerate(sides):
        side = []
        for user in users:
            if getattr(user, f"on_side_{n}"):
                user = copy.copy(user)  # one user may serve on both sides, with a different unit on each
                user.side_memberships = [m for m in user.both_memberships if m.party_id == party_id]
                side.append(user)
        result.append(side)
    return tuple(result)
