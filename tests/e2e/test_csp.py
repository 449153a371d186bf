"""The Content-Security-Policy holds in Chromium: inline style and script are refused, and the
watch in conftest (which fails every browser test on a violation) does see them."""

import pytest

from coordination.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_injected_inline_style_and_script_are_refused_and_caught(page, login, live_server, make_member, bcsd):
    make_member("a.chuyenvien", (bcsd, Role.STAFF))
    login("a.chuyenvien")
    page.check_accessibility()
    raw = page.raw
    # What a stored-XSS payload would try: a style attribute, a <style>, an inline handler and <script>.
    raw.evaluate("""() => {
        const box = document.createElement("div");
        box.id = "probe";
        box.innerHTML = '<p id="styled" style="color: rgb(255, 0, 0)">x</p><style>#probe { display: none }</style>'
          + '<img id="handler" src="/no-such-image" onerror="document.body.dataset.pwned = 1">';
        document.body.append(box);
        const script = document.createElement("script");
        script.textContent = "document.body.dataset.pwned = 2";
        document.body.append(script);
    }""")
    raw.wait_for_timeout(300)
    assert raw.evaluate("getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
    assert raw.evaluate("getComputedStyle(document.getElementById('probe')).display") != "none"
    assert raw.evaluate("document.body.dataset.pwned") is None
    caught = " ".join(page.csp_violations)
    assert "style-src" in caught and "script-src" in caught, page.csp_violations
    page.csp_violations.clear()  # seen on purpose; any other violation still fails this test
