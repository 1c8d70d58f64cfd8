"""The database that ``wirewatch run examples/pages`` writes: every table the same on every
run, and the batched writes (one statement per table) store exactly what writing one input
at a time stores, row ids and row order included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.db_tables import differences, table_rows
from wirewatch.cli import main
from wirewatch.records import Page
from wirewatch.run import content_hash, process_pages
from wirewatch.store import InputResult, open_store
from wirewatch.store.batch import save_results

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"


@pytest.fixture(scope="module")
def example_results() -> list[InputResult]:
    from wirewatch.read import read_pages

    pages = [(p, content_hash(p)) for p in read_pages([str(EXAMPLES)]) if isinstance(p, Page)]
    return process_pages(pages, True)


def _run(db: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(EXAMPLES), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output


def test_wirewatch_run_twice_writes_the_same_tables(tmp_path: Path) -> None:
    _run(tmp_path / "first.db")
    _run(tmp_path / "second.db")
    assert differences(tmp_path / "first.db", tmp_path / "second.db") == []
    _, articles = table_rows(tmp_path / "first.db")["articles"]
    _, events = table_rows(tmp_path / "first.db")["events"]
    assert len(articles) >= 40 and len(events) > 0  # the comparison compared something


def test_a_changed_row_is_a_difference(tmp_path: Path) -> None:
    _run(tmp_path / "run.db")
    changed = tmp_path / "changed.db"
    changed.write_bytes((tmp_path / "run.db").read_bytes())
    with sqlite3.connect(changed) as conn:
        conn.execute("UPDATE events SET trigger = trigger || 'x' "
                     "WHERE id = (SELECT max(id) FROM events)")
    assert any(line.startswith("events row") for line in
               differences(tmp_path / "run.db", changed))


def test_batched_writes_store_what_one_at_a_time_stores(
    tmp_path: Path, example_results: list[InputResult]
) -> None:
    assert any(r.skip is not None for r in example_results)  # skips are written too
    for name, bulk in (("bulk.db", True), ("one.db", False)):
        with open_store(tmp_path / name) as store, store.transaction() as conn:
            save_results(conn, example_results, run_id="r", now="t", stored_at="t",
                         bulk=bulk)
    assert differences(tmp_path / "bulk.db", tmp_path / "one.db") == []


def test_a_batch_that_replaces_stored_articles_is_written_one_at_a_time(
    tmp_path: Path, example_results: list[InputResult]
) -> None:
    # Stored twice (a --force run): the second batch replaces every article; the result is
    # the same whether the first one was written in bulk or one input at a time.
    for name, bulk in (("bulk.db", True), ("one.db", False)):
        with open_store(tmp_path / name) as store:
            for _ in range(2):
                with store.transaction() as conn:
                    save_results(conn, example_results, run_id="r", now="t", stored_at="t",
                                 bulk=bulk)
    assert differences(tmp_path / "bulk.db", tmp_path / "one.db") == []
    with open_store(tmp_path / "bulk.db") as store:
        assert store.counts()["articles"] == sum(r.analysis is not None for r in example_results)
