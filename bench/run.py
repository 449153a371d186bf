"""The benchmark, one command: `.venv/bin/python bench/run.py` (or `make bench`).

Starts gunicorn with 4 workers (docs/deployment.md) on 127.0.0.1 with production settings against
the benchmark database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/qc_bench,
filled by `manage.py seed_bench`), then:
1. p50/p95 and HTML size of every page, each beside the floor view and the admin changelist,
   plus queries per page (counted in-process);
2. 50 simulated users for 60 s with a realistic mix, without think time, then the floor view alone
   under the same load, then the mix with 3 s think time;
3. the resident memory of each worker after the load.
Writes a Markdown report to var/bench/latest.md (and prints it). All loops are bounded.
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def start_gunicorn(port, workers, env):
    cmd = [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
           str(workers), "--timeout", "60", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    from bench.client import Session

    for _ in range(120):  # bounded: 60 s
        time.sleep(0.5)
        if Session(port, timeout=2).get("/healthz")[0] == 200:
            return proc
    stop(proc)
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def worker_rss_mb(proc):
    """RSS of each gunicorn worker (children of the master), from /proc."""
    out = subprocess.run(["ps", "-o", "pid=,ppid=,rss=", "--ppid", str(proc.pid)], capture_output=True, text=True)
    return [int(line.split()[2]) / 1024 for line in out.stdout.splitlines() if line.strip()]


def measure_pages(port, sessions, page_list, rounds):
    results = {}
    for name, username, path in page_list:
        session = sessions[username]
        for _ in range(2):  # warm up the worker's caches and connection
            session.get(path)
        times, size, status = [], 0, 0
        for _ in range(rounds):
            status, body, elapsed = session.get(path)
            times.append(elapsed * 1000)
            size = len(body)
        results[name] = {"path": path, "status": status, "p50": percentile(times, 50),
                         "p95": percentile(times, 95), "kb": size / 1024}
    return results


def load(port, logins, paths, *, users, seconds, think):
    """`users` threads, each signed in, request pages from `paths` [(path, weight, leaders only)] for
    `seconds`. `logins` is [(session, is_leader)]: staff are not sent to leaders' pages."""
    stop_at = time.monotonic() + seconds
    latencies, errors, lock = [], {}, threading.Lock()

    def user(i):
        rnd = random.Random(i)
        session, is_leader = logins[i % len(logins)]
        choices, weights = zip(*[(p, w) for p, w, leaders in paths if is_leader or not leaders], strict=True)
        while time.monotonic() < stop_at:
            status, _, elapsed = session.get(rnd.choices(choices, weights)[0])
            with lock:
                if status == 200:
                    latencies.append(elapsed * 1000)
                else:
                    errors[status] = errors.get(status, 0) + 1
            if think:
                time.sleep(min(think, max(0.0, stop_at - time.monotonic())))

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    took = time.monotonic() - started
    return {"requests": len(latencies), "errors": sum(errors.values()), "error_statuses": errors,
            "throughput": len(latencies) / took,
            "p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "p99": percentile(latencies, 99)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=20, help="timed requests per page")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "false",
           "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qc_bench"),
           "PYTHONPATH": str(ROOT)}
    os.environ.update(env)
    import django

    django.setup()
    from bench.client import Session
    from bench.pages import LEADERS_ONLY, LOAD_MIX, ensure_superuser, pages, query_counts
    from coordination.demo import DEMO_PASSWORD
    from coordination.models import CoordinationRequest

    ensure_superuser(DEMO_PASSWORD)
    page_list = pages()
    queries = query_counts(page_list)
    from bench.stats import measure

    statistics_figures = measure()
    from django.db import connection

    connection.close()

    proc = start_gunicorn(args.port, args.workers, env)
    report = {"requests_in_db": CoordinationRequest.objects.count(), "machine": machine()}
    try:
        sessions = {u: Session(args.port).login(u, DEMO_PASSWORD) for u in {u for _, u, _ in page_list}}
        report["pages"] = measure_pages(args.port, sessions, page_list, args.rounds)
        report["rss_before_mb"] = worker_rss_mb(proc)
        if not args.skip_load:
            by_name = {name: path for name, _, path in page_list}
            mix = [(by_name[name], weight, name in LEADERS_ONLY) for name, weight in LOAD_MIX]
            accounts = [("bcsd.chuyenvien", False), ("bcsd.lanhdao", True), ("du.chuyenvien", False),
                        ("du.lanhdao", True), ("haiben", True)]
            logins = [(Session(args.port).login(u, DEMO_PASSWORD), leader) for u, leader in accounts for _ in range(2)]
            report["load"] = load(args.port, logins, mix, users=args.users, seconds=args.seconds, think=0)
            report["load_floor"] = load(args.port, logins, [("/bench/floor/", 1, False)], users=args.users,
                                        seconds=max(10, args.seconds // 2), think=0)
            report["load_think"] = load(args.port, logins, mix, users=args.users, seconds=args.seconds, think=3)
        report["rss_after_mb"] = worker_rss_mb(proc)
    finally:
        stop(proc)
    report["queries"] = queries
    report["statistics"] = statistics_figures
    text = render(report, args)
    out = ROOT / "var/bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.md").write_text(text)
    (out / "latest.json").write_text(json.dumps(report, indent=1, default=str))
    print(text)


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return f"{os.cpu_count()} cores ({cpu}), {int(mem) // 1024} MB RAM, load average {os.getloadavg()[0]:.1f}"


def render(report, args):
    pages, queries = report["pages"], report["queries"]
    floor = pages["floor (signed-in trivial view)"]["p95"]
    admin = pages["admin changelist of requests"]["p95"]
    lines = [f"Requests in the database: {report['requests_in_db']:,}. Machine: {report['machine']}.", "",
             "| page | p50 ms | p95 ms | p95 / floor | below admin p95 | KB | queries | status |",
             "|---|---:|---:|---:|:-:|---:|---:|---:|"]
    for name, row in pages.items():
        n, _ = queries.get(name, ("?", None))
        ok = "yes" if row["p95"] < admin else "no"
        lines.append(f"| {name} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p95'] / floor:.1f}× | {ok} | "
                     f"{row['kb']:.0f} | {n} | {row['status']} |")
    if "load" in report:
        lines += ["", f"Load: {args.users} users, {args.seconds} s, gunicorn {args.workers} workers.", "",
                  "| run | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for key, label in [("load", "mix, no think time"), ("load_floor", "floor view only, no think time"),
                           ("load_think", "mix, 3 s think time")]:
            r = report[key]
            lines.append(f"| {label} | {r['requests']} | {r['throughput']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | "
                         f"{r['p99']:.0f} | {r['errors']} {r['error_statuses'] or ''} |")
        ratio = report["load"]["throughput"] / report["load_floor"]["throughput"]
        lines += ["", f"Mix throughput / floor throughput under the same load: {ratio:.2f} (target ≥ 0.2)."]
    from bench.stats import render as render_statistics

    lines += ["", render_statistics(report["statistics"])]
    rss = ", ".join(f"{m:.0f}" for m in report["rss_after_mb"])
    lines += ["", f"Worker RSS after the run (MB): {rss} (before the load: "
              f"{', '.join(f'{m:.0f}' for m in report['rss_before_mb'])})."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
