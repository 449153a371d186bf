"""A browser set to English still opens the app in Vietnamese; English is one click away and
stays the person's choice."""

import pytest

from coordination.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_english_browser_gets_vietnamese_until_the_person_chooses_english(page, login, live_server, make_member, du):
    make_member("b.lanhdao", (du, Role.LEADER))
    page.context.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    login("b.lanhdao")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name="Đăng xuất").is_visible()

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    login("b.lanhdao")  # cookies cleared: as on another device
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Sign out").is_visible()
