"""Notices as the user may see them, read receipts, and the reporting schedule (what is due, what was sent)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.timezone import localdate

from coordination.grants import visible
from coordination.models import Membership, Party
from coordination.permissions import member_party_ids

from ..models import Notice, NoticeReceipt, NoticeState, ReportingObligation


def visible_notices(user):
    """Notices granted to the user's bodies: drafts to the sender only, sent ones to both bodies.

    Annotated with `is_unread` (a sent notice to one of the user's bodies that the user has not opened)
    and `read_count` (receipts so far).
    """
    qs = visible(user, Notice)
    mine = NoticeReceipt.objects.filter(notice=OuterRef("pk"), user=user)
    # A subquery per notice, not a join to every receipt grouped back: a page (or a count) of notices
    # then reads the receipts of the rows it shows only.
    receipts = (NoticeReceipt.objects.filter(notice=OuterRef("pk")).order_by().values("notice")
                .annotate(n=Count("pk")).values("n"))
    return (
        qs.select_related("sender_party", "recipient_party", "obligation")
        .annotate(
            has_read=Exists(mine),
            read_count=Coalesce(Subquery(receipts), 0),
        )
        .order_by(F("sent_at").desc(nulls_first=True), "-created_at", "-pk")
    )


def notice_list(user, *, box="", kind=""):
    """The notices page's list (and the API's): box "incoming", "outgoing", "unread" or all; of one kind."""
    qs = visible_notices(user)
    mine = member_party_ids(user)
    if box == "incoming":
        qs = qs.filter(recipient_party_id__in=mine, state=NoticeState.SENT)
    elif box == "outgoing":
        qs = qs.filter(sender_party_id__in=mine)
    elif box == "unread":
        qs = qs.filter(recipient_party_id__in=mine, state=NoticeState.SENT, has_read=False)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def _unread_q(user):
    return Q(state=NoticeState.SENT, recipient_party_id__in=member_party_ids(user), has_read=False)


def unread_notice_count(user):
    return visible_notices(user).filter(_unread_q(user)).count()


def unread_notices_by_sender(user):
    """[(sending body, n)] of the user's unread notices, in the bodies' order: a member of both bodies is told
    which body wrote to them, not "the other body". One grouped pass over the user's unread notices (without
    visible_notices' annotations, its join to every receipt), each notice probed for the grant and for the
    user's receipt; then the (two) bodies by id. A count per body as a subquery of the bodies ran that pass
    once per body."""
    opened = NoticeReceipt.objects.filter(notice=OuterRef("pk"), user=user)
    unread = dict(visible(user, Notice).filter(state=NoticeState.SENT, recipient_party_id__in=member_party_ids(user))
                  .exclude(Exists(opened)).order_by().values_list("sender_party").annotate(n=Count("pk")))
    if not unread:
        return []
    return [(party, unread[party.pk]) for party in Party.objects.filter(pk__in=unread)]


def notice_detail(user):
    return visible_notices(user).prefetch_related(
        Prefetch("receipts", queryset=NoticeReceipt.objects.select_related("user").order_by("read_at"))
    )


def recipient_members(notice):
    """Members in force of the receiving body (each once), for the read-receipt table."""
    seen, members = set(), []
    for m in Membership.objects.active().filter(party=notice.recipient_party).select_related("user"):
        if m.user_id not in seen:
            seen.add(m.user_id)
            members.append(m)
    return members


@dataclass
class ReportDue:
    """One period of one schedule line: due on `due_date`, fulfilled by `notice` once sent."""

    obligation: ReportingObligation
    period_start: datetime.date
    period_end: datetime.date
    due_date: datetime.date
    notice: Notice | None = None

    @property
    def is_sent(self):
        return self.notice is not None and self.notice.state == NoticeState.SENT

    def is_overdue(self, on_date):
        return not self.is_sent and self.due_date < on_date

    @property
    def is_late(self):
        """Sent after its due date (by the calendar day in Asia/Ho_Chi_Minh)."""
        return self.is_sent and self.notice.sent_at is not None and localdate(self.notice.sent_at) > self.due_date


def _schedule_rows(obligations, years):
    notices = {
        (n.obligation_id, n.period_start): n
        for n in Notice.objects.filter(obligation__in=obligations).select_related("sent_by")
    }
    rows = []
    for obligation in obligations:
        for year in years:
            for start, end, due in obligation.periods(year):
                rows.append(ReportDue(obligation, start, end, due, notices.get((obligation.pk, start))))
    return rows


def reports_due(on_date):
    """Reports whose period has ended by `on_date` and that have not been sent yet (overdue ones included).

    Looks back over the previous year too, so a report forgotten at the turn of the year still shows.
    """
    obligations = list(
        ReportingObligation.objects.filter(is_active=True).select_related("reporting_party", "recipient_party")
    )
    rows = _schedule_rows(obligations, (on_date.year - 1, on_date.year))
    return sorted(
        (r for r in rows if r.period_end < on_date and not r.is_sent),
        key=lambda r: (r.due_date, r.obligation.pk),
    )


def reporting_schedule(user, year):
    """Every period of `year` for the schedule lines of the user's bodies (as sender or receiver)."""
    party_ids = member_party_ids(user)
    obligations = list(
        ReportingObligation.objects.filter(Q(reporting_party_id__in=party_ids) | Q(recipient_party_id__in=party_ids))
        .select_related("reporting_party", "recipient_party")
    )
    return sorted(_schedule_rows(obligations, (year,)), key=lambda r: (r.due_date, r.obligation.reporting_party.order))


def schedule_years(user, today):
    """(first, last) year the schedule page offers: from the first period of the user's schedule lines to
    the end of the regulation term in force (this year at least), so the year pager has an end."""
    from regulation.models import Regulation

    party_ids = member_party_ids(user)
    first = ReportingObligation.objects.filter(
        Q(reporting_party_id__in=party_ids) | Q(recipient_party_id__in=party_ids)
    ).aggregate(first=Min("starts_on"))["first"]
    term_end = (Regulation.objects.filter(status=Regulation.Status.IN_FORCE)
                .order_by("-term_end").values_list("term_end", flat=True).first())
    return min(first.year if first else today.year, today.year), max(term_end or today.year, today.year)
