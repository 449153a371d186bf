"""Every page's number of queries is stated here and does not grow with the data.

Each page is opened with 5 of everything (requests, comments and history rows on the request opened,
documents, meetings, notices), then with 200, and must run the same number of queries both times,
within the page's budget (at most 15). The data comes from the benchmark seeder, so it has the shape
of the real thing (history rows, grants, notifications).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coordination import bench_seed, bench_seed_more
from coordination.bulk_insert import insert_with_history
from coordination.demo import load_demo
from coordination.jobs import system_user
from coordination.models import Comment, CoordinationRequest
from meetings.evaluation.services.opening import evaluation_open
from meetings.models import Meeting, Notice
from regulation.models import Regulation

# page -> its budget of queries, as measured: session, user, memberships (read with the party groups) included; the
# session's renewal (one UPDATE, at most once a minute per person: coordination/sessions.py) is not.
BUDGETS = {
    "home": 13, "request list": 7, "request list, page 2": 7, "request list, search": 7,
    "request list, filters": 7, "inbox": 8, "request detail": 9, "request history": 10, "dashboard": 8,
    "documents": 5, "document detail": 8, "document history": 7, "regulation text": 12,
    "regulation search": 4, "meetings": 5, "meeting detail": 11, "calendar month": 7, "notices": 6,
    "notice detail": 7, "evaluation": 10, "security log": 5,
}


def _grow(ctx, n, request):
    """n more requests (with their history, comments, documents), meetings and notices, and n more
    comments with history on `request`."""
    bench_seed.seed_requests(ctx, n)
    bench_seed_more.seed_meetings(ctx, n)
    bench_seed_more.seed_notices(ctx, n)
    author = request.created_by_id
    comments = [Comment(request=request, author_id=author, body=f"Ý kiến {i}", created_at=timezone.now())
                for i in range(n)]
    insert_with_history(Comment, comments, reason="comment_add", date_attr="created_at", user_attr="author_id")


def _pages(user, request):
    from coordination.grants import visible
    from coordination.models import Document

    regulation = Regulation.objects.filter(status=Regulation.Status.IN_FORCE).get()
    evaluation = evaluation_open(by=system_user(), regulation=regulation, year=timezone.localdate().year)[0]
    document = visible(user, Document).order_by("pk").first()
    return {
        "home": "/", "request list": "/phoi-hop/de-nghi/", "request list, page 2": "/phoi-hop/de-nghi/?page=2",
        "request list, search": "/phoi-hop/de-nghi/?q=quy+hoach", "inbox": "/phoi-hop/viec-cua-toi/",
        "request list, filters": "/phoi-hop/de-nghi/?direction=made&state=closed&sort=deadline",
        "request detail": f"/phoi-hop/de-nghi/{request.pk}/",
        "request history": f"/phoi-hop/de-nghi/{request.pk}/lich-su/", "dashboard": "/phoi-hop/tong-quan/",
        "documents": "/phoi-hop/van-ban/", "document detail": f"/phoi-hop/van-ban/{document.pk}/",
        "document history": f"/phoi-hop/van-ban/{document.pk}/lich-su/",
        "regulation text": f"/quy-che/{regulation.pk}/", "regulation search": "/quy-che/tim-kiem/?q=phoi+hop",
        "meetings": "/cuoc-hop/", "meeting detail": f"/cuoc-hop/{visible(user, Meeting).order_by('pk').first().pk}/",
        "calendar month": "/cuoc-hop/lich/", "notices": "/cuoc-hop/thong-bao/",
        "notice detail": f"/cuoc-hop/thong-bao/{visible(user, Notice).order_by('pk').first().pk}/",
        "evaluation": f"/danh-gia/{evaluation.pk}/", "security log": "/phoi-hop/nhat-ky-bao-mat/",
    }


def _count(client, path):
    client.get(path)  # first visit: per-process caches (content types, permissions) fill up
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_every_page_runs_the_same_few_queries_with_5_and_with_200_of_everything(
    client, bcsd_staff, bcsd_leader, du_staff, du_leader, reg_admin, settings
):
    settings.SESSION_RENEW_AFTER = 24 * 3600  # no renewal inside the counts, however long the test takes
    ctx = bench_seed.Ctx(years=1)
    ctx.now = timezone.now() + datetime.timedelta(days=1)
    bench_seed.seed_requests(ctx, 5)
    request = CoordinationRequest.objects.filter(state="closed").first() or CoordinationRequest.objects.first()
    bench_seed_more.seed_meetings(ctx, 5)
    bench_seed_more.seed_notices(ctx, 5)
    paths = _pages(bcsd_leader, request)
    client.force_login(bcsd_leader)
    small = {name: _count(client, path) for name, path in paths.items() if name != "security log"}
    _grow(ctx, 195, request)
    large = {name: _count(client, path) for name, path in paths.items() if name != "security log"}
    client.force_login(reg_admin)
    small["security log"] = large["security log"] = _count(client, paths["security log"])

    grew = {name: (small[name], large[name]) for name in paths if large[name] > small[name]}
    over = {name: (large[name], BUDGETS[name]) for name in paths if large[name] > BUDGETS[name]}
    assert not grew, f"queries grew with the data (5 → 200): {grew}"
    assert not over, f"over budget (queries, budget): {over}"


def test_every_budget_is_at_most_15():
    assert max(BUDGETS.values()) <= 15, {name: n for name, n in BUDGETS.items() if n > 15}


@pytest.mark.django_db
def test_home_with_every_section_runs_the_same_queries_for_everyone(client, settings):
    """The demo data puts something in every section of the home page (waiting requests, an amendment
    and minutes awaiting a leader's decision, unread notices, the open evaluation): each section reads
    its rows in a fixed number of queries, whatever it finds, so home stays within its budget."""
    settings.SESSION_RENEW_AFTER = 24 * 3600
    load_demo()
    counts = {}
    for user in get_user_model().objects.filter(memberships__isnull=False).distinct().order_by("username"):
        client.force_login(user)
        counts[user.username] = _count(client, "/")
    assert max(counts.values()) <= BUDGETS["home"], counts
