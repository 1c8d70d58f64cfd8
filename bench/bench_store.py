"""The run executor and store: pages/s of `run_paths` into SQLite beside a plain extract loop.

Usage: .venv/bin/python bench/bench_store.py [--analyze-limit N]
Input: the 181 gzipped HTML pages of ../shared/corpora/aeb/html (read by path). The anchor is
the same read + extract in a plain loop with no database: the difference is the store's cost.
Writes bench/results/bench_store.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from wirewatch.extract import extract_page
from wirewatch.read import read_pages
from wirewatch.records import Skip
from wirewatch.run import RunSummary, run_paths
from wirewatch.store import open_store

BENCH = Path(__file__).resolve().parent
AEB = BENCH.parent.parent / "shared" / "corpora" / "aeb" / "html"


def extract_loop(paths: list[str]) -> tuple[int, int]:
    pages = articles = 0
    for item in read_pages(paths):
        pages += 1
        if isinstance(item, Skip):
            continue
        try:
            extract_page(item)
            articles += 1
        except Exception:  # noqa: BLE001 - the anchor only counts; run_paths records reasons
            continue
    return pages, articles


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def ray_rows(rows: list[tuple[str, int, int, float]], paths: list[str], subset: list[str],
             tmp: Path) -> str:
    """The Ray executor on a local Ray with 2 CPUs (started once, timed as its own row), and
    whether it stored the same rows as the loop (bench3.db holds the loop's analysed run)."""
    try:
        import ray
    except ImportError:
        return "\nRay rows left out: ray is not installed (pip install 'wirewatch[ray]').\n"
    seconds, _ = timed(lambda: ray.init(address="local", num_cpus=2, include_dashboard=False,
                                        log_to_driver=False))
    rows.append(("ray start-up (local, 2 CPUs), once", 0, 0, seconds))
    try:
        with open_store(tmp / "bench5.db") as store:
            seconds, summary = timed(lambda: run_paths(paths, store, analyze=False,
                                                       workers=2, executor="ray"))
            assert isinstance(summary, RunSummary)
            rows.append(("run --no-analyze --executor ray --workers 2, new db",
                         summary.pages_read, summary.articles_stored, seconds))
        with open_store(tmp / "bench6.db") as store:
            seconds, summary = timed(lambda: run_paths(subset, store, analyze=True, workers=2,
                                                       executor="ray"))
            assert isinstance(summary, RunSummary)
            rows.append((f"run with analysis --executor ray --workers 2 (first {len(subset)} "
                         "pages), new db", summary.pages_read, summary.articles_stored, seconds))
            ray_counts = store.counts()
    finally:
        ray.shutdown()
    with open_store(tmp / "bench3.db") as store:
        loop_counts = store.counts()
    same = all(ray_counts[t] == loop_counts[t]
               for t in ("articles", "quotes", "events", "actors", "drops"))
    return ("\nRay rows: a local Ray on this 2-core machine (a cluster is where it pays); the "
            "runs exclude the start-up row, the analysed one includes each worker loading "
            f"spaCy. Same row counts as the loop's analysed run: {'yes' if same else 'NO'}.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--analyze-limit", type=int, default=60,
                        help="pages for the run with analysis (spaCy is the slow part)")
    args = parser.parse_args()
    paths = [str(AEB)]
    rows: list[tuple[str, int, int, float]] = []
    seconds, (pages, articles) = timed(lambda: extract_loop(paths))  # type: ignore[misc]
    rows.append(("anchor: read + extract loop, no store", pages, articles, seconds))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with open_store(db) as store:
            def run(workers: int = 1, analyze: bool = False,
                    which: list[str] = paths) -> RunSummary:
                return run_paths(which, store, analyze=analyze, workers=workers)

            for label, fn in (
                ("run --no-analyze, new SQLite db", lambda: run()),
                ("same again: every page unchanged", lambda: run()),
            ):
                seconds, summary = timed(fn)
                assert isinstance(summary, RunSummary)
                rows.append((label, summary.pages_read, summary.articles_stored, seconds))
        db2 = Path(tmp) / "bench2.db"
        with open_store(db2) as store:
            seconds, summary = timed(lambda: run_paths(paths, store, analyze=False, workers=2))
            assert isinstance(summary, RunSummary)
            rows.append(("run --no-analyze --workers 2, new db", summary.pages_read,
                         summary.articles_stored, seconds))
        subset = sorted(str(p) for p in AEB.iterdir())[: args.analyze_limit]
        with open_store(Path(tmp) / "bench3.db") as store:
            seconds, summary = timed(lambda: run_paths(subset, store, analyze=True))
            assert isinstance(summary, RunSummary)
            rows.append((f"run with analysis (first {len(subset)} pages), new db",
                         summary.pages_read, summary.articles_stored, seconds))
        with open_store(Path(tmp) / "bench4.db") as store:
            seconds, summary = timed(lambda: run_paths(subset, store, analyze=True, workers=2))
            assert isinstance(summary, RunSummary)
            rows.append((f"run with analysis --workers 2 (first {len(subset)} pages), new db",
                         summary.pages_read, summary.articles_stored, seconds))
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench3.db*"))
        ray_note = ray_rows(rows, paths, subset, Path(tmp))
    header = "| what | pages | articles | seconds | pages/s |\n|---|---|---|---|---|\n"
    table = header + "".join(
        f"| {label} | {p} | {a} | {s:.2f} | {f'{p / s:.1f}' if p else '-'} |\n"
        for label, p, a, s in rows
    )
    text = (
        "## Run executor and store (bench/bench_store.py)\n\n"
        f"Input: {AEB.relative_to(BENCH.parent.parent)} (181 gzipped HTML pages). One process "
        "unless stated; the machine has 2 cores shared with other work, so timings are noisy "
        f"(expect ±20%; 1-minute load average at the end: {os.getloadavg()[0]:.1f}).\n\n"
        + table +
        f"\nSQLite files (db + WAL) after the analysed run: {size / 1024:.0f} KiB.\n"
        + ray_note
    )
    print(text)
    (BENCH / "results").mkdir(exist_ok=True)
    (BENCH / "results" / "bench_store.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
