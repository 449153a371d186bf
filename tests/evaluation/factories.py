"""Builders of fixed data for the statistics tests (plain ORM: the data is the input, not the subject)."""

import datetime

from django.utils import timezone

from coordination.models import CoordinationArea, CoordinationRequest, Document, RequestDocument
from coordination.models.requests import RequestState


def local(y, m, d, hour=9):
    return datetime.datetime(y, m, d, hour, tzinfo=timezone.get_default_timezone())


def area(article):
    return CoordinationArea.objects.get(article_number=article)


def make_request(frm, to, article, *, sent=None, deadline=None, answered=None, closed=None, state=None, title="r"):
    if state is None:
        state = RequestState.ANSWERED if answered else (RequestState.SENT if sent else RequestState.DRAFT)
    return CoordinationRequest.objects.create(
        requesting_party=frm, requested_party=to, area=area(article), title=title, content="…",
        sent_at=sent, reply_deadline=deadline, answered_at=answered, closed_at=closed, state=state,
    )


def attach(request, side, party, user):
    document = Document.objects.create(
        owner_party=party, issuing_party=party, doc_type="CV", year=2026, number_symbol="Số 1-CV/X", summary="tl",
    )
    return RequestDocument.objects.create(request=request, document=document, side=side, added_by=user,
                                          added_at=local(2026, 3, 6))


def make_meeting(party, chair, starts, articles, *, cancelled=False, minutes_approved_at=None, minutes_state=None):
    from meetings.models import AgendaItem, Meeting, MeetingState, Minutes, MinutesState

    meeting = Meeting.objects.create(
        convening_party=party, title="Họp", chair=chair, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        place="Hà Nội", created_by=chair, state=MeetingState.CANCELLED if cancelled else MeetingState.SCHEDULED,
    )
    for i, article in enumerate(articles):
        AgendaItem.objects.create(meeting=meeting, order=i + 1, title=f"Nội dung {i}", area=area(article))
    if minutes_state or minutes_approved_at:
        Minutes.objects.create(
            meeting=meeting, content="Biên bản", drafted_by=chair,
            state=MinutesState.APPROVED if minutes_approved_at else minutes_state, approved_at=minutes_approved_at,
        )
    return meeting


def make_notice(frm, to, user, *, sent=None):
    from meetings.models import Notice, NoticeState

    return Notice.objects.create(
        sender_party=frm, recipient_party=to, title="Báo cáo", summary="…", created_by=user,
        state=NoticeState.SENT if sent else NoticeState.DRAFT, sent_at=sent, sent_by=user if sent else None,
    )
