"""Issue 13's process cases: a page over its budget, stop signals, orphan workers, missing DBs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

import wirewatch.extract
from tests.sample_pages import text_page
from wirewatch.cli import main
from wirewatch.cli.article_cmds import PAGE_SECONDS as CLI_PAGE_SECONDS
from wirewatch.records import Analysis, Article, Page
from wirewatch.run import content_hash, process_pages
from wirewatch.run.deadline import PAGE_SECONDS

SLOW = "SLOWPAGE"


def _pages(count: int, slow: int) -> list[tuple[Page, str]]:
    pages = []
    for n in range(count):
        content = text_page(n) + (f"\n{SLOW}\n" if n == slow else "")
        page = Page(source=f"p{n}.txt", form="text", content=content)
        pages.append((page, content_hash(page)))
    return pages


def test_a_page_over_its_extraction_budget_is_a_timeout_and_the_batch_is_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = wirewatch.extract.extract_page

    def stalling(page: Page) -> Article:
        if SLOW in page.content:
            time.sleep(60)
        return real(page)

    monkeypatch.setattr(wirewatch.extract, "extract_page", stalling)
    results = process_pages(_pages(4, slow=2), analyze=False, page_seconds=0.5)
    outcomes = [r.skip.reason if r.skip else "article" for r in results]
    assert sorted(outcomes) == ["article", "article", "article", "timeout"]
    [timed_out] = [r for r in results if r.skip]
    assert timed_out.source == "p2.txt"


def test_an_article_over_its_analysis_budget_is_kept_unanalysed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def stalling(articles: Sequence[Article], **_: object) -> list[Analysis]:
        if any(article.source == "p1.txt" for article in articles):
            time.sleep(60)
        return [Analysis(article=article) for article in articles]

    monkeypatch.setattr("wirewatch.analyze.pipeline.analyze_articles", stalling)
    monkeypatch.setattr("wirewatch.analyze.nlp.load.load_nlp", lambda: None)
    results = process_pages(_pages(3, slow=1), analyze=True, page_seconds=0.5)
    notes = {r.source: (r.analyzed, r.note) for r in results}
    assert notes["p0.txt"] == (True, None) and notes["p2.txt"] == (True, None)
    analyzed, note = notes["p1.txt"]
    assert not analyzed and note is not None and note.startswith("timeout")


def test_the_cli_default_budget_is_the_runs() -> None:
    assert CLI_PAGE_SECONDS == PAGE_SECONDS


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_run_with_130_and_a_failed_run(tmp_path: Path,
                                                                stop: signal.Signals) -> None:
    db = tmp_path / "stop.db"
    wirewatch = Path(sys.executable).with_name("wirewatch")
    proc = subprocess.Popen([str(wirewatch), "run", "-", "--db", str(db), "--no-watch"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 60 and not _run_rows(db):
            time.sleep(0.05)
        proc.send_signal(stop)  # the run waits on its standard input
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert _run_rows(db) == ["failed"]


def _run_rows(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return [row[0] for row in conn.execute("SELECT status FROM runs")]
        except sqlite3.OperationalError:  # tables not created yet
            return []


ORPHAN_SCRIPT = textwrap.dedent("""
    import multiprocessing, os, signal, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from wirewatch.run.interrupt import watch_parent

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=watch_parent, initargs=(os.getpid(),))
        futures = [pool.submit(time.sleep, 120) for _ in range(2)]
        time.sleep(3)
        print(" ".join(str(pid) for pid in pool._processes), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")  # a zombie is gone too
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    script = tmp_path / "orphans.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                         check=False)
    workers = [int(pid) for pid in out.stdout.split()]
    assert len(workers) == 2, out.stderr
    ended = time.monotonic() + 20
    while time.monotonic() < ended and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.parametrize("command", [["tension", "RUS", "NATO"], ["stories"], ["serve"]])
def test_read_only_commands_refuse_a_database_that_does_not_exist(
        tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert "no database at" in result.output
    assert not db.exists()


class _InterruptedWhileDeleted:
    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the KeyboardInterrupt is raised here: only printed


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_interrupt_swallowed_in_a_destructor_still_stops_the_run() -> None:
    from wirewatch.run.interrupt import raise_if_stopped, stop_on_signals

    with stop_on_signals():
        obj = _InterruptedWhileDeleted()
        del obj  # Python prints "Exception ignored in ... __del__" and goes on
        with pytest.raises(KeyboardInterrupt):
            raise_if_stopped()
    raise_if_stopped()  # cleared on leaving: a later run in this process is not stopped
