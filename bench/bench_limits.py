"""Issue 13's probe cases end to end: each input alone through ``wirewatch run`` in a fresh
process, with its outcome (a stored article or a recorded reason), wall time and peak memory.

Usage: .venv/bin/python bench/bench_limits.py [--only NAME ...] [--timeout S]
Inputs are made up here (no corpus text). Each case is one ``wirewatch run`` (loop executor,
analysis on, watch tables rebuilt) in a new process on a new SQLite file; the peak RSS is that
process's ``ru_maxrss`` (os.wait4). The figure of the issue: every case ends within its page
budget with a stored article or a reason, under 1 GB peak, for any input up to 20 MiB.
Writes bench/results/limits.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
PROSE = ("Diplomats met in Geneva on Monday to resume talks on the ceasefire, officials said, "
         "and the ministers agreed to meet again next week in Vienna to continue the work. ")
HEAD = "<html><head><title>Talks resume in Geneva</title></head><body>"
ARTICLE = "<article>" + f"<p>{PROSE * 3}</p>" * 3 + "</article>"
RSS_LIMIT_MB = 1024


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    what: str
    make: Callable[[Path], list[str]]  # writes the inputs into a folder, returns the run args


def _write(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    return [str(path)]


def _names(folder: Path) -> list[str]:
    base = folder / "names"
    base.mkdir()
    for name in (b"caf\xe9.html", b"caf\xe8.html"):
        (base / os.fsdecode(name)).write_text(HEAD + ARTICLE + "</body></html>", encoding="utf-8")
    return [str(base)]


def _jsonl_bomb(folder: Path) -> list[str]:
    """About 1 MB of gzip that inflates to one 1 GB JSON line."""
    path = folder / "bomb.jsonl.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as handle:
        handle.write(compressor.compress(b'{"text": "'))
        block = b"a" * (1 << 20)
        for _ in range(1024):
            handle.write(compressor.compress(block))
        handle.write(compressor.compress(b'"}\n' + json.dumps({"text": PROSE * 3}).encode()))
        handle.write(compressor.flush())
    return [str(path)]


def _fifo(folder: Path) -> list[str]:
    path = folder / "pipe.html"
    os.mkfifo(path)
    return [str(path)]


def _dates(folder: Path) -> list[str]:
    text = "Russia accused NATO of provoking the crisis, the Kremlin said on Monday. " * 5
    lines = [json.dumps({"text": text, "date": day}) for day in ("1000-06-15", "9999-06-15")]
    return _write(folder / "dates.jsonl", "\n".join(lines) + "\n")


def _mixed(folder: Path) -> list[str]:
    path = folder / "mixed.txt"
    path.write_bytes(("Maria Zacharová said talks would go on in Geneva next week. " * 4 + "\n")
                     .encode() * 3 + "A caf\u00e9 line from another editor.\n".encode("cp1252"))
    return [str(path)]


def _largest(folder: Path) -> list[str]:
    paragraphs = f"<p>{PROSE * 8}</p>\n"
    count = (20 * 1024 * 1024 - 200) // len(paragraphs)
    return _write(folder / "largest.html", HEAD + "<article>" + paragraphs * count
                  + "</article></body></html>")


CASES = [
    Case("names", "two files named caf\\xe9 / caf\\xe8 (not UTF-8)", _names),
    Case("surrogate", "JSONL text with a lone \\ud800", lambda f: _write(
        f / "s.jsonl", json.dumps({"text": PROSE * 3 + "\ud800"}) + "\n")),
    Case("nested", "100k nested div around the article", lambda f: _write(
        f / "nested.html", HEAD + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000)),
    Case("paragraph", "a 10 MB single-paragraph page", lambda f: _write(
        f / "para.html", HEAD + "<article><p>" + PROSE * (10_000_000 // len(PROSE))
        + "</p></article></body></html>")),
    Case("attribute", "a 15 MB attribute before the article", lambda f: _write(
        f / "attr.html", HEAD + '<div data-x="' + "x" * 15_000_000 + '"></div>' + ARTICLE)),
    Case("gzip_garbage", "gzip with trailing garbage", lambda f: [
        str(_bytes(f / "g.html.gz", gzip.compress((HEAD + ARTICLE).encode()) + b"junk!"))]),
    Case("jsonl_bomb", "1 MB .jsonl.gz inflating to a 1 GB line, then a good line", _jsonl_bomb),
    Case("punctuation", "40k characters of &< in a text page", lambda f: _write(
        f / "punct.txt", PROSE * 3 + "\n\n" + "&<" * 20_000 + "\n\n" + PROSE * 3 + "\n")),
    Case("tiny", "200k <p>a</p> after the article", lambda f: _write(
        f / "tiny.html", HEAD + ARTICLE + "<p>a</p>" * 200_000)),
    Case("entities", "an 8 MB &amp; flood", lambda f: _write(
        f / "ent.html", HEAD + ARTICLE + "<p>" + "&amp;" * 1_600_000 + "</p>")),
    Case("dates", "pages dated 1000-06-15 and 9999-06-15", _dates),
    Case("fifo", "a FIFO with no writer named on the command line", _fifo),
    Case("mixed", "UTF-8 page with one cp1252 line", _mixed),
    Case("largest", "a 20 MiB HTML page of prose (the input limit)", _largest),
    Case("largest_text", "a 20 MiB scraped-text page of prose", lambda f: _write(
        f / "largest.txt", ((PROSE * 8).strip() + "\n\n") * (20 * 1024 * 1024 // 1400))),
]


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@dataclass(frozen=True, slots=True)
class Outcome:
    seconds: float
    rss_mb: float
    rc: int | None
    inputs: list[tuple[str, str, str]]  # (source, status, reason or article id)
    notes: list[str]  # the limit-related drop reasons recorded on the stored articles
    dyad_days: int


def run_case(case: Case, folder: Path, timeout: float) -> Outcome:
    args = case.make(folder)
    db = folder / "run.db"
    code = "import sys; from wirewatch.cli import main; sys.exit(main())"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, "run", *args, "--db", str(db),
                             "--no-progress"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    rc: int | None = None
    rss_kb = 0
    while time.perf_counter() - started < timeout:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            rc, rss_kb = os.waitstatus_to_exitcode(status), usage.ru_maxrss
            break
        time.sleep(0.05)
    else:
        proc.kill()
        _, _, usage = os.wait4(proc.pid, 0)
        rss_kb = usage.ru_maxrss
    seconds = time.perf_counter() - started
    inputs: list[tuple[str, str, str]] = []
    notes: list[str] = []
    dyad_days = 0
    if db.exists():
        with sqlite3.connect(db) as conn:
            inputs = [(Path(s).name, st, r or a or "") for s, st, r, a in conn.execute(
                "SELECT source, status, reason, article_id FROM inputs ORDER BY source")]
            notes = [r for (r,) in conn.execute(
                "SELECT DISTINCT reason FROM drops WHERE reason LIKE 'read.%' OR reason LIKE "
                "'date.%' OR reason IN ('html.text_truncated', 'html.date_search_limited', "
                "'analysis.truncated', 'analysis.punctuation_run', 'text.truncated') "
                "ORDER BY reason")]
            with contextlib.suppress(sqlite3.OperationalError):  # no watch tables
                dyad_days = conn.execute("SELECT count(*) FROM dyad_days").fetchone()[0]
    return Outcome(seconds, rss_kb / 1024, rc, inputs, notes, dyad_days)


CORPORA = BENCH.parent.parent / "shared" / "corpora"


def cost_table() -> str:
    """What the limits cost an ordinary page: each addition timed alone on the AEB and
    trafilatura-eval pages (best of 3 rounds, CPU time), beside a whole page's time."""
    from wirewatch.read.budget import blank_punctuation_runs, bound_content
    from wirewatch.read.decode import decode_bytes
    from wirewatch.run.deadline import deadline

    files = sorted((CORPORA / "aeb" / "html").glob("*.html.gz"))
    pages = [decode_bytes(gzip.decompress(f.read_bytes()), html=True).text for f in files]
    pages += [decode_bytes(f.read_bytes(), html=True).text
              for f in sorted((CORPORA / "trafilatura-eval-en" / "pages").iterdir())]
    if not pages:
        return "\n(corpora not found: no cost table)\n"

    def timed(step: Callable[[str], object]) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for page in pages:
                step(page)
            best = min(best, time.process_time() - started)
        return best * 1000 / len(pages)

    def budget_timer(_page: str) -> None:
        with deadline(10.0):
            pass

    changed = sum(1 for page in pages if bound_content(page, "html").notes)
    rows = [("read.budget.bound_content (whole page)", timed(lambda p: bound_content(p, "html"))),
            ("blank_punctuation_runs (first 5,000 characters: a body)",
             timed(lambda p: blank_punctuation_runs(p[:5000]))),
            ("run.deadline enter and exit (twice a page: extract, analyse)",
             timed(budget_timer))]
    lines = [f"| {name} | {ms:.3f} |" for name, ms in rows]
    return (f"\n## What the limits cost an ordinary page\n\n{len(pages)} corpus pages (AEB and "
            f"trafilatura-eval-en), best of 3 rounds of CPU time; pages changed by the "
            f"collapses: {changed}. A whole page (read, extract, analyse) costs about 50-70 ms "
            "on this machine, so the additions are about 1 % of it.\n\n"
            "| step | ms a page |\n|---|---|\n" + "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--timeout", type=float, default=120.0)
    options = parser.parse_args()
    rows = []
    for case in CASES:
        if options.only and case.name not in options.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            outcome = run_case(case, Path(tmp), options.timeout)
        ended = outcome.rc is not None
        results = "; ".join(f"{src}: {status} {what}" for src, status, what in outcome.inputs)
        ok = ended and outcome.rc == 0 and outcome.rss_mb < RSS_LIMIT_MB and outcome.inputs
        rows.append(f"| {case.name} | {case.what} | {results or '(nothing stored)'} | "
                    f"{', '.join(outcome.notes) or '-'} | {outcome.dyad_days} | "
                    f"{outcome.seconds:.1f} | {outcome.rss_mb:.0f} | "
                    f"{outcome.rc if ended else 'killed'} | {'yes' if ok else 'NO'} |")
        print(rows[-1], flush=True)
    header = ("# Limits: issue 13's probe cases end to end\n\n"
              "`.venv/bin/python bench/bench_limits.py` — each case alone through `wirewatch run`"
              " (loop executor, analysis on, watch rebuilt) in a fresh process on a fresh SQLite "
              "file; the time includes starting Python and loading the model (about 3-5 s); "
              f"peak RSS is the process's ru_maxrss. Bar: a stored article or a recorded reason "
              f"for every input, exit 0, under {RSS_LIMIT_MB} MB.\n\n"
              f"Load average when run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(the machine is shared: times are wall-clock and include waiting for a CPU).\n\n"
              "| case | input | inputs rows (source: status reason/article) | notes (drops) "
              "| dyad days | s | peak MB | rc | within |\n"
              "|---|---|---|---|---|---|---|---|---|\n")
    out = BENCH / "results" / "limits.md"
    out.write_text(header + "\n".join(rows) + "\n" + cost_table(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
