"""``wirewatch watch`` killed and restarted: 50 feeds, 5,000 pages, every page stored once?

A local HTTP server (tests/local_server.py) serves a made-up site (tests/news_site.py): 50 RSS
feeds listing 5,000 article pages (each page in one feed, page 0 in two; links carry a
``utm_source`` parameter that normalisation drops; every page declares its canonical URL).
``wirewatch watch --sources FILE --once --no-analyze`` runs as a child process and is
SIGKILLed three times, when the store holds about 15 %, 45 % and 75 % of the pages, then
restarted each time and left to finish; a last ``--once`` cycle must find nothing new.
Counted from the database afterwards: articles per page URL (must be exactly 1 each),
``poll_seen`` rows, cycles by status, and from the server: fetches per page (a page stored
but killed before it was marked seen is fetched again and found unchanged: that is the cost
of a kill). Analysis is off: storing exactly once does not depend on it, and it would make
the run 10x longer.

    .venv/bin/python bench/bench_watch_feeds.py [--feeds 50] [--pages 5000] [--batch 256]
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

from tests.local_server import LocalServer  # noqa: E402 - after the path insert
from tests.news_site import build_site, watch_with_kills  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args()
    kill_after = [int(args.pages * share) for share in (0.15, 0.45, 0.75)]
    with LocalServer() as server, tempfile.TemporaryDirectory() as folder:
        feeds = build_site(server, feeds=args.feeds, pages=args.pages)
        sources = Path(folder) / "sources.txt"
        sources.write_text("\n".join(feeds) + "\n", encoding="utf-8")
        db = Path(folder) / "watch.db"
        started = time.perf_counter()
        run = watch_with_kills(db, sources, kill_after=kill_after, src=ROOT / "src",
                               extra=["--batch", str(args.batch), "--per-host", "8"],
                               timeout=3000)
        first_seconds = time.perf_counter() - started
        fetches_before_last = sum(server.hits[f"/news/{n}?utm_source=rss"]
                                  for n in range(args.pages))
        last = watch_with_kills(db, sources, kill_after=[], src=ROOT / "src", timeout=600)
        with sqlite3.connect(db) as conn:
            per_url = Counter(row[0] for row in conn.execute("SELECT source FROM articles"))
            seen = conn.execute("SELECT count(*), count(DISTINCT url) FROM poll_seen").fetchone()
            cycles = dict(conn.execute("SELECT status, count(*) FROM poll_cycles "
                                       "GROUP BY status").fetchall())
        expected = {server.url(f"/news/{n}") for n in range(args.pages)}
        fetches = Counter(server.hits[f"/news/{n}?utm_source=rss"] for n in range(args.pages))
    stored_once = sum(1 for url in expected if per_url.get(url) == 1)
    rows = [
        ("pages served", f"{args.pages:,} in {args.feeds} feeds (page 0 in two)"),
        ("kills (SIGKILL) at articles stored", ", ".join(f"{n:,}" for n in run.killed_at)),
        ("processes run until done", f"{run.runs} ({run.kills} killed)"),
        ("article rows", f"{sum(per_url.values()):,}"),
        ("page URLs stored exactly once", f"{stored_once:,} of {args.pages:,}"),
        ("page URLs stored twice or more", f"{sum(1 for n in per_url.values() if n > 1)}"),
        ("rows for URLs not served", f"{len(set(per_url) - expected)}"),
        ("poll_seen rows (distinct URLs)", f"{seen[0]:,} ({seen[1]:,})"),
        ("cycles by status", ", ".join(f"{k} {v}" for k, v in sorted(cycles.items()))),
        ("page fetches until done", f"{fetches_before_last:,} "
         f"({fetches_before_last - args.pages} again after a kill)"),
        ("fetches per page", ", ".join(f"{k}x: {v:,}" for k, v in sorted(fetches.items()))),
        ("the last cycle", last.lines[-1] if last.lines else "(no line)"),
        ("wall time, kills and restarts included", f"{first_seconds:.0f} s"),
    ]
    verdict = "PASS" if stored_once == args.pages and len(per_url) == args.pages else "FAIL"
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    text = (f"# watch: killed and restarted ({verdict})\n\n"
            f"`bench/bench_watch_feeds.py --feeds {args.feeds} --pages {args.pages} "
            f"--batch {args.batch}`; {platform.python_implementation()} "
            f"{platform.python_version()}, SQLite, analysis off, one local server "
            "(127.0.0.1, `--per-host 8`).\n\n| what | value |\n|---|---|\n" + table + "\n\n"
            "Every page must be stored exactly once: the validators of a feed are saved only "
            "after its cycle has processed every link, URLs are marked seen after their batch "
            "is written, and a page written but not yet marked is found `unchanged` by the "
            "run's content hash when it is fetched again. The kills come as soon as the "
            "article count (polled every 50 ms) reaches each threshold, that is just after a "
            "batch is committed and before its URLs are marked seen: the window where a "
            "page could be stored twice; the pages fetched twice are those batches.\n")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "watch_feeds.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
