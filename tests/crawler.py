"""A same-site link crawler on the Django test client: what a person clicking every link would meet."""

from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.urls import Resolver404, resolve, reverse

# Pages that change state on GET would not exist here (every change is a POST); these are skipped
# because following them ends the session or leaves the app, not because they are allowed to fail.
SKIP_PREFIXES = ("/static/", "/media/", "/quan-tri/")
# Each view is crawled this many times at most (months, years, pages of a list, detail pages): enough for
# two years of months, and the crawl stays finite on pagers that run without end and on large data sets.
VARIANTS_PER_VIEW = 30


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html):
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def normalise(href, base):
    """The same-site path?query the link leads to, or None for other sites, anchors and mail links."""
    if href.startswith(("mailto:", "tel:", "javascript:", "#", "data:")):
        return None
    parts = urlsplit(urljoin("http://testserver" + base, href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path + (f"?{query}" if query else "")


@dataclass
class CrawlResult:
    visited: dict = field(default_factory=dict)  # url -> status
    problems: list = field(default_factory=list)  # (url, status, found on)


def crawl(client, start="/", limit=300):
    """Breadth-first over every same-site link from `start`; returns what answered and what failed."""
    logout = reverse("logout")
    result = CrawlResult()
    per_view = Counter()
    queue = deque([(start, "(start)")])
    seen = {start}
    while queue and len(result.visited) < limit:
        url, found_on = queue.popleft()
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001 - the test client re-raises what would be a 500
            result.visited[url] = 500
            result.problems.append((url, f"500 {type(exc).__name__}: {exc}", found_on))
            continue
        status = response.status_code
        result.visited[url] = status
        if status >= 500 or status in (403, 404, 405):
            result.problems.append((url, status, found_on))
            continue
        targets = []
        if status in (301, 302, 303, 307, 308):
            targets = [response["Location"]]
        elif status == 200 and response.get("Content-Type", "").startswith("text/html") \
                and "attachment" not in response.get("Content-Disposition", ""):
            targets = links_of(response.content.decode())
        here = _view(url)
        for href in targets:
            target = normalise(href, url)
            if not target or target in seen or target.startswith(SKIP_PREFIXES) or target.startswith(logout):
                continue
            view = _view(target)
            if per_view[view] >= VARIANTS_PER_VIEW:
                continue
            per_view[view] += 1
            seen.add(target)
            # The next month, the next page of a list: walked first, so chains are followed to their end
            # before the page budget goes to the many detail pages of a large data set.
            (queue.appendleft if view == here else queue.append)((target, url))
    return result


def _view(url):
    try:
        return resolve(url.split("?")[0]).view_name
    except Resolver404:
        return url.split("?")[0]
