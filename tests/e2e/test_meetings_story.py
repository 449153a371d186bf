"""The whole meeting story across both bodies in Chromium: convene → agenda → attendance → minutes →
both leaders approve → a conclusion becomes a request that shows up in the other body's inbox."""

import datetime

import pytest
from django.utils import timezone

from coordination.models import CoordinationArea, CoordinationRequest, Membership, Party, Role
from meetings.models import Meeting, MinutesState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page, name):
    import os

    folder = os.environ.get("MEETINGS_SHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_meeting_story_from_convening_to_the_other_bodys_inbox(page, login, live_server, make_member):
    bcsd, du = Party.objects.get(code="BCSD"), Party.objects.get(code="DU")
    make_member("bcsd.thuky", (bcsd, Role.STAFF))  # the secretary: a staff member of the convening body
    bcsd_leader = make_member("bcsd.lanhdao", (bcsd, Role.LEADER))
    du_leader = make_member("du.lanhdao", (du, Role.LEADER))
    du_staff = make_member("du.chuyenvien", (du, Role.STAFF))
    area = CoordinationArea.objects.get(article_number=4)
    today = timezone.localdate()

    # 1. The BCSĐ secretary convenes a joint meeting and invites both bodies.
    login("bcsd.thuky")
    page.get_by_role("link", name="Cuộc họp", exact=True).click()
    page.get_by_role("link", name="Triệu tập cuộc họp").click()
    page.select_option("#id_convening_party", str(bcsd.pk))
    page.fill("#id_title", "Hội nghị liên tịch quý IV")
    page.select_option("#id_chair", str(bcsd_leader.pk))
    page.fill("#id_day", today.isoformat())
    page.fill("#id_start_time", "07:30")
    page.fill("#id_end_time", "09:00")
    page.fill("#id_place", "Phòng họp số 1")
    for user in (bcsd_leader, du_leader, du_staff):
        page.check(f"input[name=invitees][value='{Membership.objects.get(user=user).pk}']")
    _shot(page, "e2e-convene")
    page.get_by_role("button", name="Triệu tập và gửi giấy mời").click()
    page.get_by_text("Đã triệu tập cuộc họp").wait_for()
    meeting = Meeting.objects.get()

    # 2. Agenda item in area 4.
    page.fill("#id_title", "Công tác chính trị, tư tưởng")
    page.select_option("#id_area", str(area.pk))
    page.get_by_role("button", name="Thêm vào chương trình").click()
    page.get_by_text("Đã thêm nội dung vào chương trình họp.").wait_for()

    # 3. Attendance: the ĐU staff member is absent with a reason.
    page.get_by_role("link", name="Điểm danh").click()
    for inv in meeting.invitations.all():
        status = "absent" if inv.user == du_staff else "present"
        page.select_option(f"select[name=status_{inv.pk}]", status)
        if status == "absent":
            page.fill(f"input[name=reason_{inv.pk}]", "Đi công tác")
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.get_by_text("Đã ghi nhận điểm danh.").wait_for()

    # 4. Minutes with one conclusion for the ĐU, then submitted.
    page.get_by_role("link", name="Soạn biên bản").click()
    page.fill("#id_content", "Hai bên thống nhất kế hoạch học tập nghị quyết.")
    page.get_by_role("button", name="Lưu biên bản").click()
    page.get_by_text("Đã lưu biên bản.").wait_for()
    page.fill("#id_text", "Đảng ủy xây dựng kế hoạch học tập nghị quyết")
    page.select_option("#id_area", str(area.pk))
    page.select_option("#id_owner_party", str(du.pk))
    page.fill("#id_deadline", (today + datetime.timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Thêm kết luận").click()
    page.get_by_text("Đã thêm kết luận.").wait_for()
    page.get_by_role("button", name="Trình duyệt").click()
    page.get_by_text("Đã trình biên bản").wait_for()

    # 5. A leader of each body approves.
    for leader in ("bcsd.lanhdao", "du.lanhdao"):
        login(leader)
        page.get_by_role("link", name="Hội nghị liên tịch quý IV").first.click()
        page.get_by_role("button", name="Duyệt biên bản").click()
        page.get_by_text("Đã ghi nhận ý kiến duyệt").wait_for()
    meeting.refresh_from_db()
    assert meeting.minutes.state == MinutesState.APPROVED
    _shot(page, "e2e-approved")

    # 6. The secretary turns the conclusion into a request in one step.
    login("bcsd.thuky")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.get_by_role("button", name="Tạo đề nghị thực hiện").click()
    page.get_by_text("Đã gửi đề nghị thực hiện kết luận").wait_for()
    request = CoordinationRequest.objects.get()
    assert request.requested_party == du and request.reply_deadline == today + datetime.timedelta(days=20)

    # 7. It waits in the ĐU staff member's inbox.
    login("du.chuyenvien")
    page.goto(f"{live_server.url}/phoi-hop/viec-cua-toi/")
    waiting = page.locator("#waiting-title").locator("xpath=..")
    assert "Đảng ủy xây dựng kế hoạch học tập nghị quyết" in waiting.inner_text()
    _shot(page, "e2e-inbox")

    # 8. The calendar, the feed address and the information pages (axe checks each one).
    page.goto(f"{live_server.url}/cuoc-hop/lich/")
    assert "Hội nghị liên tịch quý IV" in page.locator("table.calendar").inner_text()
    page.goto(f"{live_server.url}/cuoc-hop/lich-cua-toi/")
    page.get_by_role("button", name="Tạo địa chỉ lịch của tôi").click()
    assert "/cuoc-hop/lich/" in page.input_value("#feed-url")
    for path in ("/cuoc-hop/thong-bao/", "/cuoc-hop/thong-bao/lich-bao-cao/", "/cuoc-hop/thong-bao/moi/",
                 "/cuoc-hop/?khi=all", f"{meeting.get_absolute_url()}lich-su/"):
        page.goto(f"{live_server.url}{path}")
        page.get_by_role("heading", level=1).wait_for()

