"""Every demo account clicks every link it is shown: no error page, no link to a page it may not open."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from coordination.demo import ACCOUNTS, load_demo

from .crawler import crawl

PAGES_PER_ACCOUNT = 320


@pytest.fixture
def demo(db):
    load_demo()
    return {u.username: u for u in get_user_model().objects.filter(username__in=[a[0] for a in ACCOUNTS])}


@pytest.mark.parametrize("username", [a[0] for a in ACCOUNTS])
def test_every_link_shown_to_a_demo_account_opens_for_it(client, demo, username):
    client.force_login(demo[username])
    result = crawl(client, start=reverse("home"), limit=PAGES_PER_ACCOUNT)
    problems = "\n".join(f"{status} {url}  (linked from {found_on})" for url, status, found_on in result.problems)
    assert not result.problems, f"{username} met:\n{problems}"
    calendar = reverse("meetings:calendar_month")
    months = {url for url in result.visited if url.startswith(calendar + "?") and "thang=" in url}
    print(f"{username}: {len(result.visited)} pages, {len(months)} calendar months")  # shown with -s
    assert len(result.visited) > 40, "the crawl should reach most of the app"
    assert len(months) >= 25, f"only {len(months)} calendar months reached"
