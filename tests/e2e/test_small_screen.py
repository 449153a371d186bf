"""A leader reading on a phone (390×844): no page is wider than the screen, the header is one
short row and the menu folds behind a button. The pages are visited as the demo accounts that
may open them, with axe and the Content-Security-Policy watch of conftest on every one."""

import re

import pytest

from coordination.demo import DEMO_PASSWORD, load_demo
from coordination.models import Role
from meetings.evaluation.models import AnnualEvaluation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# (account, page); "first:<pattern>" opens the first link matching it on the page just before.
PAGES = [
    ("bcsd.lanhdao", "/"),
    ("bcsd.lanhdao", "/phoi-hop/de-nghi/"),
    ("bcsd.lanhdao", r"first:/phoi-hop/de-nghi/\d+/"),
    ("bcsd.lanhdao", "/phoi-hop/tong-quan/"),
    ("bcsd.lanhdao", "/phoi-hop/van-ban/"),
    ("bcsd.lanhdao", "/quy-che/"),
    ("bcsd.lanhdao", r"first:/quy-che/\d+/sua-doi/"),
    ("bcsd.lanhdao", r"first:/quy-che/sua-doi/\d+/"),
    ("bcsd.lanhdao", "/cuoc-hop/"),
    ("bcsd.lanhdao", r"first:/cuoc-hop/\d+/"),
    ("bcsd.lanhdao", "/cuoc-hop/lich/"),
    ("bcsd.lanhdao", "/cuoc-hop/thong-bao/"),
    ("bcsd.lanhdao", "/danh-gia/"),
    ("bcsd.lanhdao", "/danh-gia/{evaluation}/"),
    ("bcsd.lanhdao", "/danh-gia/{evaluation}/ket-luan/"),
    ("bcsd.lanhdao", "/danh-gia/{evaluation}/ban-in/"),
    ("bcsd.lanhdao", "/phoi-hop/de-nghi/tao-moi/"),
    ("haiben", "/danh-gia/{evaluation}/"),
    ("haiben", r"first:/danh-gia/\d+/tu-danh-gia/\d+/"),
    ("quantri", "/phoi-hop/nhat-ky-bao-mat/"),
    ("quantri", "/phoi-hop/thanh-vien/"),
    ("quantri", "/phoi-hop/khoa-api/"),
]


def _sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base}/")


def _first_link(page, pattern):
    hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
    found = next((h for h in hrefs if re.fullmatch(pattern, h)), None)
    assert found, f"no link like {pattern} on {page.url}"
    return found


def test_every_page_fits_a_phone_screen(page, live_server):
    load_demo()
    page.set_viewport_size(PHONE)
    evaluation = AnnualEvaluation.objects.order_by("-year").first().pk
    too_wide, tall_header, signed_in = [], [], None
    for username, path in PAGES:
        path = path.replace("{evaluation}", str(evaluation))
        if username != signed_in:
            _sign_in(page, live_server.url, username)
            signed_in = username
        if path.startswith("first:"):
            path = _first_link(page, path.removeprefix("first:"))
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"{path}: {width}px")
        # One short header row: the content starts near the top of the screen.
        top = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
        if top >= 120:
            tall_header.append(f"{path}: {top:.0f}px")
    assert too_wide == [], f"wider than a {PHONE['width']}px screen"
    assert tall_header == [], "the header and menu take the top of the screen"


def test_phone_menu_opens_and_closes_with_its_button(page, login, live_server, make_member, bcsd):
    make_member("a.lanhdao", (bcsd, Role.LEADER))
    page.set_viewport_size(PHONE)
    login("a.lanhdao")
    menu_link = page.get_by_role("navigation", name="Trình đơn chính").get_by_role("link", name="Cuộc họp")
    button = page.get_by_role("button", name="Trình đơn")
    assert not menu_link.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("button", name="Đăng xuất").is_visible()
    menu_link.click()
    page.wait_for_url(f"{live_server.url}/cuoc-hop/")
    assert not menu_link.is_visible(), "folded again on the next page"


def test_desktop_shows_the_whole_menu_without_a_button(page, login, live_server, make_member, bcsd):
    make_member("a.lanhdao", (bcsd, Role.LEADER))
    login("a.lanhdao")
    assert not page.get_by_role("button", name="Trình đơn").is_visible()
    assert page.get_by_role("navigation", name="Trình đơn chính").get_by_role("link", name="Cuộc họp").is_visible()
