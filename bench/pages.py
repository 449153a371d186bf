"""The pages the benchmark measures, with real ids taken from the benchmark database.

Runs inside Django (bench.settings). Each page is (name, username, path); the username is the demo
account that would open it (the security log needs an admin, the changelist a superuser).
"""

from django.contrib.auth import get_user_model

LEADER, ADMIN, SUPERUSER = "bcsd.lanhdao", "quantri", "bench.superuser"
SEARCH_WORDS = "quy hoach can bo"


def ensure_superuser(password):
    User = get_user_model()
    user, made = User.objects.get_or_create(username=SUPERUSER, defaults={"is_staff": True, "is_superuser": True})
    if made:
        user.set_password(password)
        user.save()


def _first(qs):
    obj = qs.first()
    return obj.pk if obj else 0


def pages():
    from coordination.grants import visible
    from coordination.models import CoordinationArea, CoordinationRequest, Document
    from meetings.evaluation.models import AnnualEvaluation
    from meetings.models import Meeting, Notice
    from regulation.models import Regulation

    leader = get_user_model().objects.get(username=LEADER)
    # A request that went the whole way: the longest history and timeline a user opens.
    request_pk = _first(visible(leader, CoordinationRequest).filter(state="closed").order_by("-created_at"))
    area = CoordinationArea.objects.order_by("article_number").values_list("pk", flat=True).first()
    regulation = Regulation.objects.order_by("-pk").first()
    return [
        ("floor (signed-in trivial view)", LEADER, "/bench/floor/"),
        ("admin changelist of requests", SUPERUSER, "/quan-tri/coordination/coordinationrequest/"),
        ("home", LEADER, "/"),
        ("request list", LEADER, "/phoi-hop/de-nghi/"),
        ("request list, page 200", LEADER, "/phoi-hop/de-nghi/?page=200"),
        ("request list, search", LEADER, "/phoi-hop/de-nghi/?q=" + SEARCH_WORDS.replace(" ", "+")),
        ("request list, filters", LEADER, f"/phoi-hop/de-nghi/?direction=received&area={area}&state=open"),
        ("inbox", LEADER, "/phoi-hop/viec-cua-toi/"),
        ("request detail", LEADER, f"/phoi-hop/de-nghi/{request_pk}/"),
        ("request history", LEADER, f"/phoi-hop/de-nghi/{request_pk}/lich-su/"),
        ("dashboard", LEADER, "/phoi-hop/tong-quan/"),
        ("documents", LEADER, "/phoi-hop/van-ban/"),
        ("document detail", LEADER, f"/phoi-hop/van-ban/{_first(visible(leader, Document))}/"),
        ("regulation text", LEADER, f"/quy-che/{regulation.pk}/" if regulation else "/quy-che/"),
        ("regulation search", LEADER, "/quy-che/tim-kiem/?q=phoi+hop"),
        ("regulation diff", LEADER, f"/quy-che/{regulation.pk}/so-sanh/" if regulation else "/quy-che/"),
        ("meetings", LEADER, "/cuoc-hop/"),
        ("meeting detail", LEADER, f"/cuoc-hop/{_first(visible(leader, Meeting))}/"),
        ("calendar month", LEADER, "/cuoc-hop/lich/"),
        ("notices", LEADER, "/cuoc-hop/thong-bao/"),
        ("notice detail", LEADER, f"/cuoc-hop/thong-bao/{_first(visible(leader, Notice))}/"),
        ("evaluation", LEADER, f"/danh-gia/{_first(visible(leader, AnnualEvaluation).order_by('-pk'))}/"),
        ("security log", ADMIN, "/phoi-hop/nhat-ky-bao-mat/"),
    ]


# Pages only leaders open (staff would get 403): in the load, staff sessions skip them.
LEADERS_ONLY = {"dashboard"}
# The load mix: what people do most (lists, the inbox, opening requests), weights out of 100.
LOAD_MIX = [
    ("inbox", 15), ("request list", 15), ("request detail", 20), ("request list, search", 8),
    ("request list, filters", 7), ("home", 10), ("dashboard", 5), ("documents", 6), ("calendar month", 4),
    ("notices", 4), ("request history", 3), ("regulation text", 3),
]


def query_counts(page_list):
    """Queries each page runs, counted in-process with Django's test client against the same database."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    User = get_user_model()
    counts = {}
    for name, username, path in page_list:
        client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_ACCEPT_LANGUAGE="vi")
        client.force_login(User.objects.get(username=username))
        client.get(path)  # warm caches a real worker would have warm
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        counts[name] = (len(ctx.captured_queries), response.status_code)
    return counts
