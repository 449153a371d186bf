"""A first walk in the browser: sign in as a demo user and see the home page in Vietnamese."""

import pytest

from coordination.demo import DEMO_PASSWORD, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_leader_signs_in_and_sees_vietnamese_home(page, login, live_server):
    load_demo()
    login("bcsd.lanhdao", DEMO_PASSWORD)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Xin chào")
    assert "Lãnh đạo · Ban cán sự đảng" in page.locator(".who").inner_text()
    page.check_accessibility()
    assert page.checked_urls, "axe ran on the pages visited"


def test_wrong_password_shows_a_clear_message(page, live_server):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "khongco")
    page.fill("#id_password", "sai-mat-khau")
    page.click("#login-form button[type=submit]")
    assert "không đúng" in page.get_by_role("alert").inner_text()
