"""The rest of the benchmark data: documents of requests, number counters, meetings, notices, security log."""

import datetime

from django.db.models import Max

from .bulk_insert import insert, insert_with_history
from .grants import grant_view_bulk
from .models import (
    Document,
    DocumentCounter,
    DocumentVersion,
    RequestDocument,
    Role,
    SecurityEvent,
)
from .models.documents import DocumentType, format_symbol
from .services.documents import WORKING_GROUP_ROLES
from .text_search import normalize

BATCH = 2000


def _next_sequence(ctx, party, year):
    numbers = ctx.__dict__.setdefault("sequences", {})
    if (party.pk, year) not in numbers:
        last = Document.objects.filter(issuing_party=party, year=year).aggregate(m=Max("sequence"))["m"] or 0
        numbers[(party.pk, year)] = last
    numbers[(party.pk, year)] += 1
    return numbers[(party.pk, year)]


def seed_request_documents(ctx, requests):
    """About one numbered document per request (one or two file versions), attached on the requesting side."""
    from .bench_seed import SEEN_BY_BOTH

    parties = {p.pk: p for p in ctx.parties}
    docs, owners = [], []
    for r in requests:
        if ctx.rnd.random() < 0.1:
            continue
        party = parties[r.requesting_party_id]
        issued = r.created_at.date()
        doc_type = ctx.rnd.choice([DocumentType.CV, DocumentType.BC, DocumentType.KH, DocumentType.TB])
        seq = _next_sequence(ctx, party, issued.year)
        symbol = format_symbol(seq, doc_type, party)
        summary = f"V/v {r.title}"[:500]
        docs.append(Document(owner_party=party, issuing_party=party, doc_type=doc_type, year=issued.year,
                             sequence=seq, number_symbol=symbol, issued_on=issued, summary=summary,
                             signer_name="Trần Văn Minh", confidentiality=r.confidentiality,
                             created_by_id=r.created_by_id, created_at=r.created_at,
                             search_text=normalize(symbol, summary, "Trần Văn Minh")))
        owners.append(r)
    insert_with_history(Document, docs, reason="document_create", date_attr="created_at", user_attr="created_by_id")
    versions, links = [], []
    for doc, r in zip(docs, owners, strict=True):
        for number in range(1, 2 + (ctx.rnd.random() < 0.3)):
            versions.append(DocumentVersion(
                document=doc, number=number, file=f"documents/bench/{doc.pk}-{number}.pdf",
                original_name=f"van-ban-{doc.pk}-v{number}.pdf", content_type="application/pdf",
                size=ctx.rnd.randint(20_000, 900_000), sha256=f"{doc.pk:064x}", uploaded_by_id=r.created_by_id,
                uploaded_at=r.created_at))
        links.append(RequestDocument(request=r, document=doc, side="requesting", added_by_id=r.created_by_id,
                                     added_at=r.created_at))
    insert_with_history(DocumentVersion, versions, reason="document_add_version", date_attr="uploaded_at",
                        user_attr="uploaded_by_id")
    insert_with_history(RequestDocument, links, reason="request_attach", date_attr="added_at", user_attr="added_by_id")
    grants = 0
    for party in ctx.parties:
        grants += grant_view_bulk([d for d in docs if d.owner_party_id == party.pk], [party], roles=WORKING_GROUP_ROLES)
        shared = [d for d, r in zip(docs, owners, strict=True)
                  if r.state in SEEN_BY_BOTH and r.requested_party_id == party.pk]
        grants += grant_view_bulk(shared, [party], roles=WORKING_GROUP_ROLES)
    return {"documents": len(docs), "document versions": len(versions), "document grants": grants}


def seed_documents_counters():
    """Each body's counter of the year holds the last number it gave, as the numbering service expects."""
    rows = Document.objects.filter(sequence__isnull=False).values("issuing_party_id", "year").annotate(
        last=Max("sequence"))
    for row in rows:
        DocumentCounter.objects.update_or_create(
            party_id=row["issuing_party_id"], year=row["year"], defaults={"last_number": row["last"]})
    return {"document counters": len(rows)}


