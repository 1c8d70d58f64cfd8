"""Runs every benchmark script in bench/ and assembles bench/RESULTS.md from bench/results/*.md.

Usage: .venv/bin/python bench/run_all.py [--only NAME ...] [--assemble-only]
Each bench_<name>.py prints its table and writes bench/results/<name>.md; this script runs them
one after another (never in parallel: timings share the machine) and concatenates the tables.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
ORDER = [
    "html_blind", "html", "text", "scraped_text", "train_text_model", "meta_text", "meta_html",
    "store", "actors", "blind_gold", "plover", "event_sentences", "quotes", "quotes_gold",
    "patches", "throughput", "run_cli", "stories", "api", "watch_feeds", "limits",
    "watch_incremental", "dyads",
]


def _name(path: Path) -> str:
    return path.stem.removeprefix("bench_")


def _section(md: Path) -> str:
    """A result file's text with its headings one level down, under RESULTS.md's title."""
    lines = md.read_text(encoding="utf-8").strip().splitlines()
    top = min((len(x) - len(x.lstrip("#")) for x in lines if x.startswith("#")), default=2)
    shift = "#" * max(0, 2 - top)
    return "\n".join(shift + x if x.startswith("#") else x for x in lines) + "\n"


def scripts(only: list[str]) -> list[Path]:
    found = {_name(p): p for p in BENCH.glob("bench_*.py")}
    names = [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    return [found[n] for n in names if not only or n in only]


def assemble() -> None:
    parts = [
        "# Benchmark results\n",
        "Produced by `make bench` (`bench/run_all.py`), which runs each `bench/bench_*.py` in "
        "turn; each section below is that script's own output (`bench/results/<name>.md`), with "
        "the anchor measured in the same run. Machine: "
        f"{platform.machine()}, 2 cores, 24 GiB, Python {platform.python_version()}.\n",
    ]
    order = {n: i for i, n in enumerate(ORDER)}
    for md in sorted(RESULTS.glob("*.md"), key=lambda p: (order.get(_name(p), 99), p.stem)):
        parts.append(_section(md))
    (BENCH / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--assemble-only", action="store_true")
    args = parser.parse_args()
    failed = []
    if not args.assemble_only:
        for script in scripts(args.only):
            started = time.perf_counter()
            print(f"== {script.name}", flush=True)
            code = subprocess.call([sys.executable, str(script)])
            print(f"== {script.name}: exit {code} in {time.perf_counter() - started:.0f} s")
            if code:
                failed.append(script.name)
    assemble()
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
