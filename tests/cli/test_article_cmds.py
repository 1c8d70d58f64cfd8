"""The article commands through click's CliRunner: run, extract, show, export, exit codes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.sample_pages import html_page, text_page, write_pages
from wirewatch.cli import main
from wirewatch.store import open_store


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def filled_db(tmp_path: Path, runner: CliRunner) -> Path:
    write_pages(tmp_path / "pages", 3)
    db = tmp_path / "w.db"
    result = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", str(db),
                                  "--no-analyze"])
    assert result.exit_code == 0, result.output
    return db


def test_run_prints_a_summary_and_is_idempotent(tmp_path: Path, runner: CliRunner) -> None:
    write_pages(tmp_path / "pages", 4)
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "w.db")
    first = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze"])
    assert first.exit_code == 0, first.output
    assert "pages read       5" in first.stdout
    assert "articles stored  4" in first.stdout
    assert "empty" in first.stdout and "empty.txt" in first.stdout
    second = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze"])
    assert "articles stored  0" in second.stdout and "unchanged        4" in second.stdout
    with open_store(db) as store:
        assert store.counts()["articles"] == 4


def test_run_with_workers_and_progress_flag(tmp_path: Path, runner: CliRunner) -> None:
    write_pages(tmp_path / "pages", 5)
    db = str(tmp_path / "w.db")
    result = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze",
                                  "--workers", "2", "--progress"])
    assert result.exit_code == 0, result.output
    assert "articles stored  5" in result.stdout


def test_extract_json_lines_and_skips_on_stderr(tmp_path: Path, runner: CliRunner) -> None:
    write_pages(tmp_path, 2)
    (tmp_path / "page.html").write_text(html_page(7), encoding="utf-8")
    (tmp_path / "zero.txt").write_bytes(b"")
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    assert list(records[0])[:4] == ["id", "source", "form", "url"]  # field order of Article
    assert {r["form"] for r in records} == {"text", "html"}
    assert "zero.txt: empty" in result.stderr
    assert "zero.txt" not in result.stdout


def test_extract_keeps_a_short_article_flagged(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "brief.html").write_text(
        "<html><head><title>Polls open</title></head><body><article><h1>Polls open</h1>"
        "<p>Polls close at eight tonight across the islands.</p></article></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["extract", str(tmp_path / "brief.html")])
    assert result.exit_code == 0, result.output
    (record,) = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert record["short"] is True
    assert record["body"] == ["Polls close at eight tonight across the islands."]


def test_extract_reads_stdin_as_text(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "-", "--format", "text"], input=text_page(3))
    assert result.exit_code == 0, result.output
    assert "round 3 of talks" in result.stdout
    assert result.stdout.startswith("# ")


def test_show_json_and_text(filled_db: Path, runner: CliRunner) -> None:
    with open_store(filled_db) as store:
        article_id = next(store.iter_articles()).id
    shown = runner.invoke(main, ["show", article_id, "--db", str(filled_db)])
    assert shown.exit_code == 0, shown.output
    record = orjson.loads(shown.stdout)
    assert list(record) == ["article", "quotes", "events", "actors", "drops"]
    assert record["article"]["id"] == article_id
    text = runner.invoke(main, ["show", article_id, "--db", str(filled_db), "--format", "text"])
    assert f"id: {article_id}" in text.stdout


def test_show_unknown_id_is_one_line_and_exit_1(filled_db: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["show", "0000000000000000", "--db", str(filled_db)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no article" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_to_stdout(filled_db: Path, runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(main, ["export", "--format", fmt, "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [orjson.loads(line) for line in result.stdout.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert all(r["source"].endswith(".txt") for r in rows)


def test_export_parquet_needs_output_and_writes_it(filled_db: Path, tmp_path: Path,
                                                   runner: CliRunner) -> None:
    missing = runner.invoke(main, ["export", "--format", "parquet", "--db", str(filled_db)])
    assert missing.exit_code == 2
    out = tmp_path / "inputs.parquet"
    result = runner.invoke(main, ["export", "--format", "parquet", "--table", "inputs",
                                  "--output", str(out), "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 3


def test_usage_errors_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "w.db")
    assert runner.invoke(main, ["run", "--db", db]).exit_code == 2  # no paths
    assert runner.invoke(main, ["run", str(tmp_path / "nope"), "--db", db]).exit_code == 2
    assert runner.invoke(main, ["run", str(tmp_path), "--workers", "0"]).exit_code == 2
    assert runner.invoke(main, ["export", "--format", "xml", "--db", db]).exit_code == 2


def test_unwritable_database_exits_1(tmp_path: Path, runner: CliRunner) -> None:
    write_pages(tmp_path / "pages", 1)
    garbage = tmp_path / "garbage.db"
    garbage.write_text("not a database, only text " * 10, encoding="utf-8")
    for db in (tmp_path / "no-such-dir" / "w.db", tmp_path / "pages", garbage):
        result = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", str(db)])
        assert result.exit_code == 1
        assert "cannot open the database" in result.stderr
        assert "Traceback" not in result.output


def test_run_rebuilds_the_watch_tables_unless_told_not_to(tmp_path: Path,
                                                          runner: CliRunner) -> None:
    write_pages(tmp_path / "pages", 2)
    db = str(tmp_path / "w.db")
    skipped = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze",
                                   "--no-watch"])
    assert skipped.exit_code == 0 and "watch rebuilt" not in skipped.stdout
    built = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze"])
    assert built.exit_code == 0, built.output
    assert "watch rebuilt" in built.stdout
    again = runner.invoke(main, ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze"])
    assert "watch rebuilt" not in again.stdout  # nothing changed: the tables are fresh


def test_run_reads_stdin(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "w.db")
    result = runner.invoke(main, ["run", "-", "--db", db, "--no-analyze"], input=text_page(5))
    assert result.exit_code == 0, result.output
    assert "articles stored  1" in result.stdout
    with open_store(db) as store:
        assert next(store.iter_articles()).source == "-"


def test_extract_survives_an_extractor_bug(tmp_path: Path, runner: CliRunner,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import wirewatch.extract

    def broken(page: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(wirewatch.extract, "extract_page", broken)
    write_pages(tmp_path, 1)
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert "extract_error (ZeroDivisionError: division by zero)" in result.stderr


def test_extract_analyze_outputs_analyses_in_input_order(tmp_path: Path,
                                                        runner: CliRunner) -> None:
    write_pages(tmp_path, 3)
    result = runner.invoke(main, ["extract", str(tmp_path), "--analyze"])
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in records] == [["article", "quotes", "events", "actors", "drops"]] * 3
    assert [r["article"]["source"] for r in records] == sorted(
        str(p) for p in tmp_path.glob("*.txt"))


def test_run_force_processes_unchanged_pages_again(filled_db: Path, tmp_path: Path,
                                                    runner: CliRunner) -> None:
    args = ["run", str(tmp_path / "pages"), "--db", str(filled_db), "--no-analyze"]
    assert "unchanged        3" in runner.invoke(main, args).stdout
    forced = runner.invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "articles stored  3" in forced.stdout and "unchanged        0" in forced.stdout


@pytest.mark.parametrize("command", [["show", "abc"], ["export"]])
def test_reading_commands_do_not_create_a_database(tmp_path: Path, runner: CliRunner,
                                                   command: list[str]) -> None:
    db = tmp_path / "missing.db"
    result = runner.invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert f"no database at {db}" in result.stderr
    assert not db.exists()
