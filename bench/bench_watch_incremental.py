"""The incremental watch stage: the cost of adding 100 articles to a 1k and a 20k database.

Articles are made up (``tests/watch/synthetic.py``), not read: bodies of 150 words drawn from
a 5,000-word vocabulary around one base text per five articles (so near-duplicates and
stories occur, and a story stays within a few days), 30 days, 25 sites, 0-4 events between
five actors. A database of N articles is filled through ``Store.save_batch`` and built once in
full; then, on a copy each round, 100 new articles of the last days are stored and
``update_watch`` is timed (CPU seconds of this process). Anchor, same run: the full rebuild
of the same N + 100 articles (``rebuild_watch``), and a check that it leaves the tables the
update left. Goal (issue 12): the 20k update costs at most 2x the 1k update.

    .venv/bin/python bench/bench_watch_incremental.py [--sizes 1000 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the made-up articles of the tests

from tests.watch.synthetic import make_analysis, vocabulary  # noqa: E402
from tests.watch.test_incremental import dump  # noqa: E402

from wirewatch.records import Analysis  # noqa: E402
from wirewatch.store import InputResult, Store, open_store  # noqa: E402
from wirewatch.watch.rebuild import rebuild_watch, update_watch  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
DAYS = 30
NEW = 100


def world(n: int, *, start: int, seed: int, last_days: int | None = None) -> list[Analysis]:
    """``n`` articles, one base text per five; with ``last_days`` only on the last days."""
    rng = random.Random(seed)
    vocab = vocabulary(5000)
    out = []
    for i in range(n):
        base_no = (start + i) // 5
        base_rng = random.Random(base_no)
        base = [base_rng.choice(vocab) for _ in range(150)]
        day = base_no % DAYS + 1 if last_days is None else DAYS - base_rng.randrange(last_days)
        one = make_analysis(rng, start + i, [base], vocab, days=1, sites=25)
        published = one.article.published
        if published:
            shifted = min(DAYS, max(1, day + rng.choice((0, 0, 0, 1))))
            published = f"2024-03-{shifted:02d}{published[10:]}"
        events = tuple(e if e.date is None else type(e)(**{
            **{f: getattr(e, f) for f in e.__dataclass_fields__},
            "date": (published or "2024-03-01")[:10]}) for e in one.events)
        article = type(one.article)(**{
            **{f: getattr(one.article, f) for f in one.article.__dataclass_fields__},
            "published": published})
        out.append(Analysis(article=article, events=events, actors=one.actors))
    return out


def store_all(store: Store, analyses: list[Analysis]) -> None:
    for k in range(0, len(analyses), 500):
        chunk = analyses[k : k + 500]
        store.save_batch([InputResult(a.article.source, a.article.id, analysis=a)
                          for a in chunk], run_id="bench")


def measure(n: int, rounds: int, tmp: Path) -> dict[str, object]:
    base = tmp / f"base-{n}.db"
    t0 = time.perf_counter()
    with open_store(base) as store:
        store_all(store, world(n, start=0, seed=n))
        c0 = time.process_time()
        built = rebuild_watch(store)
        build_cpu = time.process_time() - c0
    fill_s = time.perf_counter() - t0
    new = world(NEW, start=n, seed=n + 1, last_days=3)
    updates, wall = [], []
    equal = None
    full_cpu = 0.0
    for r in range(rounds):
        db = tmp / f"round-{n}-{r}.db"
        shutil.copy(base, db)
        for suffix in ("-wal", "-shm"):
            if Path(f"{base}{suffix}").exists():
                shutil.copy(f"{base}{suffix}", f"{db}{suffix}")
        with open_store(db) as store:
            store_all(store, new)
            w0, c0 = time.perf_counter(), time.process_time()
            summary = update_watch(store)
            updates.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
            assert not summary.full and summary.added == NEW
            if r == rounds - 1:
                after_update = dump(store)
                c0 = time.process_time()
                rebuild_watch(store)
                full_cpu = time.process_time() - c0
                equal = dump(store) == after_update
        for path in tmp.glob(f"round-{n}-{r}.db*"):
            path.unlink()
    return {"n": n, "update_cpu": updates, "update_wall": wall, "full_cpu": full_cpu,
            "build_cpu": build_cpu, "fill_s": fill_s, "equal": equal,
            "stories": built.stories, "merged": built.merged_events,
            "duplicates": built.duplicates, "dyad_days": built.dyad_days}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ww-bench-inc-") as tmp:
        rows = [measure(n, args.rounds, Path(tmp)) for n in args.sizes]
    lines = [
        "## Incremental watch stage: adding 100 articles",
        "",
        f"Made-up articles (150 words from a 5,000-word vocabulary, one base text per five "
        f"articles, {DAYS} days, 25 sites, 0-4 events between five actors), SQLite. Each "
        f"round stores {NEW} new articles of the last 3 days on a copy of the N-article "
        f"database and times `update_watch` (CPU seconds of the process, median of "
        f"{args.rounds} rounds; wall in brackets). Anchor: the full rebuild of the same "
        f"N + {NEW} articles, and whether it leaves the same tables (every watch and index "
        f"table, row ids aside). Goal: the 20k update at most 2x the 1k update. Load average "
        f"{load:.1f} when the run began (2 cores shared with other jobs).",
        "",
        "| articles | stories | merged events | dyad days | update +100, CPU s | "
        "full rebuild, CPU s | same tables |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        upd = statistics.median(row["update_cpu"])  # type: ignore[arg-type]
        wall = statistics.median(row["update_wall"])  # type: ignore[arg-type]
        lines.append(
            f"| {row['n']:,} | {row['stories']:,} | {row['merged']:,} | {row['dyad_days']:,} "
            f"| {upd:.2f} ({wall:.2f}) | {row['full_cpu']:.1f} | "
            f"{'yes' if row['equal'] else 'NO'} |")
    if len(rows) >= 2:
        small = statistics.median(rows[0]["update_cpu"])  # type: ignore[arg-type]
        large = statistics.median(rows[-1]["update_cpu"])  # type: ignore[arg-type]
        lines += ["", f"Ratio {rows[-1]['n']:,} / {rows[0]['n']:,}: {large / small:.2f}x "
                      f"(goal <= 2x). All rounds, CPU s: " + "; ".join(
                          f"{r['n']:,}: " + ", ".join(f"{v:.2f}" for v in r["update_cpu"])
                          for r in rows)]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.sizes == [1000, 20000]:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "watch_incremental.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
