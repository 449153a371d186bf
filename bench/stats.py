"""The year's evaluation figures and the dashboard figures against one hand-written SQL query each.

Run by bench/run.py (or alone: `.venv/bin/python bench/stats.py`) on the benchmark database. Each is
timed 5 times (median); the target is at most 1.5× the hand-written query and under 500 ms.
The reference queries compute the same numbers in one statement with GROUPING SETS (PostgreSQL).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Every request figure of the year per (area, body) and per body, in one statement: each request gives a
# row for the body that sent it and one for the body it went to; GROUPING SETS gives both groupings.
FIGURES_SQL = """
WITH y AS (SELECT %(start)s::timestamptz AS s, %(end)s::timestamptz AS e, %(cutoff)s::timestamptz AS c),
sides AS (
  SELECT r.requesting_party_id AS party, 'out' AS side, r.* FROM coordination_coordinationrequest r
  UNION ALL
  SELECT r.requested_party_id AS party, 'in' AS side, r.* FROM coordination_coordinationrequest r
)
SELECT area_id, party,
  COUNT(*) FILTER (WHERE side = 'out' AND sent_at >= y.s AND sent_at < y.e) AS sent,
  COUNT(*) FILTER (WHERE side = 'in' AND sent_at >= y.s AND sent_at < y.e) AS received,
  COUNT(*) FILTER (WHERE side = 'in' AND answered_at >= y.s AND answered_at < y.e AND sent_at IS NOT NULL
                   AND (reply_deadline IS NULL
                        OR (answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= reply_deadline)) AS on_time,
  COUNT(*) FILTER (WHERE side = 'in' AND answered_at >= y.s AND answered_at < y.e AND sent_at IS NOT NULL
                   AND reply_deadline IS NOT NULL
                   AND (answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > reply_deadline) AS late,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - sent_at) / 86400.0)
    FILTER (WHERE side = 'in' AND answered_at >= y.s AND answered_at < y.e AND sent_at IS NOT NULL) AS median,
  COUNT(*) FILTER (WHERE side = 'in' AND sent_at < y.c AND (answered_at IS NULL OR answered_at >= y.c)
                   AND (closed_at IS NULL OR closed_at >= y.c)) AS still_open
FROM sides, y
WHERE (sent_at < y.e)
GROUP BY GROUPING SETS ((area_id, party), (party))
"""

DASHBOARD_SQL = """
SELECT r.area_id, r.state, COUNT(*) FILTER (WHERE r.state = ANY(%(open)s)) AS open_n,
  COUNT(*) FILTER (WHERE r.answered_at >= %(start)s AND r.answered_at < %(end)s) AS answered,
  COUNT(*) FILTER (WHERE r.answered_at >= %(start)s AND r.answered_at < %(end)s AND r.reply_deadline IS NOT NULL)
    AS with_deadline,
  COUNT(*) FILTER (WHERE r.state = ANY(%(late_states)s) AND r.reply_deadline < %(today)s) AS overdue
FROM coordination_coordinationrequest r
WHERE r.confidentiality <= %(clearance)s AND EXISTS (
  SELECT 1 FROM coordination_requestgroupobjectpermission g
  WHERE g.content_object_id = r.id AND g.group_id = ANY(%(groups)s) AND g.permission_id = %(perm)s)
GROUP BY GROUPING SETS ((r.area_id, r.state), ())
"""


def timed(fn, rounds=5):
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(username="bcsd.lanhdao"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.core.cache import cache
    from django.db import connection
    from django.utils import timezone

    from coordination.grants import group_ids
    from coordination.models.requests import OPEN_AT_REQUESTED, OPEN_STATES
    from coordination.permissions import clearance_for
    from coordination.selectors.requests import dashboard
    from meetings.evaluation.models import AnnualEvaluation
    from meetings.evaluation.selectors.figures import compute

    results = {}
    evaluation = AnnualEvaluation.objects.order_by("-year").first()
    if evaluation is not None:
        start, end = evaluation.period()
        params = {"start": start, "end": end, "cutoff": min(end, timezone.now())}

        def figures_sql():
            with connection.cursor() as cursor:
                cursor.execute(FIGURES_SQL, params)
                cursor.fetchall()

        from meetings.evaluation.selectors.figures import _Grid, _request_figures

        def request_figures():
            _request_figures(_Grid(), start, end, timezone.now())

        # The reference computes the request figures; the meetings, notices and documents figures are
        # timed with them in "all figures of the year" (under 500 ms is the target there).
        results["evaluation figures (requests)"] = (timed(request_figures), timed(figures_sql))
        results["evaluation figures (all)"] = (timed(lambda: compute(evaluation)), None)
    user = get_user_model().objects.get(username=username)
    year = timezone.localdate().year
    tz = timezone.get_current_timezone()
    import datetime

    perm = Permission.objects.get(codename="view_coordinationrequest").pk
    params = {"open": list(OPEN_STATES), "late_states": list(OPEN_AT_REQUESTED), "today": timezone.localdate(),
              "start": datetime.datetime(year, 1, 1, tzinfo=tz), "end": datetime.datetime(year + 1, 1, 1, tzinfo=tz),
              "clearance": clearance_for(user), "groups": group_ids(user), "perm": perm}

    def dashboard_sql():
        with connection.cursor() as cursor:
            cursor.execute(DASHBOARD_SQL, params)
            cursor.fetchall()

    def dashboard_uncached():
        # The counts computed, not read back from the cache that keeps them between visits (figures_cache).
        cache.clear()
        dashboard(user=user)

    results["dashboard figures"] = (timed(dashboard_uncached), timed(dashboard_sql))
    return results


def render(results):
    lines = ["| figures | app ms | hand-written SQL ms | ratio (target ≤ 1.5) | under 500 ms |",
             "|---|---:|---:|---:|:-:|"]
    for name, (app, sql) in results.items():
        ref, ratio = (f"{sql:.0f}", f"{app / sql:.2f}") if sql else ("—", "—")
        lines.append(f"| {name} | {app:.0f} | {ref} | {ratio} | {'yes' if app < 500 else 'no'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_DATABASE_URL",
                                                         "postgres://postgres@127.0.0.1:5432/qc_bench"))
    import django

    django.setup()
    print(render(measure()))
