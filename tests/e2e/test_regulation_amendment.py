"""The whole amendment story in the browser: admin drafts → BCSĐ leader approves → ĐU leader approves →
the text shows the change, the previous version is still readable, the diff shows exactly the change."""

import re

import pytest
from django.utils import timezone

from regulation.models import Regulation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


OLD = "báo cáo sơ kết sáu tháng, báo cáo tổng kết năm"
NEW_CLAUSE = ("Hai bên gửi cho nhau báo cáo sơ kết sáu tháng, báo cáo tổng kết năm qua hệ thống phần mềm phối hợp "
              "công tác, trừ tài liệu mật theo quy định.")


def test_amendment_agreed_by_both_bodies_changes_the_text(page, login, live_server, reg_admin, bcsd_leader,
                                                         du_leader, bcsd_staff):
    regulation = Regulation.objects.get(term_start=2020)
    base = live_server.url

    # 1. The regulation admin drafts the amendment, adds one change, previews it and sends it.
    login("reg.admin")
    page.goto(f"{base}/quy-che/{regulation.pk}/")
    page.get_by_role("link", name="Soạn văn bản sửa đổi, bổ sung").click()
    page.fill("#id_title", "Sửa đổi khoản 3 Điều 8 về chế độ thông tin")
    page.fill("#id_rationale", "Quy định việc gửi báo cáo qua hệ thống phần mềm.")
    page.fill("#id_proposed_effective_on", timezone.localdate().isoformat())
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.select_option("#id_kind", "replace_clause")
    page.fill("#id_article_key", "8")
    page.fill("#id_clause_number", "3")
    page.fill("#id_body", NEW_CLAUSE)
    page.get_by_role("button", name="Thêm", exact=True).click()
    assert "qua hệ thống phần mềm" in " ".join(page.locator(".reg-diff-text ins").all_inner_texts())
    page.get_by_role("link", name="Văn bản hợp nhất").click()
    assert "qua hệ thống phần mềm" in page.locator("#dieu-8-khoan-3").inner_text()
    page.go_back()
    page.get_by_role("button", name="Trình phê duyệt").click()
    assert "Chờ phê duyệt" in page.locator(".reg-facts").inner_text()
    amendment_url = page.url

    # 2. The BCSĐ leader approves: the text has not changed yet.
    login("bcsd.leader")
    page.goto(amendment_url)
    page.get_by_role("button", name="Phê duyệt (BCSĐ)").click()
    assert "Đã ghi nhận ý kiến phê duyệt" in page.get_by_role("status").first.inner_text()
    page.goto(f"{base}/quy-che/{regulation.pk}/#dieu-8")
    assert "qua hệ thống phần mềm" not in page.locator("#dieu-8").inner_text()

    # 3. The ĐU leader approves: the amendment takes effect (its date has come).
    login("du.leader")
    page.goto(amendment_url)
    assert page.get_by_role("button", name="Phê duyệt (BCSĐ)").count() == 0
    page.get_by_role("button", name="Phê duyệt (ĐU)").click()
    assert "Đang có hiệu lực" in page.locator(".reg-facts").inner_text()

    # 4. A staff member reads the new text, the previous version, and the diff.
    login("bcsd.staff")
    page.goto(f"{base}/quy-che/{regulation.pk}/")
    assert "qua hệ thống phần mềm phối hợp công tác" in page.locator("#dieu-8-khoan-3").inner_text()
    page.get_by_role("link", name=re.compile("Các phiên bản")).click()
    assert page.locator("tbody tr").count() == 2
    page.get_by_role("link", name="Xem phiên bản 1").click()
    old_clause = page.locator("#dieu-8-khoan-3").inner_text()
    assert OLD in old_clause and "phần mềm" not in old_clause
    page.goto(f"{base}/quy-che/{regulation.pk}/sua-doi/")
    assert page.get_by_role("link", name="Sửa đổi khoản 3 Điều 8 về chế độ thông tin").count() == 1
    page.goto(f"{base}/quy-che/{regulation.pk}/so-sanh/?tu=1&den=2")
    sections = page.locator(".reg-diff")
    assert sections.count() == 1
    inserted = [" ".join(t.replace("đã thêm:", "").split()) for t in page.locator(".reg-diff ins").all_inner_texts()]
    deleted = [" ".join(t.replace("đã xóa:", "").split()) for t in page.locator(".reg-diff del").all_inner_texts()]
    assert inserted == ["qua hệ thống phần mềm phối hợp công tác"]
    assert deleted == [", báo cáo chuyên đề và thông tin cần thiết khác về nội dung phối hợp"]
