"""Demo meetings, minutes, notices and the reporting schedule for `make run`, over the last year and a half:
a regular joint meeting each quarter with minutes approved by both bodies, reports sent on schedule (a few
late, one overdue). Each step runs through the services on its day (coordination.demo_clock).
Idempotent: meetings and the schedule are made only into empty tables."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from coordination.demo import register
from coordination.demo.clock import after, at, day, moment, today, workday
from coordination.demo.pdf import document_pdf
from coordination.models import CoordinationArea, Party

from . import services
from .models import AttendanceStatus, Meeting, Notice, ReportFrequency, ReportingObligation

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
AWAITING = "Phiên làm việc về công tác tổ chức, cán bộ"
SPAN_DAYS = 540  # a year and a half


def _pdf(title, party, paragraphs, doc_type):
    return SimpleUploadedFile(f"{doc_type.lower()}-{party.code.lower()}.pdf",
                              document_pdf(title, party=party, doc_type=doc_type, paragraphs=paragraphs),
                              "application/pdf")


def _context():
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[
        "bcsd.chuyenvien", "bcsd.lanhdao", "du.chuyenvien", "du.lanhdao", "haiben", "quantri"])}
    return users, Party.objects.get(code="BCSD"), Party.objects.get(code="DU")


def _convene(u, bcsd, du, *, title, kind, on, hours, place, chair="bcsd.lanhdao", party=None, by="bcsd.chuyenvien"):
    invitees = [(u["bcsd.lanhdao"], bcsd), (u["bcsd.chuyenvien"], bcsd), (u["du.lanhdao"], du),
                (u["du.chuyenvien"], du), (u["haiben"], du)]
    return services.meeting_convene(
        by=u[by], convening_party=party or bcsd, kind=kind, title=title, chair=u[chair],
        starts_at=moment(on, hours[0]), ends_at=moment(on, hours[1]), place=place, invitees=invitees,
        description="Đề nghị các đồng chí nghiên cứu tài liệu trước cuộc họp.",
    )


def _agenda(meeting, by, items, requests=()):
    for n, (title, article, party) in enumerate(items):
        services.agenda_item_add(by=by, meeting=meeting, title=title, presenter_party=party,
                                 area=CoordinationArea.objects.get(article_number=article),
                                 requests=requests if n == 0 else ())


def quarters():
    """(year, quarter, day of its regular meeting) from a year and a half ago to the current quarter:
    the meeting is held mid-month in the quarter's last month."""
    first, last = today() - datetime.timedelta(days=SPAN_DAYS), today()
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        yield year, quarter, workday(datetime.date(year, quarter * 3, 15))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def regular_title(year, quarter):
    return f"Hội nghị liên tịch định kỳ quý {ROMAN[quarter]}/{year} giữa Ban cán sự đảng và Đảng ủy"


