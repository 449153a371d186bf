"""The annual evaluation in the browser: opened by the job, both bodies' self-assessments, the joint
conclusion, approval by a leader of each body, closed, a follow-up action sent as a request."""

import pytest

from coordination.models import Role
from meetings.evaluation.models import AnnualEvaluation
from meetings.evaluation.tasks import open_annual_evaluations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _write_own_assessment(page, live_server, evaluation, results):
    page.goto(f"{live_server.url}/danh-gia/{evaluation.pk}/")
    page.get_by_role("link", name="Viết bản tự đánh giá").click()
    page.get_by_label("Kết quả đạt được").first.fill(results)
    page.get_by_label("Kiến nghị, đề xuất").first.fill("Trao đổi thông tin hằng quý.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lưu và gửi cho bên kia").click()
    assert "Đã gửi bản tự đánh giá cho bên kia." in page.locator(".messages").inner_text()


def test_both_bodies_evaluate_the_year_and_close_it(page, login, live_server, make_member, bcsd, du):
    make_member("bcsd.cv", (bcsd, Role.STAFF))
    make_member("bcsd.ld", (bcsd, Role.LEADER))
    make_member("du.cv", (du, Role.STAFF))
    make_member("du.ld", (du, Role.LEADER))
    open_annual_evaluations.delay("2026-12-01")
    evaluation = AnnualEvaluation.objects.get(year=2026)

    login("bcsd.cv")
    _write_own_assessment(page, live_server, evaluation, "Phối hợp kịp thời, đúng quy chế.")
    page.screenshot(path="/tmp/e-shots/e2e-after-bcsd.png", full_page=True)

    login("du.cv")
    _write_own_assessment(page, live_server, evaluation, "Trả lời đề nghị đúng hạn.")
    page.get_by_role("link", name="Viết kết luận chung").click()
    page.get_by_label("Kết luận chung").fill("Hai bên thực hiện nghiêm Quy chế.\nCần rút ngắn thời gian trả lời.")
    page.get_by_label("Nhiệm vụ tiếp theo 1").fill("Rà soát các đề nghị quá hạn")
    page.get_by_label("Lĩnh vực 1").select_option(label="Lãnh đạo thực hiện nhiệm vụ chính trị")
    page.locator("[name=actions-0-owner_party]").select_option(label="Ban cán sự đảng")
    page.get_by_role("button", name="Lưu kết luận").click()
    assert "Đã lưu kết luận chung." in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Trình lãnh đạo phê duyệt").click()
    assert "Đã trình lãnh đạo hai bên phê duyệt" in page.locator(".messages").inner_text()

    for leader, body in (("bcsd.ld", "Ban cán sự đảng"), ("du.ld", "Đảng ủy")):
        login(leader)
        page.goto(f"{live_server.url}/danh-gia/{evaluation.pk}/")
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name=f"Phê duyệt thay mặt {body}").click()
        assert f"Đã phê duyệt thay mặt {body}." in page.locator(".messages").inner_text()
    assert "Đã phê duyệt và khóa" in page.locator(".lead").inner_text()
    assert page.get_by_role("link", name="Viết kết luận chung").count() == 0  # read-only now

    login("du.cv")
    page.goto(f"{live_server.url}/danh-gia/{evaluation.pk}/")
    page.get_by_role("button", name="Gửi thành đề nghị cho Ban cán sự đảng").click()
    assert "Đã gửi đề nghị phối hợp cho Ban cán sự đảng." in page.locator(".messages").inner_text()
    page.screenshot(path="/tmp/e-shots/e2e-closed.png", full_page=True)

    page.get_by_role("link", name="Bản in").click()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page.locator(".doc-header").inner_text()
    assert "T/M BAN CÁN SỰ ĐẢNG" in page.locator(".signatures").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo (.docx)").click()
    assert download.value.suggested_filename == "bao-cao-danh-gia-2026.docx"
