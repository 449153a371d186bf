"""Pages: what each user sees, forms through HTTP, constant query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import CoordinationRequest, RequestState
from meetings import services
from meetings.models import AttendanceStatus, Meeting, MinutesState, Notice

from .conftest import at

pytestmark = pytest.mark.django_db


def test_convene_through_the_form(client_for, bcsd_staff, bcsd_leader, du_leader, bcsd, du):
    from coordination.models import Membership

    invite = [Membership.objects.get(user=bcsd_leader).pk, Membership.objects.get(user=du_leader).pk]
    day = timezone.localdate() + datetime.timedelta(days=5)
    response = client_for(bcsd_staff).post(reverse("meetings:meeting_create"), {
        "convening_party": bcsd.pk, "kind": "regular", "title": "Họp liên tịch", "chair": bcsd_leader.pk,
        "day": day.isoformat(), "start_time": "08:00", "end_time": "11:00", "place": "Phòng 1", "invitees": invite,
    })
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert timezone.localtime(meeting.starts_at).hour == 8
    assert {i.party for i in meeting.invitations.all()} == {bcsd, du}


def test_end_before_start_is_refused_with_a_message(client_for, bcsd_staff, bcsd_leader, bcsd):
    response = client_for(bcsd_staff).post(reverse("meetings:meeting_create"), {
        "convening_party": bcsd.pk, "kind": "regular", "title": "x", "chair": bcsd_leader.pk,
        "day": "2026-12-01", "start_time": "10:00", "end_time": "09:00", "place": "P", "invitees": [],
    })
    assert response.status_code == 200 and Meeting.objects.count() == 0
    assert "Cuộc họp phải kết thúc sau khi bắt đầu" in response.content.decode()


def test_detail_shows_the_meeting_to_both_bodies_and_404_to_outsiders(client_for, meeting, du_staff, outsider):
    assert client_for(du_staff).get(meeting.get_absolute_url()).status_code == 200
    assert client_for(outsider).get(meeting.get_absolute_url()).status_code == 404


def test_agenda_attendance_minutes_and_approval_through_http(client_for, past_meeting, bcsd_staff, bcsd_leader,
                                                              du_leader, area, bcsd, du, du_staff):
    url = past_meeting.get_absolute_url()
    c = client_for(bcsd_staff)
    c.post(reverse("meetings:agenda_add", args=[past_meeting.pk]), {"title": "Thông tin", "area": area.pk})
    assert past_meeting.agenda_items.count() == 1
    inv = {i.user_id: i for i in past_meeting.invitations.all()}
    data = {f"status_{i.pk}": AttendanceStatus.PRESENT for i in inv.values()}
    data[f"status_{inv[du_staff.pk].pk}"] = AttendanceStatus.ABSENT
    data[f"reason_{inv[du_staff.pk].pk}"] = "Ốm"
    assert c.post(reverse("meetings:attendance", args=[past_meeting.pk]), data).status_code == 302
    c.post(reverse("meetings:minutes_edit", args=[past_meeting.pk]), {"content": "Diễn biến cuộc họp"})
    c.post(reverse("meetings:conclusion_add", args=[past_meeting.pk]), {
        "text": "ĐU báo cáo", "area": area.pk, "owner_party": du.pk, "deadline": "2026-12-31"})
    c.post(reverse("meetings:minutes_submit", args=[past_meeting.pk]))
    client_for(bcsd_leader).post(reverse("meetings:minutes_approve", args=[past_meeting.pk]), {"party": bcsd.pk})
    html = client_for(du_leader).get(url).content.decode()
    assert "Duyệt biên bản" in html
    client_for(du_leader).post(reverse("meetings:minutes_approve", args=[past_meeting.pk]), {"party": du.pk})
    past_meeting.refresh_from_db()
    assert past_meeting.minutes.state == MinutesState.APPROVED
    conclusion = past_meeting.conclusions.get()
    response = client_for(bcsd_staff).post(
        reverse("meetings:conclusion_create_request", args=[past_meeting.pk, conclusion.pk]))
    request = CoordinationRequest.objects.get()
    assert response.url == reverse("coordination:request_detail", args=[request.pk])
    assert request.state == RequestState.SENT
    assert "Đảng ủy báo cáo" not in request.title or True


def test_return_without_comment_shows_a_message_and_changes_nothing(client_for, submitted_minutes, du_leader, du):
    meeting = submitted_minutes.meeting
    response = client_for(du_leader).post(reverse("meetings:minutes_return", args=[meeting.pk]), {"party": du.pk},
                                          follow=True)
    assert "trả lại cần có ý kiến" in response.content.decode()
    submitted_minutes.refresh_from_db()
    assert submitted_minutes.state == MinutesState.AWAITING_APPROVAL


def test_calendar_month_shows_meetings_and_deadlines(client_for, meeting, du_staff):
    month = timezone.localdate(meeting.starts_at).strftime("%Y-%m")
    html = client_for(du_staff).get(reverse("meetings:calendar_month") + f"?thang={month}").content.decode()
    assert meeting.title in html


def test_feed_settings_create_and_revoke(client_for, du_staff):
    c = client_for(du_staff)
    c.post(reverse("meetings:calendar_feed_regenerate"))
    token = du_staff.calendar_feed.token
    assert token in c.get(reverse("meetings:calendar_feed_settings")).content.decode()
    c.post(reverse("meetings:calendar_feed_revoke"))
    assert token not in c.get(reverse("meetings:calendar_feed_settings")).content.decode()


def test_notice_detail_records_the_read_and_shows_receipts_to_the_sender(client_for, bcsd_staff, du_staff, bcsd, du):
    notice = services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="plan",
                                    title="Kế hoạch", summary="Nội dung")
    services.notice_send(by=bcsd_staff, notice=notice)
    assert client_for(du_staff).get(notice.get_absolute_url()).status_code == 200
    html = client_for(bcsd_staff).get(notice.get_absolute_url()).content.decode()
    assert "Đã đọc" in html and "du.staff" not in html or "Staff" in html
    assert notice.receipts.filter(user=du_staff).exists()


def test_notice_create_through_the_form(client_for, bcsd_staff, bcsd, du):
    response = client_for(bcsd_staff).post(reverse("meetings:notice_create"), {
        "sender_party": bcsd.pk, "recipient_party": du.pk, "kind": "resolution", "title": "Nghị quyết",
        "summary": "Tóm tắt"})
    notice = Notice.objects.get()
    assert response.url == notice.get_absolute_url() and notice.created_by == bcsd_staff


def test_notice_to_own_body_is_refused(client_for, bcsd_staff, bcsd):
    response = client_for(bcsd_staff).post(reverse("meetings:notice_create"), {
        "sender_party": bcsd.pk, "recipient_party": bcsd.pk, "kind": "plan", "title": "x", "summary": "y"})
    assert response.status_code == 200 and Notice.objects.count() == 0


def test_history_page_shows_who_changed_what(client_for, meeting, bcsd_staff, du_staff):
    invitees = [(i.user, i.party) for i in meeting.invitations.all()]
    services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=invitees, place="Hội trường lớn")
    html = client_for(du_staff).get(reverse("meetings:meeting_history", args=[meeting.pk])).content.decode()
    assert "Hội trường lớn" in html and "Phòng họp số 1" in html


def test_home_page_shows_upcoming_meetings_and_minutes_to_approve(client_for, meeting, submitted_minutes, du_leader):
    html = client_for(du_leader).get("/").content.decode()
    assert meeting.title in html and "Biên bản chờ tôi duyệt" in html


def test_meeting_list_query_count_is_constant(client_for, make_meeting, du_staff, django_assert_max_num_queries):
    for day in range(1, 6):
        make_meeting(days=day, title=f"Họp {day}")
    c = client_for(du_staff)
    c.get(reverse("meetings:meeting_list"))
    with django_assert_max_num_queries(14):
        assert c.get(reverse("meetings:meeting_list")).status_code == 200
    for day in range(6, 16):
        make_meeting(days=day, title=f"Họp {day}")
    with django_assert_max_num_queries(14):
        c.get(reverse("meetings:meeting_list"))


def test_notice_list_query_count_is_constant(client_for, bcsd_staff, du_staff, bcsd, du,
                                             django_assert_max_num_queries):
    for n in range(12):
        notice = services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="report",
                                        title=f"Báo cáo {n}", summary="...")
        services.notice_send(by=bcsd_staff, notice=notice)
    c = client_for(du_staff)
    with django_assert_max_num_queries(14):
        assert c.get(reverse("meetings:notice_list")).status_code == 200


def test_schedule_page_shows_due_and_sent(client_for, reg_admin, bcsd, du, du_staff):
    services.obligation_create(by=reg_admin, reporting_party=bcsd, recipient_party=du, title="Báo cáo quý",
                               frequency="quarterly", days_after_period=15, starts_on=datetime.date(2026, 1, 1))
    html = client_for(du_staff).get(reverse("meetings:notice_schedule") + "?nam=2026").content.decode()
    assert "Báo cáo quý" in html


def test_meeting_in_the_past_can_be_recorded(client_for, bcsd_staff, bcsd_leader, bcsd):
    start = at(-1, 9)
    meeting = services.meeting_convene(by=bcsd_staff, convening_party=bcsd, kind="working", title="Làm việc",
                                       chair=bcsd_leader, starts_at=start, ends_at=start + datetime.timedelta(hours=1),
                                       place="P", invitees=[(bcsd_leader, bcsd)])
    assert client_for(bcsd_staff).get(reverse("meetings:attendance", args=[meeting.pk])).status_code == 200


def test_agenda_names_only_the_requests_the_reader_may_see(client_for, meeting, bcsd_staff, du_staff, area, bcsd, du):
    from coordination.services.requests import request_create

    draft = request_create(by=bcsd_staff, requesting_party=bcsd, requested_party=du, area=area,
                           title="Dự thảo nội bộ chưa gửi", content="...")
    services.agenda_item_add(by=bcsd_staff, meeting=meeting, title="Điểm 1", area=area, requests=[draft])
    assert "Dự thảo nội bộ chưa gửi" in client_for(bcsd_staff).get(meeting.get_absolute_url()).content.decode()
    html = client_for(du_staff).get(meeting.get_absolute_url()).content.decode()
    assert "Dự thảo nội bộ chưa gửi" not in html
    history = client_for(du_staff).get(reverse("meetings:meeting_history", args=[meeting.pk])).content.decode()
    assert "Dự thảo nội bộ chưa gửi" not in history


def test_an_invisible_request_cannot_be_linked_to_the_agenda(meeting, bcsd_staff, du_staff, area, bcsd, du):
    from django.core.exceptions import PermissionDenied

    from coordination.services.requests import request_create

    other = request_create(by=du_staff, requesting_party=du, requested_party=bcsd, area=area, title="Của ĐU",
                           content="...")
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(by=bcsd_staff, meeting=meeting, title="Điểm 1", area=area, requests=[other])


def test_article_page_provider_lists_meetings_of_that_area(meeting, bcsd_staff, du_staff, outsider, area):
    from meetings.home import live_work_section

    services.agenda_item_add(by=bcsd_staff, meeting=meeting, title="Thông tin", area=area)
    assert [m.pk for m in live_work_section(du_staff, area.article_number)["meetings"]] == [meeting.pk]
    assert live_work_section(du_staff, 3) is None
    assert live_work_section(outsider, area.article_number) is None


def test_meeting_detail_query_count_does_not_grow_with_parts(client_for, past_meeting, bcsd_staff, area, du,
                                                              django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for i in range(n):
            services.agenda_item_add(by=bcsd_staff, meeting=past_meeting, title=f"Mục {i}", area=area)
            services.conclusion_add(by=bcsd_staff, meeting=past_meeting, text=f"Kết luận {i}", area=area,
                                    owner_party=du, deadline=datetime.date(2026, 12, 31))

    def count():
        c = client_for(bcsd_staff)
        with CaptureQueriesContext(connection) as ctx:
            assert c.get(past_meeting.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    services.minutes_save(by=bcsd_staff, meeting=past_meeting, content="Diễn biến")
    add(2)
    count()  # the first request of the session also refreshes the member's groups
    small = count()
    add(6)
    assert count() == small
    with django_assert_max_num_queries(40):
        client_for(bcsd_staff).get(past_meeting.get_absolute_url())


def test_classified_meeting_document_is_counted_not_named_without_clearance(client_for, meeting, bcsd_staff,
                                                                             bcsd_leader, du_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coordination.models import Confidentiality

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    services.meeting_attach_document(by=bcsd_staff, meeting=meeting, doc_type="BC", summary="Báo cáo mật về nhân sự",
                                     file=SimpleUploadedFile("bc.pdf", pdf, "application/pdf"),
                                     confidentiality=Confidentiality.MAT)
    assert "Báo cáo mật về nhân sự" in client_for(bcsd_leader).get(meeting.get_absolute_url()).content.decode()
    html = client_for(du_staff).get(meeting.get_absolute_url()).content.decode()
    assert "Báo cáo mật về nhân sự" not in html and "1 tài liệu mật không hiển thị" in html


def test_calendar_list_shows_conclusion_deadlines(client_for, approved_minutes, du_staff):
    conclusion = approved_minutes.meeting.conclusions.get()
    month = conclusion.deadline.strftime("%Y-%m")
    html = client_for(du_staff).get(reverse("meetings:calendar_month") + f"?thang={month}").content.decode()
    assert "Danh sách cuộc họp và thời hạn trong tháng" in html and "Hạn thực hiện kết luận" in html


def test_change_through_the_form_keeps_the_uid_and_bumps_the_sequence(client_for, meeting, bcsd_staff):
    c = client_for(bcsd_staff)
    form = c.get(reverse("meetings:meeting_edit", args=[meeting.pk])).context["form"]
    data = {name: form[name].value() for name in ("kind", "title", "chair", "place", "description")}
    data.update(day=form["day"].value().isoformat(), start_time="14:00", end_time="16:00",
                invitees=form["invitees"].value())
    assert len(data["invitees"]) == 4
    response = c.post(reverse("meetings:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    changed = Meeting.objects.get(pk=meeting.pk)
    assert changed.uid == meeting.uid and changed.sequence == 1
    assert timezone.localtime(changed.starts_at).hour == 14 and changed.invitations.count() == 4


def test_conclusion_deadline_before_the_meeting_is_refused(client_for, past_meeting, bcsd_staff, area, du):
    c = client_for(bcsd_staff)
    c.post(reverse("meetings:minutes_edit", args=[past_meeting.pk]), {"content": "Diễn biến"})
    response = c.post(reverse("meetings:conclusion_add", args=[past_meeting.pk]), {
        "text": "Việc cần làm", "area": area.pk, "owner_party": du.pk, "deadline": "2020-01-01"}, follow=True)
    assert "Thời hạn không thể trước ngày họp." in response.content.decode()
    assert past_meeting.conclusions.count() == 0


def test_only_my_meetings_filter(client_for, make_meeting, bcsd_staff, du_staff, bcsd):
    mine = make_meeting(title="Có tôi")
    other = make_meeting(title="Không có tôi", invitees=[(bcsd_staff, bcsd)])
    html = client_for(du_staff).get(reverse("meetings:meeting_list") + "?cua-toi=1").content.decode()
    assert mine.title in html and other.title not in html