def _regular_meeting(u, bcsd, du, year, quarter, on, *, follow_up):
    """Convened two weeks ahead (two days ago for the coming one); held; minutes approved by both bodies
    within the week; the signed minutes filed."""
    staff, q = u["bcsd.chuyenvien"], f"quý {ROMAN[quarter]}/{year}"
    with at(min(workday(on - datetime.timedelta(days=14), backward=True), day(-2)), 9):
        meeting = _convene(u, bcsd, du, title=regular_title(year, quarter), kind="regular", on=on, hours=(8, 11),
                           place="Phòng họp tầng 3, trụ sở VKSND tối cao")
        _agenda(meeting, staff, [
            (f"Kết quả thực hiện nhiệm vụ chính trị {q}", 3, bcsd),
            ("Công tác chính trị, tư tưởng trong cán bộ, đảng viên", 4, du),
            ("Chế độ thông tin, báo cáo giữa hai bên", 8, bcsd),
        ])
    if on >= today():
        return meeting
    with at(on, 11, 30):
        entries = [(i, AttendanceStatus.PRESENT, "", "") for i in meeting.invitations.all()]
        if quarter % 2:
            entries[-1] = (entries[-1][0], AttendanceStatus.ABSENT, "Đi công tác tại VKSND cấp cao tại Đà Nẵng", "")
        services.attendance_record(by=staff, meeting=meeting, entries=entries)
        services.minutes_save(by=staff, meeting=meeting, content=(
            f"Hội nghị do đồng chí Trần Văn Minh chủ trì.\n\nHai bên đã nghe báo cáo kết quả {q}, "
            "thảo luận công tác chính trị, tư tưởng và thống nhất chế độ thông tin, báo cáo."))
        services.conclusion_add(by=staff, meeting=meeting, text="Đảng ủy xây dựng kế hoạch học tập, quán triệt nghị "
                                "quyết chuyên đề trong toàn Đảng bộ, gửi Ban cán sự đảng cho ý kiến.",
                                area=CoordinationArea.objects.get(article_number=4), owner_party=du,
                                deadline=after(on, 25))
        services.conclusion_add(by=staff, meeting=meeting, text="Văn phòng hai bên rà soát lịch báo cáo định kỳ.",
                                area=CoordinationArea.objects.get(article_number=8), owner_party=du,
                                deadline=after(on, 40))
    # The signed minutes are filed with them before they go for approval (can_attach_meeting_document).
    with at(after(on, 1), 9):
        services.meeting_attach_document(
            by=staff, meeting=meeting, doc_type="BB", summary=f"Biên bản hội nghị liên tịch {q}",
            file=_pdf(f"Biên bản hội nghị liên tịch định kỳ {q}", bcsd, [
                f"Hôm nay, ngày {on:%d/%m/%Y}, tại trụ sở VKSND tối cao, Ban cán sự đảng và Đảng ủy tổ chức hội "
                f"nghị liên tịch định kỳ {q}.",
                "Hội nghị do đồng chí Trần Văn Minh chủ trì. Hai bên đã nghe báo cáo kết quả thực hiện nhiệm vụ, "
                "thảo luận công tác chính trị, tư tưởng và thống nhất chế độ thông tin, báo cáo.",
                "Hội nghị kết luận: Đảng ủy xây dựng kế hoạch học tập, quán triệt nghị quyết chuyên đề; Văn phòng "
                "hai bên rà soát lịch báo cáo định kỳ."], "BB"))
    with at(after(on, 1), 10):
        minutes = services.minutes_submit(by=staff, meeting=meeting)
    with at(after(on, 2), 9):
        services.minutes_approve(by=u["bcsd.lanhdao"], minutes=minutes, party=bcsd)
    with at(after(on, 4), 14):
        services.minutes_approve(by=u["du.lanhdao"], minutes=minutes, party=du, comment="Nhất trí.")
    with at(after(on, 5), 9):
        if follow_up:
            first = meeting.conclusions.order_by("order").first()
            first.refresh_from_db()  # forget the meeting cached with its minutes still in draft
            followup = services.conclusion_create_request(by=staff, conclusion=first)
    if follow_up:
        _answer_followup(u, followup, after(on, 5))
    return meeting


def _answer_followup(u, request, sent):
    """The ĐU takes the conclusion up and answers within the deadline; the BCSĐ closes it."""
    from coordination.services import requests

    with at(after(sent, 1), 9):
        requests.request_acknowledge(by=u["du.chuyenvien"], creq=request, officers=[u["du.chuyenvien"]])
    answered = min(after(sent, 18), day(-4))  # closed the working day after: past, even on a Monday
    with at(answered, 10):
        requests.request_save_response(by=u["du.chuyenvien"], creq=request, response_content=(
            "Đảng ủy đã ban hành Kế hoạch học tập, quán triệt nghị quyết chuyên đề trong toàn Đảng bộ, gửi kèm "
            "để Ban cán sự đảng cho ý kiến."))
        requests.request_submit_response(by=u["du.chuyenvien"], creq=request)
    with at(answered, 15):
        requests.request_approve_response(by=u["du.lanhdao"], creq=request)
    with at(after(answered, 1), 9):
        requests.request_close(by=u["bcsd.chuyenvien"], creq=request, comment="Đã nhận kế hoạch.")