def seed_meetings(ctx, total):
    """Meetings over the years and the coming months; past ones with attendance and approved minutes."""
    from meetings.models import AgendaItem, Invitation, Meeting, Minutes, MinutesApproval

    meetings = []
    for i in range(total):
        party = ctx.parties[i % 2]
        starts = ctx.moment(hi=ctx.now + datetime.timedelta(days=90)).replace(minute=0, second=0, microsecond=0)
        meetings.append(Meeting(
            kind=ctx.rnd.choice(["regular", "extraordinary", "working"]), convening_party=party,
            title=f"Hội nghị liên tịch: {ctx.title(ctx.rnd.choice(ctx.areas))}"[:300],
            chair_id=ctx.pick(party, Role.LEADER), starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
            place="Phòng họp tầng 3, trụ sở VKSND tối cao", description=ctx.sentence(12),
            created_by_id=ctx.pick(party, Role.STAFF), created_at=starts - datetime.timedelta(days=10)))
    insert_with_history(Meeting, meetings, reason="meeting_create", date_attr="created_at", user_attr="created_by_id")
    invitations, items, minutes = [], [], []
    for m in meetings:
        past = m.starts_at < ctx.now
        invited = set()
        for party in ctx.parties:
            for user_id in set(ctx.people(party, 3)) - invited:
                invited.add(user_id)
                invitations.append(Invitation(meeting=m, user_id=user_id, party=party,
                                              attendance="present" if past else "invited"))
        for order in (1, 2):
            items.append(AgendaItem(meeting=m, order=order, title=ctx.title(area := ctx.rnd.choice(ctx.areas)),
                                    area=area, presenter_party=ctx.rnd.choice(ctx.parties)))
        if past:
            minutes.append(Minutes(meeting=m, content=ctx.sentence(60), state="approved", round=1,
                                   drafted_by_id=m.created_by_id, submitted_at=m.ends_at,
                                   approved_at=m.ends_at + datetime.timedelta(days=3)))
    insert_with_history(Invitation, invitations, reason="invite")
    insert_with_history(AgendaItem, items, reason="agenda_add")
    insert_with_history(Minutes, minutes, reason="minutes_approve", date_attr="approved_at")
    approvals = [MinutesApproval(minutes=mi, round=1, party=p, decided_by_id=ctx.pick(p, Role.LEADER),
                                 decision="approved", decided_at=mi.approved_at)
                 for mi in minutes for p in ctx.parties]
    insert_with_history(MinutesApproval, approvals, reason="minutes_approve", date_attr="decided_at",
                        user_attr="decided_by_id")
    grants = grant_view_bulk(meetings, ctx.parties)
    return {"meetings": len(meetings), "invitations": len(invitations), "minutes": len(minutes),
            "meeting grants": grants}


def seed_notices(ctx, total):
    """Sent notices both ways, each read by a few members of the receiving body."""
    from meetings.models import Notice, NoticeReceipt

    notices = []
    for i in range(total):
        sender, recipient = ctx.parties if i % 2 else ctx.parties[::-1]
        sent = ctx.moment()
        notices.append(Notice(sender_party=sender, recipient_party=recipient,
                              kind=ctx.rnd.choice(["resolution", "report", "plan", "programme", "other"]),
                              title=f"Thông báo: {ctx.title(ctx.rnd.choice(ctx.areas))}"[:300],
                              summary=ctx.sentence(30), state="sent", created_by_id=ctx.pick(sender, Role.STAFF),
                              created_at=sent - datetime.timedelta(days=1), sent_by_id=ctx.pick(sender, Role.LEADER),
                              sent_at=sent))
    insert_with_history(Notice, notices, reason="notice_send", date_attr="sent_at", user_attr="sent_by_id")
    receipts = [NoticeReceipt(notice=n, user_id=u, read_at=n.sent_at + datetime.timedelta(hours=ctx.rnd.randint(1, 90)))
                for n in notices for u in ctx.people(n.recipient_party, 3)]
    insert_with_history(NoticeReceipt, receipts, reason="notice_read", date_attr="read_at", user_attr="user_id")
    grants = grant_view_bulk(notices, ctx.parties)
    return {"notices": len(notices), "read receipts": len(receipts), "notice grants": grants}


def seed_security_events(ctx, total):
    kinds = list(SecurityEvent.Kind.values)
    events = [SecurityEvent(kind=ctx.rnd.choice(kinds), username=f"bench.{ctx.rnd.randint(0, 199):04d}",
                            ip_address=f"10.0.{ctx.rnd.randint(0, 255)}.{ctx.rnd.randint(1, 254)}",
                            path="/phoi-hop/de-nghi/", detail="seed_bench", created_at=ctx.moment())
              for _ in range(total)]
    insert(SecurityEvent, events, with_pk=False)
    return {"security events": len(events)}
