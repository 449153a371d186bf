"""Dates read and are typed dd/mm/yyyy even in a browser set to American English, and the calendar
button fills the field in that form."""

import pytest

from coordination.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_english_browser_still_types_dates_day_first(browser, live_server, make_member, bcsd):
    make_member("a.chuyenvien", (bcsd, Role.STAFF))
    context = browser.new_context(locale="en-US", timezone_id="America/New_York",
                                  viewport={"width": 1366, "height": 860})
    violations = []
    context.add_init_script("""document.addEventListener("securitypolicyviolation",
        (e) => console.error("CSP " + e.violatedDirective));""")
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and violations.append(m.text))
    try:
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", "a.chuyenvien")
        page.fill("#id_password", "x-test-password-1")
        page.press("#id_password", "Enter")
        page.wait_for_url(f"{live_server.url}/")
        page.goto(f"{live_server.url}/phoi-hop/de-nghi/")
        field = page.locator("#id_date_from")
        assert field.get_attribute("type") == "text" and field.get_attribute("placeholder") == "dd/mm/yyyy"
        button = page.locator(".date-field:has(#id_date_from) .date-button")
        assert button.is_visible() and button.get_attribute("aria-label") == "Chọn trên lịch"
        # What the browser's calendar does when a day is picked: the hidden native field changes.
        page.locator(".date-field:has(#id_date_from) .date-picker").fill("2026-03-04")
        assert field.input_value() == "04/03/2026"
        field.press("Enter")
        page.wait_for_load_state()
        assert page.locator("#id_date_from").input_value() == "04/03/2026"  # kept, read as 4 March
        assert "date_from=04%2F03%2F2026" in page.url
        assert not page.locator(".errorlist").count()
        assert violations == [] or all("favicon" in v or "404" in v for v in violations), violations
    finally:
        context.close()
