"""Demo meetings, minutes, notices and the reporting schedule for `make run`. Idempotent: keyed by titles."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coordination.demo import register
from coordination.models import (
    MEETINGS_AND_INFORMATION_ARTICLE,
    CoordinationArea,
    CoordinationRequest,
    DocumentType,
    Party,
)

from . import selectors, services
from .models import AttendanceStatus, Meeting, MeetingKind, Notice, NoticeKind, ReportFrequency, ReportingObligation

PAST = "Hội nghị liên tịch định kỳ quý III giữa Ban cán sự đảng và Đảng ủy"
AWAITING = "Phiên làm việc về công tác tổ chức, cán bộ"
UPCOMING = "Hội nghị liên tịch định kỳ quý IV"


def _pdf(text):
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length " + str(len(body)).encode() + b">>stream\n" + body + b"\nendstream endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _at(days, hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def _context():
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[
        "bcsd.chuyenvien", "bcsd.lanhdao", "du.chuyenvien", "du.lanhdao", "haiben", "quantri"])}
    return users, Party.objects.get(code="BCSD"), Party.objects.get(code="DU")


def _convene(u, bcsd, du, *, title, kind, days, hours, place, chair="bcsd.lanhdao", party=None, by="bcsd.chuyenvien"):
    invitees = [(u["bcsd.lanhdao"], bcsd), (u["bcsd.chuyenvien"], bcsd), (u["du.lanhdao"], du),
                (u["du.chuyenvien"], du), (u["haiben"], du)]
    return services.meeting_convene(
        by=u[by], convening_party=party or bcsd, kind=kind, title=title, chair=u[chair],
        starts_at=_at(days, hours[0]), ends_at=_at(days, hours[1]), place=place, invitees=invitees,
        description="Đề nghị các đồng chí nghiên cứu tài liệu trước cuộc họp.",
    )


def _agenda(meeting, by, items, requests=()):
    for n, (title, article, party) in enumerate(items):
        services.agenda_item_add(by=by, meeting=meeting, title=title, presenter_party=party,
                                 area=CoordinationArea.objects.get(article_number=article),
                                 requests=requests if n == 0 else ())


def _past_meeting(u, bcsd, du):
    meeting = _convene(u, bcsd, du, title=PAST, kind=MeetingKind.REGULAR, days=-20, hours=(8, 11),
                       place="Phòng họp tầng 3, trụ sở VKSND tối cao")
    staff = u["bcsd.chuyenvien"]
    _agenda(meeting, staff, [
        ("Kết quả thực hiện nhiệm vụ chính trị 9 tháng đầu năm", 3, bcsd),
        ("Công tác chính trị, tư tưởng trong cán bộ, đảng viên", 4, du),
        ("Chế độ thông tin, báo cáo giữa hai bên", MEETINGS_AND_INFORMATION_ARTICLE, bcsd),
    ], requests=list(CoordinationRequest.objects.order_by("pk")[:1]))
    entries = [(i, AttendanceStatus.PRESENT, "", "") for i in meeting.invitations.all()]
    entries[-1] = (entries[-1][0], AttendanceStatus.ABSENT, "Đi công tác tại VKSND cấp cao tại Đà Nẵng", "")
    services.attendance_record(by=staff, meeting=meeting, entries=entries)
    services.minutes_save(by=staff, meeting=meeting, content=(
        "Hội nghị do đồng chí Trần Văn Minh chủ trì.\n\nHai bên đã nghe báo cáo kết quả 9 tháng, "
        "thảo luận công tác chính trị, tư tưởng và thống nhất chế độ thông tin, báo cáo."))
    services.conclusion_add(by=staff, meeting=meeting, text="Đảng ủy xây dựng kế hoạch học tập, quán triệt nghị "
                            "quyết chuyên đề trong toàn Đảng bộ, gửi Ban cán sự đảng cho ý kiến.",
                            area=CoordinationArea.objects.get(article_number=4), owner_party=du,
                            deadline=timezone.localdate() + datetime.timedelta(days=25))
    services.conclusion_add(by=staff, meeting=meeting, text="Văn phòng hai bên rà soát lịch báo cáo định kỳ năm sau.",
                            area=CoordinationArea.objects.get(article_number=MEETINGS_AND_INFORMATION_ARTICLE),
                            owner_party=du,
                            deadline=timezone.localdate() + datetime.timedelta(days=40))
    minutes = services.minutes_submit(by=staff, meeting=meeting)
    services.minutes_approve(by=u["bcsd.lanhdao"], minutes=minutes, party=bcsd)
    services.minutes_approve(by=u["du.lanhdao"], minutes=minutes, party=du, comment="Nhất trí.")
    services.meeting_attach_document(by=staff, meeting=meeting, doc_type=DocumentType.BB,
                                     summary="Biên bản hội nghị liên tịch quý III",
                                     file=SimpleUploadedFile("bien-ban.pdf", _pdf("Bien ban"), "application/pdf"))
    first = meeting.conclusions.order_by("order").first()
    first.refresh_from_db()
    services.conclusion_create_request(by=staff, conclusion=first)


def _awaiting_meeting(u, bcsd, du):
    meeting = _convene(u, bcsd, du, title=AWAITING, kind=MeetingKind.WORKING, days=-3, hours=(14, 16),
                       place="Phòng họp Văn phòng Đảng ủy")
    staff = u["bcsd.chuyenvien"]
    _agenda(meeting, staff, [("Phối hợp quy hoạch cán bộ nhiệm kỳ 2025–2030", 5, bcsd)])
    services.attendance_record(by=staff, meeting=meeting, entries=[
        (i, AttendanceStatus.PRESENT, "", "") for i in meeting.invitations.all()])
    services.minutes_save(by=staff, meeting=meeting, content="Hai bên trao đổi về quy hoạch cán bộ.")
    services.conclusion_add(by=staff, meeting=meeting, text="Ban cán sự đảng gửi dự thảo quy hoạch để Đảng ủy góp ý.",
                            area=CoordinationArea.objects.get(article_number=5), owner_party=bcsd,
                            deadline=timezone.localdate() + datetime.timedelta(days=15))
    minutes = services.minutes_submit(by=staff, meeting=meeting)
    services.minutes_approve(by=u["bcsd.lanhdao"], minutes=minutes, party=bcsd)  # waits for the ĐU leader


def _upcoming_meeting(u, bcsd, du):
    meeting = _convene(u, bcsd, du, title=UPCOMING, kind=MeetingKind.REGULAR, days=6, hours=(8, 11),
                       place="Hội trường tầng 2, trụ sở VKSND tối cao")
    _agenda(meeting, u["bcsd.chuyenvien"], [
        ("Tổng kết công tác phối hợp năm và phương hướng năm sau", 3, bcsd),
        ("Chuẩn bị đánh giá hằng năm việc thực hiện Quy chế", MEETINGS_AND_INFORMATION_ARTICLE, du),
    ])


@register
def load():
    users, bcsd, du = _context()
    if len(users) < 6:
        return
    if not Meeting.objects.filter(title=PAST).exists():
        _past_meeting(users, bcsd, du)
    if not Meeting.objects.filter(title=AWAITING).exists():
        _awaiting_meeting(users, bcsd, du)
    if not Meeting.objects.filter(title=UPCOMING).exists():
        _upcoming_meeting(users, bcsd, du)
    if not ReportingObligation.objects.exists():
        _schedule_and_notices(users, bcsd, du)


def _schedule_and_notices(u, bcsd, du):
    today = timezone.localdate()
    starts = (today - datetime.timedelta(days=200)).replace(day=1)
    admin = u["quantri"]
    lines = [
        (bcsd, du, "Báo cáo tình hình thực hiện nhiệm vụ hằng quý", ReportFrequency.QUARTERLY),
        (du, bcsd, "Báo cáo tình hình thực hiện nhiệm vụ hằng quý", ReportFrequency.QUARTERLY),
        (bcsd, du, "Báo cáo sơ kết 6 tháng", ReportFrequency.SEMIANNUAL),
        (du, bcsd, "Báo cáo sơ kết 6 tháng", ReportFrequency.SEMIANNUAL),
        (bcsd, du, "Báo cáo tổng kết năm", ReportFrequency.YEARLY),
        (du, bcsd, "Báo cáo tổng kết năm", ReportFrequency.YEARLY),
    ]
    for sender, recipient, title, frequency in lines:
        services.obligation_create(by=admin, reporting_party=sender, recipient_party=recipient, title=title,
                                   frequency=frequency, days_after_period=15, starts_on=starts)
    due = selectors.reports_due(today)
    left_due = next((r for r in reversed(due) if r.obligation.reporting_party == du), None)
    staff = {bcsd.pk: u["bcsd.chuyenvien"], du.pk: u["du.chuyenvien"]}
    readers = {bcsd.pk: [u["bcsd.lanhdao"], u["bcsd.chuyenvien"]], du.pk: [u["du.lanhdao"], u["du.chuyenvien"]]}
    for row in due:
        if row is left_due:
            continue
        o = row.obligation
        notice = services.notice_create(
            by=staff[o.reporting_party_id], sender_party=o.reporting_party, recipient_party=o.recipient_party,
            kind=NoticeKind.REPORT, title=f"{o.title} ({row.period_start:%m/%Y}–{row.period_end:%m/%Y})",
            summary="Báo cáo kết quả thực hiện nhiệm vụ trong kỳ, những hạn chế và phương hướng kỳ tới.",
            obligation=o, period_start=row.period_start)
        _send_and_read(notice, staff[o.reporting_party_id], readers[o.recipient_party_id])
    plan = services.notice_create(by=u["du.chuyenvien"], sender_party=du, recipient_party=bcsd, kind=NoticeKind.PLAN,
                                  title=f"Kế hoạch kiểm tra, giám sát năm {today.year} của Đảng ủy",
                                  summary="Đảng ủy gửi Ban cán sự đảng kế hoạch kiểm tra, giám sát để phối hợp.")
    services.notice_attach_document(by=u["du.chuyenvien"], notice=plan, doc_type=DocumentType.KH,
                                    summary="Kế hoạch kiểm tra, giám sát năm",
                                    file=SimpleUploadedFile("ke-hoach.pdf", _pdf("Ke hoach"), "application/pdf"))
    _send_and_read(plan, u["du.chuyenvien"], readers[bcsd.pk])
    resolution = services.notice_create(
        by=u["bcsd.chuyenvien"], sender_party=bcsd, recipient_party=du, kind=NoticeKind.RESOLUTION,
        title="Nghị quyết của Ban cán sự đảng về nhiệm vụ trọng tâm quý IV",
        summary="Ban cán sự đảng thông báo để Đảng ủy biết và lãnh đạo các tổ chức đảng thực hiện.")
    services.notice_send(by=u["bcsd.chuyenvien"], notice=resolution)  # left unread by the ĐU
    services.notice_create(by=u["bcsd.chuyenvien"], sender_party=bcsd, recipient_party=du, kind=NoticeKind.PROGRAMME,
                           title="Chương trình công tác năm sau (dự thảo)", summary="Đang hoàn thiện.")


def _send_and_read(notice, by, readers):
    notice = services.notice_send(by=by, notice=notice)
    for user in readers:
        services.notice_mark_read(user=user, notice=notice)
    return notice


__all__ = ["load", "Notice"]
