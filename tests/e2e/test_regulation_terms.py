"""Reading, searching, importing a Word file and adopting a new term, in the browser (axe on every page)."""

import pytest

from regulation.models import Regulation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_reads_searches_without_accents_and_goes_back_in_time(page, login, live_server, bcsd_staff):
    regulation = Regulation.objects.get(term_start=2020)
    login("bcsd.staff")
    page.goto(f"{live_server.url}/quy-che/")
    page.fill("#id_q", "dang uy")
    page.get_by_role("button", name="Tìm kiếm").click()
    assert page.locator(".reg-snippet mark").first.inner_text().lower() == "đảng ủy"
    page.get_by_role("link", name="Điều 5. Lãnh đạo công tác tổ chức, cán bộ").click()
    assert "Lãnh đạo công tác tổ chức, cán bộ" in page.locator(".reg-area-line").inner_text()
    page.goto(f"{live_server.url}/quy-che/{regulation.pk}/#dieu-5")
    assert page.locator(".reg-toc a[href='#dieu-5']").count() == 1
    assert "dựng lại từ bản tóm tắt đăng ngày 29/08/2021" in page.locator(".reg-source").inner_text()
    page.fill("#id_ngay", "2020-06-01")
    page.get_by_role("button", name="Xem văn bản có hiệu lực tại ngày này").click()
    assert "không có hiệu lực vào ngày 01/06/2020" in page.get_by_role("status").first.inner_text()


def test_admin_imports_a_word_file_and_both_bodies_adopt_a_new_term(page, login, live_server, reg_admin,
                                                                   bcsd_leader, du_leader):
    from tests.regulation.test_terms_and_import import SAMPLE, make_docx

    old = Regulation.objects.get(term_start=2020)
    login("reg.admin")
    page.goto(f"{live_server.url}/quy-che/nhap-tu-word/")
    page.set_input_files("#id_file", files=[{"name": "du-thao.docx", "mimeType": "application/octet-stream",
                                              "buffer": make_docx(SAMPLE)}])
    page.get_by_role("button", name="Nhập", exact=True).click()
    assert "Điều 2. Điều bị trùng số" in page.locator(".reg-unplaced").inner_text()  # listed, not merged
    page.get_by_role("link", name="QUY CHẾ phối hợp công tác nhiệm kỳ 2025 - 2030").click()
    assert page.locator(".reg-chapter").count() == 2

    page.goto(f"{live_server.url}/quy-che/{old.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lập quy chế nhiệm kỳ mới").click()
    assert "Nhiệm kỳ 2025–2030" in page.locator(".reg-crumbs").inner_text()
    page.get_by_role("link", name="Sửa Điều 9").click()
    page.fill("#id_body", "1. Các tổ chức đảng, cơ quan, đơn vị có trách nhiệm thực hiện Quy chế này.")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Trình phê duyệt").click()
    draft_url = page.url

    for username, party in (("bcsd.leader", "BCSĐ"), ("du.leader", "ĐU")):
        login(username)
        page.goto(draft_url)
        page.get_by_role("button", name=f"Phê duyệt ({party})").click()
    assert "Đang có hiệu lực" in page.locator(".reg-status-line").inner_text()
    page.goto(f"{live_server.url}/quy-che/{old.pk}/")
    assert "đã được thay thế" in page.get_by_role("status").first.inner_text()
