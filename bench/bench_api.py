"""API latency under load: /events with filters on a database of >= 100,000 events.

A temporary SQLite database is filled with synthetic articles and events through the store's
own tables (bulk inserts), the app runs under uvicorn in a second process on 127.0.0.1, and
this process sends a bounded number of requests from a few client threads. Reported: p50,
p95, p99 and max latency per request, and requests per second. Anchor, same run: the same
queries through ``Store.list_events`` in-process (no HTTP, no JSON), the floor the API adds to.

    .venv/bin/python bench/bench_api.py [--events 100000] [--requests 2000] [--clients 4]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import sqlalchemy as sa

from wirewatch.store import EventFilter, open_store, schema

RESULTS = Path(__file__).resolve().parent / "results"
CODES = ["RUS", "UKR", "USA", "CHN", "NATO", "DEU", "FRA", "GBR", "POL", "TUR", "IRN", "ISR",
         "IND", "PAK", "JPN", "KOR", "PRK", "EU", "UN", "BLR", "SYR", "EGY", "SAU", "BRA"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODALITIES = ["asserted"] * 7 + ["alleged", "negated", "hypothetical", "future", "denied"]
SITES = [f"site{i}.example" for i in range(25)]
START = date(2023, 1, 1)


def fill(db: Path, n_events: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    per_article = 5
    now = "2024-01-01T00:00:00+00:00"
    with open_store(db) as store, store.transaction() as conn:
        articles, events = [], []
        for a in range(n_events // per_article):
            day = (START + timedelta(days=rng.randrange(365))).isoformat()
            site = rng.choice(SITES)
            aid = f"a{a:07d}"
            articles.append({
                "id": aid, "source": f"{aid}.txt", "form": "text", "url": None, "site": site,
                "title": f"Synthetic article {a}", "published": day, "authors": "[]",
                "section": None, "language": "en", "image_caption": None,
                "image_credit": None, "body": orjson.dumps(["Body."]).decode(),
                "related": "[]", "extractor": "bench", "analyzed": True, "run_id": "bench",
                "stored_at": now})
            for k in range(per_article):
                src, tgt = rng.sample(CODES, 2)
                typ = rng.choice(TYPES)
                events.append({
                    "article_id": aid, "seq": k, "type": typ, "mode": None,
                    "source_actors": f'[{{"name":"{src}","code":"{src}","sector":null}}]',
                    "target_actors": f'[{{"name":"{tgt}","code":"{tgt}","sector":null}}]',
                    "source_code": src, "target_code": tgt,
                    "modality": rng.choice(MODALITIES), "attribution": None,
                    "intensity": round(rng.uniform(-10, 10), 1),
                    "quad": "VERBAL CONFLICT", "trigger": typ.lower(),
                    "sentence": f"{src} {typ.lower()} {tgt}.", "start": 0, "end": 10,
                    "rule": "bench", "coder": "bench", "location": None, "date": None,
                    "day": day, "site": site})
            if len(events) >= 20_000:
                conn.execute(sa.insert(schema.articles), articles)
                conn.execute(sa.insert(schema.events), events)
                articles, events = [], []
        if articles:
            conn.execute(sa.insert(schema.articles), articles)
        if events:
            conn.execute(sa.insert(schema.events), events)


def queries(n: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for _ in range(n):
        since = START + timedelta(days=rng.randrange(300))
        until = since + timedelta(days=rng.choice([7, 30, 90]))
        kind = rng.randrange(6)
        if kind == 0:
            q: dict[str, Any] = {"actor": rng.choice(CODES)}
        elif kind == 1:
            s, t = rng.sample(CODES, 2)
            q = {"source": s, "target": t}
        elif kind == 2:
            q = {"type": rng.choice(TYPES), "since": since.isoformat(),
                 "until": until.isoformat()}
        elif kind == 3:
            q = {"modality": rng.choice(MODALITIES), "site": rng.choice(SITES)}
        elif kind == 4:
            q = {"actor": rng.choice(CODES), "since": since.isoformat(),
                 "until": until.isoformat(), "limit": 100}
        else:
            q = {"source": rng.choice(CODES), "type": rng.choice(TYPES), "offset": 200,
                 "limit": 50}
        out.append(q)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(ms: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(ms, n=100, method="inclusive")
    return {"p50": statistics.median(ms), "p95": qs[94], "p99": qs[98], "max": max(ms)}


def load(base: str, qs: list[dict[str, Any]], clients: int) -> tuple[list[float], float, int]:
    def one(client: httpx.Client, q: dict[str, Any]) -> tuple[float, int]:
        t0 = time.perf_counter()
        r = client.get(f"{base}/events", params=q)
        return (time.perf_counter() - t0) * 1000, r.status_code

    with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=clients)) as client:
        for q in qs[:50]:  # warm-up, not measured
            one(client, q)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = list(pool.map(lambda q: one(client, q), qs))
        wall = time.perf_counter() - t0
    errors = sum(1 for _, status in results if status != 200)
    return [ms for ms, _ in results], wall, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3, help="load rounds on the same server")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    parser_name = "httptools" if importlib.util.find_spec("httptools") else "h11"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        fill(db, args.events)
        fill_s = time.perf_counter() - t0
        qs = queries(args.requests)
        # Anchor: the same queries in-process, no HTTP.
        direct: list[float] = []
        with open_store(db) as store:
            n_events = store.counts()["events"]
            for q in qs:
                f = {k: v for k, v in q.items() if k not in ("limit", "offset")}
                t1 = time.perf_counter()
                store.list_events(EventFilter(**f), limit=q.get("limit", 50),
                                  offset=q.get("offset", 0))
                direct.append((time.perf_counter() - t1) * 1000)
        port = free_port()
        code = ("import sys, uvicorn; from wirewatch.web.api import create_app; "
                "uvicorn.run(create_app(sys.argv[1], dashboard=False), host='127.0.0.1', "
                "port=int(sys.argv[2]), log_level='warning', access_log=False)")
        server = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
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
            rounds = [(*load(base, qs, args.clients), os.getloadavg()[0])
                      for _ in range(args.runs)]
        finally:
            server.terminate()
            server.wait(timeout=10)
    floor = percentiles(direct)
    lines = [
        "## API latency under load",
        "",
        f"`GET /events` with filters (actor; source+target; type+date range; modality+site; "
        f"actor+dates, limit 100; source+type, offset 200), {len(qs):,} requests per round "
        f"from {args.clients} client threads in this process to uvicorn (1 worker) running in a "
        f"second process on 127.0.0.1, SQLite with {n_events:,} events (filled in "
        f"{fill_s:.0f} s), HTTP parser {parser_name}. Goal: p99 <= 100 ms. The machine has 2 "
        f"cores shared with other jobs (load average {load_before:.1f} when the run began, and "
        "after each round in the table); client and server share them, so timings are noisy.",
        "",
        "| measured | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for i, (ms, wall, errors, load_after) in enumerate(rounds, 1):
        api = percentiles(ms)
        lines.append(
            f"| wirewatch API over HTTP, round {i} | {len(ms):,} | {api['p50']:.1f} | "
            f"{api['p95']:.1f} | {api['p99']:.1f} | {api['max']:.1f} | {len(ms) / wall:.0f} | "
            f"{errors} | {load_after:.1f} |")
    lines.append(
        f"| anchor: Store.list_events in-process | {len(direct):,} | {floor['p50']:.1f} | "
        f"{floor['p95']:.1f} | {floor['p99']:.1f} | {floor['max']:.1f} | "
        f"{len(direct) / (sum(direct) / 1000):.0f} | 0 | |")
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "api.md").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
