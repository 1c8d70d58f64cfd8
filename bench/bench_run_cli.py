"""End to end as a user runs it: ``wirewatch run`` on AEB's 181 HTML pages, in a fresh process,
with the default options (read, extract, analyse, store in SQLite, watch stage), beside the
library harness on the same pages in the same run.

Rows:
- ``wirewatch run`` with BLAS at the default (``WIREWATCH_BLAS_THREADS`` unset: 1 thread,
  which every executor applies) and with ``WIREWATCH_BLAS_THREADS=default`` (the BLAS
  library's own thread count);
- the same command on one page: its fixed cost (interpreter, imports, model, tables);
- the harness: one fresh process that reads and extracts the pages, then analyses them with
  ``analyze_articles`` (no store, no watch stage), the figure bench_throughput reports as fresh.
CPU seconds are the child's user + system time (all its threads), from ``wait4``. Best of
``--rounds`` interleaved rounds.

``--baseline SRC`` (another version's ``src`` folder, e.g. from ``git archive``) adds its
``wirewatch run``, one-page and harness rows, interleaved in the same rounds, so a change is
measured against its base on the same loaded machine; the two AEB databases are then
compared table by table (``tests/db_tables.py``).

Usage: .venv/bin/python bench/bench_run_cli.py [--rounds 2] [--baseline /tmp/base/src]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.db_tables
AEB = ROOT.parent / "shared" / "corpora" / "aeb" / "html"
OUT = ROOT / "bench" / "results" / "bench_run_cli.md"
ONE_PAGE_REPEATS = 3  # one-page runs per round (best of rounds x this)
HARNESS = """
import sys, time
from pathlib import Path
from wirewatch.analyze.pipeline import analyze_articles
from wirewatch.errors import InputError
from wirewatch.extract import extract_page
from wirewatch.read import read_pages
from wirewatch.records import Page
articles = []
for page in read_pages([Path(sys.argv[1])]):
    if isinstance(page, Page):
        try:
            articles.append(extract_page(page))
        except InputError:
            pass
analyze_articles(articles)
print(len(articles))
"""


def cpu_of(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd} failed: {err[-500:]}")
    return usage.ru_utime + usage.ru_stime, out


def stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from articles").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another version's src folder: its rows in the same rounds")
    args = parser.parse_args()
    wirewatch = [sys.executable, "-c", "from wirewatch.cli import main; main()"]
    base_env = dict(os.environ)
    base_env.pop("WIREWATCH_BLAS_THREADS", None)
    base_env["PYTHONPATH"] = str(ROOT / "src")
    trees = [("", base_env)]
    if args.baseline is not None:
        trees.append((" [baseline]", {**base_env, "PYTHONPATH": str(args.baseline.resolve())}))
    work = Path(tempfile.mkdtemp(prefix="ww-bench-"))
    one = work / "one"
    one.mkdir()
    first = sorted(AEB.glob("*.html.gz"))[0]
    shutil.copy(first, one / first.name)
    rows: dict[str, tuple[float, int]] = {}
    compared: list[str] | None = None

    def keep(name: str, seconds: float, n: int) -> None:
        if name not in rows or seconds < rows[name][0]:
            rows[name] = (seconds, n)

    try:
        for r in range(args.rounds):
            for tag, env_of_tree in trees:
                for label, blas in (("wirewatch run (default: BLAS 1 thread)", None),
                                    ("wirewatch run, WIREWATCH_BLAS_THREADS=default",
                                     "default")):
                    if blas and tag:
                        continue  # the baseline's default row is the one compared
                    env = dict(env_of_tree)
                    if blas:
                        env["WIREWATCH_BLAS_THREADS"] = blas
                    db = work / f"run{r}{blas or ''}{'base' if tag else ''}.db"
                    seconds, _ = cpu_of([*wirewatch, "run", str(AEB), "--db", str(db),
                                         "--no-progress"], env)
                    keep(label + tag, seconds, stored(db))
                for k in range(ONE_PAGE_REPEATS):  # cheap, and the fixed cost is a small figure
                    db = work / f"one{r}{k}{'base' if tag else ''}.db"
                    seconds, _ = cpu_of([*wirewatch, "run", str(one), "--db", str(db),
                                         "--no-progress"], env_of_tree)
                    keep("wirewatch run on one page (fixed cost)" + tag, seconds, stored(db))
                seconds, out = cpu_of([sys.executable, "-c", HARNESS, str(AEB)], env_of_tree)
                keep("harness: read + extract + analyze_articles (fresh process)" + tag,
                     seconds, int(out.strip().splitlines()[-1]))
        if args.baseline is not None:
            from tests.db_tables import differences

            compared = differences(work / "run0base.db", work / "run0.db")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# End to end: the default `wirewatch run` beside the library harness",
        "",
        f"AEB's {len(list(AEB.glob('*.html.gz')))} HTML pages; child CPU seconds (user + "
        f"system, all threads) from wait4; best of {args.rounds} interleaved rounds (the "
        f"one-page row: of {args.rounds * ONE_PAGE_REPEATS} runs) on a "
        "machine shared with other work (absolute figures vary with its load; rows of one run "
        "compare).",
        "",
        "| what | articles | CPU s | articles / CPU-s |",
        "|---|---:|---:|---:|",
    ]
    for name, (seconds, n) in sorted(rows.items(), key=lambda kv: kv[0].endswith("]")):
        lines.append(f"| {name} | {n} | {seconds:.2f} | {n / seconds:.1f} |")
    if compared is not None:
        lines += ["", f"Baseline: `{args.baseline}`. AEB databases of the two versions "
                  "(tests/db_tables.py, run ids and clock times left out): "
                  + ("every table the same." if not compared
                     else "they differ: " + "; ".join(compared))]
    text = "\n".join(lines) + "\n"
    OUT.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