def _awaiting_meeting(u, bcsd, du):
    # Four days back, so that the working day after it is past even on a Monday morning.
    on = day(-4)
    with at(day(-10), 9):
        meeting = _convene(u, bcsd, du, title=AWAITING, kind="working", on=on, hours=(14, 16),
                           place="Phòng họp Văn phòng Đảng ủy")
        staff = u["bcsd.chuyenvien"]
        _agenda(meeting, staff, [("Phối hợp quy hoạch cán bộ nhiệm kỳ tới", 5, bcsd)])
    with at(on, 16, 30):
        services.attendance_record(by=staff, meeting=meeting, entries=[
            (i, AttendanceStatus.PRESENT, "", "") for i in meeting.invitations.all()])
        services.minutes_save(by=staff, meeting=meeting, content="Hai bên trao đổi về quy hoạch cán bộ.")
        services.conclusion_add(by=staff, meeting=meeting, text="Ban cán sự đảng gửi dự thảo quy hoạch để Đảng ủy "
                                "góp ý.", area=CoordinationArea.objects.get(article_number=5), owner_party=bcsd,
                                deadline=day(15))
    with at(after(on, 1), 10):
        minutes = services.minutes_submit(by=staff, meeting=meeting)
    with at(after(on, 1), 15):
        services.minutes_approve(by=u["bcsd.lanhdao"], minutes=minutes, party=bcsd)  # waits for the ĐU leader


@register
def load():
    users, bcsd, du = _context()
    if len(users) < 6:
        return
    if not Meeting.objects.exists():
        held = [q for q in quarters() if q[2] < today()]
        for year, quarter, on in quarters():
            _regular_meeting(users, bcsd, du, year, quarter, on, follow_up=(year, quarter, on) == held[-1])
        _awaiting_meeting(users, bcsd, du)
    if not ReportingObligation.objects.exists():
        _schedule(users, bcsd, du)
        _notices(users, bcsd, du)


def _schedule(u, bcsd, du):
    """The schedule set up a year and a half ago; each report sent a few days before it was due, a few
    late, and ĐU's latest one not sent yet."""
    begun = day(-SPAN_DAYS)
    lines = [
        (bcsd, du, "Báo cáo tình hình thực hiện nhiệm vụ hằng quý", ReportFrequency.QUARTERLY),
        (du, bcsd, "Báo cáo tình hình thực hiện nhiệm vụ hằng quý", ReportFrequency.QUARTERLY),
        (bcsd, du, "Báo cáo sơ kết 6 tháng", ReportFrequency.SEMIANNUAL),
        (du, bcsd, "Báo cáo sơ kết 6 tháng", ReportFrequency.SEMIANNUAL),
        (bcsd, du, "Báo cáo tổng kết năm", ReportFrequency.YEARLY),
        (du, bcsd, "Báo cáo tổng kết năm", ReportFrequency.YEARLY),
    ]
    with at(begun, 10):
        obligations = [services.obligation_create(by=u["quantri"], reporting_party=sender, recipient_party=recipient,
                                                  title=title, frequency=frequency, days_after_period=15,
                                                  starts_on=begun.replace(day=1))
                       for sender, recipient, title, frequency in lines]
    rows = sorted(
        ((due, o, start, end) for o in obligations for year in range(begun.year, today().year + 1)
         for start, end, due in o.periods(year) if end < today()),
        key=lambda row: (row[0], row[1].pk))
    left = next((r for r in reversed(rows) if r[1].reporting_party == du), None)
    staff = {bcsd.pk: u["bcsd.chuyenvien"], du.pk: u["du.chuyenvien"]}
    readers = {bcsd.pk: [u["bcsd.lanhdao"], u["bcsd.chuyenvien"]], du.pk: [u["du.lanhdao"], u["du.chuyenvien"]]}
    for n, (due, o, start, end) in enumerate(rows):
        sent = after(due, 5) if n % 5 == 3 else workday(due - datetime.timedelta(days=4), backward=True)
        if (due, o, start, end) == left or sent >= today():
            continue
        by = staff[o.reporting_party_id]
        with at(sent, 9, 30):
            notice = services.notice_create(
                by=by, sender_party=o.reporting_party, recipient_party=o.recipient_party, kind="report",
                title=f"{o.title} ({start:%m/%Y}–{end:%m/%Y})", obligation=o, period_start=start,
                summary="Báo cáo kết quả thực hiện nhiệm vụ trong kỳ, những hạn chế và phương hướng kỳ tới.")
            services.notice_attach_document(
                by=by, notice=notice, doc_type="BC", summary=notice.title,
                file=_pdf(notice.title, o.reporting_party, [
                    f"Kính gửi: {o.recipient_party.name_vi}.",
                    f"Thực hiện chế độ thông tin theo Quy chế phối hợp, {o.reporting_party.name_vi} báo cáo kết quả "
                    f"thực hiện nhiệm vụ từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}, những hạn chế và phương hướng kỳ tới.",
                ], "BC"))
            services.notice_send(by=by, notice=notice)
        _read(notice, readers[o.recipient_party_id], sent)


