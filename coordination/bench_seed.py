"""Benchmark data at scale (`manage.py seed_bench`): years of requests, documents, meetings and notices.

Rows go in with bulk inserts in batches, history rows through simple_history's own bulk writer,
and view grants through the grant module, so the benchmark measures the data the app would have
written itself. Deterministic (a seeded random), runs on PostgreSQL and SQLite.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from . import bench_seed_more
from .bench_seed_data import AREA_WORDS, PHRASES, SUBJECTS
from .bulk_insert import history_row, insert, insert_with_history
from .demo import DEMO_PASSWORD, load_demo
from .grants import grant_view_bulk
from .groups import party_role_group
from .models import (
    Clearance,
    Comment,
    Confidentiality,
    CoordinationArea,
    CoordinationRequest,
    Membership,
    Notification,
    OrgUnit,
    Party,
    RequestEvent,
    RequestState,
    Role,
)
from .models.requests import TRANSITIONS
from .permissions import WORKING_ROLES

BATCH = 2000
S = RequestState
# The path each final state is reached by, as workflow actions from a draft.
PATHS = {
    S.DRAFT: [],
    S.AWAITING_APPROVAL: ["submit"],
    S.CANCELLED: ["cancel"],
    S.SENT: ["submit", "approve_send"],
    S.ACKNOWLEDGED: ["submit", "approve_send", "acknowledge"],
    S.RESPONDING: ["submit", "approve_send", "acknowledge", "draft_response"],
    S.RESPONSE_AWAITING_APPROVAL: ["submit", "approve_send", "acknowledge", "draft_response", "submit_response"],
    S.ANSWERED: ["submit", "approve_send", "acknowledge", "draft_response", "submit_response", "approve_response"],
    S.CLOSED: ["submit", "approve_send", "acknowledge", "draft_response", "submit_response", "approve_response",
               "close"],
    S.WITHDRAWN: ["submit", "approve_send", "acknowledge", "withdraw"],
}
SEEN_BY_BOTH = {s for s, path in PATHS.items() if "approve_send" in path}


class Ctx:
    """What every step needs: the bodies, their members by role, the areas, the clock and the dice."""

    def __init__(self, *, years, seed=2026):
        self.rnd = random.Random(seed)
        self.now = timezone.now()
        self.start = self.now - datetime.timedelta(days=365 * years)
        self.parties = list(Party.objects.order_by("order", "code")[:2])
        self.areas = list(CoordinationArea.objects.all())
        self.members = {}  # (party_id, role) -> [user_id]
        for m in Membership.objects.active().values("party_id", "role", "user_id"):
            self.members.setdefault((m["party_id"], m["role"]), []).append(m["user_id"])

    def pick(self, party, *roles):
        ids = [u for r in roles for u in self.members.get((party.pk, r), [])]
        return self.rnd.choice(ids)

    def people(self, party, k):
        ids = self.members.get((party.pk, Role.STAFF), []) + self.members.get((party.pk, Role.LEADER), [])
        return self.rnd.sample(ids, min(k, len(ids)))

    def moment(self, lo=None, hi=None):
        lo, hi = lo or self.start, hi or self.now
        return lo + (hi - lo) * self.rnd.random()

    def sentence(self, words=12):
        return " ".join(self.rnd.choice(PHRASES) for _ in range(max(1, words // 3)))

    def title(self, area):
        return f"{self.rnd.choice(SUBJECTS)} {self.rnd.choice(AREA_WORDS.get(area.article_number, ['']))}".strip()


def seed(*, requests, years=5, meetings=2000, notices=5000, members=200, out=print):
    """Create the whole data set. Returns counts per kind of row."""
    load_demo()
    counts = {}
    with transaction.atomic():
        counts["members"] = seed_members(members)
    ctx = Ctx(years=years)
    done = 0
    while done < requests:
        n = min(BATCH * 5, requests - done)
        with transaction.atomic():
            for key, value in seed_requests(ctx, n).items():
                counts[key] = counts.get(key, 0) + value
        done += n
        out(f"  requests: {done}/{requests}")
    with transaction.atomic():
        counts.update(bench_seed_more.seed_documents_counters())
    with transaction.atomic():
        counts.update(bench_seed_more.seed_meetings(ctx, meetings))
    with transaction.atomic():
        counts.update(bench_seed_more.seed_notices(ctx, notices))
    with transaction.atomic():
        counts.update(bench_seed_more.seed_security_events(ctx, max(1000, requests // 5)))
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The planner's statistics and the visibility map, as autovacuum would have them by now
            # (VACUUM cannot run inside a transaction, e.g. in a test: statistics only there).
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return counts


def seed_members(total):
    """About `total` members across the two bodies: mostly staff, some leaders and two admins each."""
    User = get_user_model()
    existing = User.objects.filter(username__startswith="bench.").count()
    if existing >= total:
        return 0
    parties = list(Party.objects.order_by("order", "code")[:2])
    units = list(OrgUnit.objects.all()) or [None]
    password = make_password(DEMO_PASSWORD)
    rnd = random.Random(7)
    users, plans = [], []
    for i in range(existing, total):
        party = parties[i % 2]
        role = Role.ADMIN if i % 50 < 2 else Role.LEADER if i % 10 == 2 else Role.STAFF
        users.append(User(username=f"bench.{i:04d}", first_name=f"Cán bộ {i}", last_name=rnd.choice(
            ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Thu", "Hoàng Đức", "Vũ Ngọc"]),
            email=f"bench.{i:04d}@vksndtc.local", password=password))
        plans.append((party, role))
    insert(User, users)
    start = timezone.localdate() - datetime.timedelta(days=365 * 6)
    memberships = [
        Membership(user=u, party=p, role=r, clearance=rnd.choice(list(Clearance.values)), active_from=start,
                   unit=rnd.choice(units), position_title="Chuyên viên" if r == Role.STAFF else "Lãnh đạo")
        for u, (p, r) in zip(users, plans, strict=True)
    ]
    insert_with_history(Membership, memberships, reason="seed_bench")
    through = User.groups.through
    insert(through, [through(user_id=u.pk, group_id=party_role_group(p, r).pk)
                     for u, (p, r) in zip(users, plans, strict=True)], with_pk=False)
    return len(users)


def _final_state(ctx, created):
    age = (ctx.now - created).days
    if age > 120:
        roll = ctx.rnd.random()
        if roll < 0.86:
            return S.CLOSED
        if roll < 0.91:
            return S.WITHDRAWN
        if roll < 0.94:
            return S.CANCELLED
    return ctx.rnd.choice(list(PATHS))


def _new_request(ctx, i):
    requesting, requested = ctx.parties if ctx.rnd.random() < 0.55 else ctx.parties[::-1]
    area = ctx.rnd.choice(ctx.areas)
    created = ctx.moment()
    state = _final_state(ctx, created)
    roll = ctx.rnd.random()
    conf = Confidentiality.TOI_MAT if roll < 0.02 else Confidentiality.MAT if roll < 0.10 else Confidentiality.NORMAL
    r = CoordinationRequest(
        requesting_party=requesting, requested_party=requested, area=area, title=ctx.title(area)[:300],
        kind="opinion" if i % 7 == 0 else "coordination", content=ctx.sentence(40), confidentiality=conf,
        urgency=ctx.rnd.choice([0, 0, 0, 1, 2]), state=S.DRAFT, created_at=created,
        created_by_id=ctx.pick(requesting, Role.STAFF, Role.LEADER), origin=ctx.sentence(6)[:300],
        reply_deadline=(created + datetime.timedelta(days=ctx.rnd.randint(10, 45))).date(),
    )
    steps, at = [], created
    for action in PATHS[state]:
        at = min(at + datetime.timedelta(hours=ctx.rnd.randint(2, 24 * 9)), ctx.now)
        t = TRANSITIONS[action]
        party = requesting if t.side == "requesting" else requested
        source = r.state
        r.apply(action, now=at)
        steps.append((action, source, t.target, at, ctx.pick(party, *t.roles)))
        if action == "approve_response":
            r.response_content = ctx.sentence(30)
    r.state = state
    r.refresh_search_text()
    return r, steps


def seed_requests(ctx, n):
    pairs = [_new_request(ctx, i) for i in range(n)]
    objs = [r for r, _ in pairs]
    insert(CoordinationRequest, objs)
    hist_model = CoordinationRequest.history.model
    history, events = [], []
    for r, steps in zip(objs, (s for _, s in pairs), strict=True):
        history.append(history_row(hist_model, r, "+", r.created_at, r.created_by_id, "create", state=S.DRAFT))
        events.append(RequestEvent(request=r, action="create", to_state=S.DRAFT, by_id=r.created_by_id,
                                   at=r.created_at))
        for action, src, target, at, by in steps:
            history.append(history_row(hist_model, r, "~", at, by, action, state=target))
            comment = ctx.sentence(9) if TRANSITIONS[action].needs_comment else ""
            events.append(RequestEvent(request=r, action=action, from_state=src, to_state=target, by_id=by, at=at,
                                       comment=comment))
    insert(hist_model, history, with_pk=False)
    insert(RequestEvent, events, with_pk=False)
    both = [r for r in objs if r.state in SEEN_BY_BOTH]
    mine = [r for r in objs if r.state not in SEEN_BY_BOTH]
    grants = 0
    for party in ctx.parties:
        grants += grant_view_bulk([r for r in mine if r.requesting_party_id == party.pk], [party],
                                  roles=WORKING_ROLES)
    grants += grant_view_bulk(both, ctx.parties, roles=WORKING_ROLES)
    counts = {"requests": len(objs), "request history rows": len(history), "request events": len(events),
              "request grants": grants}
    counts.update(_seed_thread(ctx, objs))
    counts.update(bench_seed_more.seed_request_documents(ctx, objs))
    return counts



def _seed_thread(ctx, objs):
    """Comments (about two per request), officers, opinions and about ten notifications per request."""
    comments, notes, officers, opinions = [], [], [], []
    through = CoordinationRequest.requested_officers.through
    parties = {p.pk: p for p in ctx.parties}
    for r in objs:
        requesting, requested = parties[r.requesting_party_id], parties[r.requested_party_id]
        seen_by_both = r.state in SEEN_BY_BOTH
        for _ in range(ctx.rnd.choice([1, 2, 2, 3])):
            side = requested if seen_by_both and ctx.rnd.random() < 0.5 else requesting
            comments.append(Comment(request=r, author_id=ctx.pick(side, Role.STAFF, Role.LEADER),
                                    body=ctx.sentence(15), created_at=ctx.moment(r.created_at)))
        if r.acknowledged_at:
            officers += [through(coordinationrequest_id=r.pk, user_id=u) for u in ctx.people(requested, 2)]
            if r.kind == "opinion":
                leaders = ctx.members.get((requested.pk, Role.LEADER), [])[:2]
                opinions += [_opinion(ctx, r, u) for u in leaders]
        people = ctx.people(requesting, 5) + (ctx.people(requested, 5) if seen_by_both else [])
        for u in people:
            at = ctx.moment(r.created_at)
            notes.append(Notification(recipient_id=u, actor_id=r.created_by_id, subject=f"Đề nghị: {r.title}"[:300],
                                      body=r.title, url=f"/phoi-hop/de-nghi/{r.pk}/", created_at=at,
                                      read_at=None if ctx.now - at < datetime.timedelta(days=20) else at))
    from .models import Opinion

    insert_with_history(Comment, comments, reason="comment_add", date_attr="created_at", user_attr="author_id")
    insert(through, officers, with_pk=False)
    insert_with_history(Opinion, opinions, reason="opinion", date_attr="asked_at", user_attr="leader_id")
    insert(Notification, notes, with_pk=False)
    return {"comments": len(comments), "officers": len(officers), "opinions": len(opinions),
            "notifications": len(notes)}


def _opinion(ctx, r, leader_id):
    from .models import Opinion

    given = r.answered_at or (None if ctx.rnd.random() < 0.5 else r.acknowledged_at)
    return Opinion(request=r, leader_id=leader_id, asked_at=r.acknowledged_at, given_at=given,
                   content=ctx.sentence(12) if given else "")
