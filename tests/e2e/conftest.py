"""Browser harness: Playwright driving Debian's Chromium against live_server, axe on every page.

Never `playwright install`: the machines reach no browser download. The browser is the system
Chromium (CHROMIUM_PATH, or `chromium` on PATH). Without one the tests skip with the reason,
unless REQUIRE_BROWSER=1, where a missing browser fails the run.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    reason = "Chromium not found (install Debian's chromium or set CHROMIUM_PATH)"
    for item in items:
        if "e2e" in str(item.fspath):
            if os.environ.get("REQUIRE_BROWSER") == "1":
                raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {reason}")
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Reported to Python by every page (the listener is added before any page script runs, through
# CDP, which the page's Content-Security-Policy does not govern).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__qcCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI}`
    + (e.sample ? ` (${e.sample})` : ""));
});
"""


class AxeCheckedPage:
    """The Playwright page, with axe-core run on every page that finished loading, and any
    Content-Security-Policy violation failing the test.

    A load event only marks the page; the check runs at the next call the test makes through
    this object (or at the end of the test), outside Playwright's event dispatch. Violations are
    collected from the `securitypolicyviolation` event and from Chromium's console ("Refused to
    ..."), and checked at the same moments.
    """

    def __init__(self, page):
        from axe_playwright_python.sync_playwright import Axe

        self._page = page
        self._axe = Axe()
        self._loaded = False
        self.checked_urls = []
        self.csp_violations = []
        page.on("load", self._mark)
        page.on("console", self._console)
        page.expose_function("__qcCspViolation", self._violation)
        page.add_init_script(CSP_LISTENER)

    def _violation(self, text):
        self.csp_violations.append(text)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"console: {message.text}")

    def check_csp(self):
        violations, self.csp_violations[:] = list(self.csp_violations), []
        assert not violations, "Content-Security-Policy violations:\n" + "\n".join(f"- {v}" for v in violations)

    def _mark(self, _page=None):
        self._loaded = True

    def check_accessibility(self):
        self._loaded = False
        self._page.wait_for_load_state("load")
        self.check_csp()
        results = self._axe.run(self._page)
        blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
        self.checked_urls.append(self._page.url)
        assert not blocking, f"axe: serious/critical violations on {self._page.url}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in blocking
        )

    def __getattr__(self, name):
        if self._loaded:
            self.check_accessibility()
        return getattr(self._page, name)

    @property
    def raw(self):
        return self._page


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1366, "height": 860}
    )
    context.set_default_timeout(15000)
    checked = AxeCheckedPage(context.new_page())
    yield checked
    try:
        if checked._loaded:
            checked.check_accessibility()
        checked.check_csp()
    finally:
        context.close()


@pytest.fixture
def login(page, live_server):
    """login(username, password) through the real sign-in form."""

    def do(username, password="x-test-password-1"):
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("#login-form button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    return do
