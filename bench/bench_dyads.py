"""GET /dyads latency with 1,000,000 dyad days: the per-pair summary against GROUP BY per call.

A temporary SQLite database gets made-up dyad days (4,000 ordered pairs x 250 days, tension
drawn at random) written straight into ``dyad_days``, and the per-pair rows the watch stage
keeps (``dyad_pairs``, computed with ``watch.pairs.pair_totals``, the function the stage
uses). ``GET /dyads`` (order active and escalating, limit 10 and 100) is sent over HTTP to
uvicorn in a second process on 127.0.0.1 from one client thread. Anchor, same database: the
overview as it was before the summary table (one GROUP BY over every dyad day per call),
in-process. Goal (issue 12): p99 <= 50 ms with 1M dyad days.

    .venv/bin/python bench/bench_dyads.py [--pairs 4000] [--days 250] [--requests 400]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

from wirewatch.records import DyadDay
from wirewatch.store import open_store
from wirewatch.store.watch_pairs import replace_pairs
from wirewatch.store.watch_schema import alerts, dyad_days
from wirewatch.watch.pairs import pair_totals

RESULTS = Path(__file__).resolve().parent / "results"
START = date(2024, 1, 1)


def fill(db: Path, n_pairs: int, n_days: int, seed: int = 3) -> tuple[int, str]:
    rng = random.Random(seed)
    codes = [f"C{i:03d}" for i in range(200)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < n_pairs:
        s, t = rng.sample(codes, 2)
        pairs.add((s, t))
    last = (START + timedelta(days=n_days - 1)).isoformat()
    total = 0
    with open_store(db) as store, store.transaction() as conn:
        totals = []
        for s, t in sorted(pairs):
            days = []
            for k in range(n_days):
                n = rng.randint(1, 4)
                tension = round(rng.uniform(-8, 8) * n, 3)
                days.append(DyadDay(s, t, (START + timedelta(days=k)).isoformat(), n, 0, 0, 0,
                                    -tension, round(-tension / n, 3), tension))
            conn.execute(sa.insert(dyad_days), [
                {"source": d.source, "target": d.target, "day": d.day,
                 "verbal_cooperation": d.verbal_cooperation, "material_cooperation": 0,
                 "verbal_conflict": 0, "material_conflict": 0, "events": d.events,
                 "intensity_sum": d.intensity_sum, "intensity_mean": d.intensity_mean,
                 "tension": d.tension} for d in days])
            totals.append(pair_totals(days, 0, last))
            total += len(days)
        replace_pairs(conn, [], totals)
    return total, last


def overview_by_group_by(conn: sa.Connection, last: date, order: str, limit: int) -> list[object]:
    """The overview's query before the summary table: GROUP BY over every dyad day."""
    t, al = dyad_days, alerts
    recent_from = (last - timedelta(days=6)).isoformat()
    prior_from = (last - timedelta(days=13)).isoformat()
    recent = sa.func.sum(sa.case((t.c.day >= recent_from, t.c.tension), else_=0.0))
    prior = sa.func.sum(sa.case(
        (sa.and_(t.c.day >= prior_from, t.c.day < recent_from), t.c.tension), else_=0.0))
    events = sa.func.sum(t.c.events)
    escalation = (recent - prior).label("escalation")
    n_alerts = (sa.select(sa.func.count()).select_from(al)
                .where(al.c.source == t.c.source, al.c.target == t.c.target).scalar_subquery())
    query = (sa.select(t.c.source, t.c.target, events.label("events"), escalation,
                       n_alerts.label("alerts"))
             .group_by(t.c.source, t.c.target)
             .order_by((escalation if order == "escalating" else events).desc(),
                       t.c.source, t.c.target).limit(limit))
    return list(conn.execute(query).all())


def pct(ms: list[float]) -> str:
    qs = statistics.quantiles(ms, n=100, method="inclusive")
    return f"{statistics.median(ms):.1f} | {qs[94]:.1f} | {qs[98]:.1f} | {max(ms):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=4000)
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    params = [{"order": o, "limit": n} for o in ("active", "escalating") for n in (10, 100)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dyads.db"
        t0 = time.perf_counter()
        n_days, last = fill(db, args.pairs, args.days)
        fill_s = time.perf_counter() - t0
        anchor: list[float] = []
        with open_store(db) as store, store.connect() as conn:
            for i in range(min(args.requests, 40)):
                p = params[i % len(params)]
                t1 = time.perf_counter()
                overview_by_group_by(conn, date.fromisoformat(last), str(p["order"]),
                                     int(p["limit"]))
                anchor.append((time.perf_counter() - t1) * 1000)
        port = 18000 + os.getpid() % 1000
        code = ("import sys, uvicorn; from wirewatch.web.api import create_app; "
                "uvicorn.run(create_app(sys.argv[1], dashboard=False), host='127.0.0.1', "
                "port=int(sys.argv[2]), log_level='warning', access_log=False)")
        server = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
        by_param: dict[str, list[float]] = {}
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/openapi.json", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("the API server did not start")
                    time.sleep(0.2)
            with httpx.Client(timeout=30) as client:
                for p in params:  # warm-up
                    client.get(f"{base}/dyads", params=p).raise_for_status()
                for i in range(args.requests):
                    p = params[i % len(params)]
                    t1 = time.perf_counter()
                    client.get(f"{base}/dyads", params=p).raise_for_status()
                    key = f"order={p['order']}, limit={p['limit']}"
                    by_param.setdefault(key, []).append((time.perf_counter() - t1) * 1000)
        finally:
            server.terminate()
            server.wait(timeout=10)
    every = [ms for v in by_param.values() for ms in v]
    lines = [
        "## /dyads with 1M dyad days",
        "",
        f"{n_days:,} made-up dyad days ({args.pairs:,} ordered pairs x {args.days} days; filled "
        f"in {fill_s:.0f} s), SQLite. `GET /dyads` over HTTP to uvicorn (1 worker, second "
        f"process, 127.0.0.1), one client, {args.requests} requests cycling over order "
        f"active/escalating and limit 10/100. Anchor, same database: the overview's former "
        f"query (GROUP BY over every dyad day per call), in-process, "
        f"{len(anchor)} calls. Goal: p99 <= 50 ms. Load average {load_before:.1f} when the "
        f"run began (2 cores shared with other jobs).",
        "",
        "| measured | calls | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        f"| GET /dyads, all | {len(every)} | {pct(every)} |",
        *(f"| GET /dyads, {k} | {len(v)} | {pct(v)} |" for k, v in by_param.items()),
        f"| anchor: GROUP BY per call, in-process | {len(anchor)} | {pct(anchor)} |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if (args.pairs, args.days) == (4000, 250):
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "dyads.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