def _notices(u, bcsd, du):
    readers = {bcsd.pk: [u["bcsd.lanhdao"], u["bcsd.chuyenvien"]], du.pk: [u["du.lanhdao"], u["du.chuyenvien"]]}
    sent = workday(datetime.date(today().year, 1, 20))
    sent = sent if sent < today() else workday(datetime.date(today().year - 1, 1, 20))
    with at(sent, 10):
        plan = services.notice_create(by=u["du.chuyenvien"], sender_party=du, recipient_party=bcsd, kind="plan",
                                      title=f"Kế hoạch kiểm tra, giám sát năm {sent.year} của Đảng ủy",
                                      summary="Đảng ủy gửi Ban cán sự đảng kế hoạch kiểm tra, giám sát để phối hợp.")
        services.notice_attach_document(
            by=u["du.chuyenvien"], notice=plan, doc_type="KH", summary=plan.title,
            file=_pdf(plan.title, du, [
                "Thực hiện Quy chế phối hợp, Đảng ủy gửi Ban cán sự đảng Kế hoạch kiểm tra, giám sát trong năm.",
                "Nội dung trọng tâm: kiểm tra việc thực hiện nghị quyết, chỉ thị của Đảng; giám sát chuyên đề "
                "việc thực hiện Quy chế phối hợp công tác."], "KH"))
        services.notice_send(by=u["du.chuyenvien"], notice=plan)
    _read(plan, readers[bcsd.pk], sent)
    with at(day(-10), 14):
        resolution = services.notice_create(
            by=u["bcsd.chuyenvien"], sender_party=bcsd, recipient_party=du, kind="resolution",
            title=f"Nghị quyết của Ban cán sự đảng về nhiệm vụ trọng tâm quý {ROMAN[(today().month - 1) // 3 + 1]}",
            summary="Ban cán sự đảng thông báo để Đảng ủy biết và lãnh đạo các tổ chức đảng thực hiện.")
        services.notice_send(by=u["bcsd.chuyenvien"], notice=resolution)  # left unread by the ĐU
    with at(day(-2), 16):
        services.notice_create(by=u["bcsd.chuyenvien"], sender_party=bcsd, recipient_party=du, kind="programme",
                               title=f"Chương trình công tác năm {today().year + 1} (dự thảo)",
                               summary="Đang hoàn thiện.")


def _read(notice, readers, sent):
    """Read the next working day, or later the same day when that is still to come."""
    on, first = (after(sent, 1), 8) if after(sent, 1) < today() else (sent, 15)
    for hour, user in enumerate(readers, start=first):
        with at(on, hour):
            services.notice_mark_read(user=user, notice=notice)


__all__ = ["load", "Notice"]
