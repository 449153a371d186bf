"""The whole story of a coordination request across both bodies, four people, in Chromium:
A's staff drafts → A's leader returns it with comments → the staff edits and resubmits → the leader
approves and sends → B's staff acknowledges and assigns officers → B drafts the response with a
document → B's leader approves → A accepts and closes; then the History tab shows every step."""

import pytest

from coordination.models import CoordinationRequest, Role

from ..coordination.conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_request(page, live_server, title):
    page.goto(f"{live_server.url}/phoi-hop/viec-cua-toi/")
    page.get_by_role("link", name=title).first.click()
    page.wait_for_load_state()


def _step(page, action, comment=None):
    form = page.locator(f"form:has(button[data-action={action}])")
    if comment is not None:
        form.locator("summary").click()
        form.locator("textarea").fill(comment)
    form.locator(f"button[data-action={action}]").click()
    page.wait_for_load_state()


@pytest.fixture
def bodies(transactional_db):
    from coordination.models import Party

    return Party.objects.get(code="BCSD"), Party.objects.get(code="DU")


def test_request_story_across_both_bodies(page, login, live_server, make_member, bodies):
    bcsd, du = bodies
    make_member("a.chuyenvien", (bcsd, Role.STAFF))
    make_member("a.lanhdao", (bcsd, Role.LEADER))
    make_member("b.chuyenvien", (du, Role.STAFF))
    make_member("b.lanhdao", (du, Role.LEADER))

    # A's staff drafts and submits.
    login("a.chuyenvien")
    page.goto(f"{live_server.url}/phoi-hop/de-nghi/")
    page.get_by_role("link", name="Tạo đề nghị").click()
    page.select_option("#id_requested_party", str(du.pk))
    page.select_option("#id_area", label="Lãnh đạo công tác tổ chức, cán bộ")
    page.fill("#id_title", "Phối hợp nhận xét cán bộ năm 2026")
    page.fill("#id_content", "Đề nghị Đảng ủy phối hợp nhận xét, đánh giá cán bộ.")
    page.fill("#id_reply_working_days", "5")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.wait_for_load_state()
    assert "Đã lưu dự thảo" in page.locator(".messages").inner_text()
    _step(page, "submit")
    assert "Chờ lãnh đạo duyệt" in page.locator(".page-head").first.inner_text()

    # A's leader returns it with comments.
    login("a.lanhdao")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026")
    _step(page, "return_draft", comment="Đề nghị nêu rõ thời hạn gửi kết quả.")
    assert "Dự thảo" in page.locator(".page-head").first.inner_text()

    # The staff sees the comment, edits and resubmits.
    login("a.chuyenvien")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026")
    assert "Đề nghị nêu rõ thời hạn gửi kết quả." in page.locator(".timeline").inner_text()
    page.get_by_role("link", name="Sửa dự thảo").click()
    page.fill("#id_title", "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.wait_for_load_state()
    _step(page, "submit")

    # The leader approves and sends.
    login("a.lanhdao")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)")
    _step(page, "approve_send")
    assert "Đã gửi, chờ tiếp nhận" in page.locator(".page-head").first.inner_text()

    # B's staff acknowledges, assigns officers, drafts the response with a document and submits it.
    login("b.chuyenvien")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)")
    page.get_by_label("Test Chuyenvien").check()
    page.get_by_role("button", name="Tiếp nhận và cử cán bộ").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Đính kèm văn bản").click()
    page.select_option("#id_doc_type", "BC")
    page.fill("#id_summary", "Báo cáo kết quả nhận xét cán bộ")
    page.set_input_files("#id_file", files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf",
                                             "buffer": PDF_BYTES}])
    page.get_by_role("button", name="Vào sổ và đính kèm").click()
    page.wait_for_load_state()
    assert "Số 1-BC/ĐU" in page.locator("section:has(#docs-title)").inner_text()
    page.fill("#id_response_content", "Đảng ủy gửi kết quả nhận xét cán bộ kèm báo cáo.")
    page.get_by_role("button", name="Lưu dự thảo trả lời").click()
    page.wait_for_load_state()
    _step(page, "submit_response")

    # B's leader approves the response.
    login("b.lanhdao")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)")
    _step(page, "approve_response")
    assert "Đã trả lời" in page.locator(".page-head").first.inner_text()

    # A accepts and closes; the response and its document are visible to A now.
    login("a.chuyenvien")
    _open_request(page, live_server, "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)")
    assert "Đảng ủy gửi kết quả nhận xét cán bộ kèm báo cáo." in page.content()
    assert "Số 1-BC/ĐU" in page.content()
    _step(page, "close")
    assert "Đã kết thúc" in page.locator(".page-head").first.inner_text()

    # The History tab shows each step, who took it, and the field-level changes.
    page.get_by_role("link", name="Lịch sử").click()
    page.wait_for_load_state()
    history = page.locator("table.history").inner_text()
    for step in ("Tạo dự thảo", "Trình lãnh đạo", "Trả lại kèm ý kiến", "Sửa đề nghị", "Duyệt và gửi",
                 "Tiếp nhận và cử cán bộ", "Lưu dự thảo trả lời", "Trình lãnh đạo dự thảo trả lời",
                 "Duyệt và gửi trả lời", "Chấp nhận và kết thúc", "Văn bản đính kèm Số 1-BC/ĐU"):
        assert step in history, step
    assert "Phối hợp nhận xét cán bộ năm 2026 (gửi trước 15/12)" in history  # the title change
    req = CoordinationRequest.objects.get()
    assert req.state == "closed" and req.events.count() == 10


def test_dashboard_and_document_pages_are_accessible(page, login, live_server, make_member, bodies):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coordination.models import CoordinationArea
    from coordination.services import requests as request_services

    bcsd, du = bodies
    staff = make_member("a.chuyenvien", (bcsd, Role.STAFF))
    leader = make_member("a.lanhdao", (bcsd, Role.LEADER))
    req = request_services.request_create(by=staff, requesting_party=bcsd, requested_party=du, title="Đề nghị thử",
                                  content="Nội dung", area=CoordinationArea.objects.get(article_number=4))
    link = request_services.request_add_new_document(by=staff, request=req, doc_type="CV", summary="Công văn thử",
                                             file=SimpleUploadedFile("cong van.pdf", PDF_BYTES))
    request_services.request_submit(by=staff, request=req)
    login("a.lanhdao")
    for path in ("/phoi-hop/tong-quan/", f"/phoi-hop/van-ban/{link.document.pk}/",
                 f"/phoi-hop/van-ban/{link.document.pk}/lich-su/", "/phoi-hop/van-ban/", "/phoi-hop/viec-cua-toi/"):
        page.goto(live_server.url + path)
        page.check_accessibility()
    assert leader.notifications.exists()
