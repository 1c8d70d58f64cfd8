"""The executor: storing, re-runs that add nothing, resume after SIGKILL, isolation of failures."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import orjson
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

import wirewatch.analyze.pipeline
import wirewatch.extract
from tests.sample_pages import text_page, write_pages
from tests.store.conftest import store_url  # noqa: F401 - the sqlite/postgres fixture
from wirewatch.records import Actor, Analysis, Article, Event, Page, Quote
from wirewatch.run import content_hash, run_pages, run_paths
from wirewatch.store import Store, open_store, schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:  # noqa: F811
    with open_store(store_url) as opened:
        yield opened


def article_ids(store: Store) -> list[str]:
    return [row["id"] for row in store.iter_rows("articles")]


def test_run_stores_articles_and_rerun_adds_nothing(tmp_path: Path, store: Store) -> None:
    write_pages(tmp_path / "pages", 6)
    first = run_paths([str(tmp_path / "pages")], store, analyze=False)
    assert (first.pages_read, first.articles_stored, first.unchanged) == (6, 6, 0)
    before = store.counts()
    second = run_paths([str(tmp_path / "pages")], store, analyze=False)
    assert (second.pages_read, second.articles_stored, second.unchanged) == (6, 0, 6)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"}
    runs = list(store.iter_rows("runs"))
    assert [r["status"] for r in runs] and {r["status"] for r in runs} == {"done"}


def test_changed_file_is_processed_again_and_replaces_its_article(
    tmp_path: Path, store: Store
) -> None:
    paths = write_pages(tmp_path / "pages", 3)
    run_paths([str(tmp_path / "pages")], store, analyze=False)
    old_ids = set(article_ids(store))
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("Tuesday", "Friday"),
                        encoding="utf-8")
    summary = run_paths([str(tmp_path / "pages")], store, analyze=False)
    assert (summary.articles_stored, summary.unchanged) == (1, 2)
    new_ids = set(article_ids(store))
    assert len(new_ids) == 3 and len(new_ids - old_ids) == 1


def test_content_hash_depends_on_content_not_object() -> None:
    a = Page(source="x", form="text", content="hello")
    assert content_hash(a) == content_hash(Page(source="x", form="text", content="hello"))
    assert content_hash(a) != content_hash(Page(source="x", form="text", content="hello!"))
    assert content_hash(a) != content_hash(Page(source="x", form="html", content="hello"))


def _fake_analysis(articles: Sequence[Article]) -> list[Analysis]:
    usa, chn = Actor("United States", "USA", "GOV"), Actor("China", "CHN", "GOV")
    results = []
    for article in articles:
        sentence = article.body[0]
        event = Event(type="CONSULT", mode=None, source=(usa,), target=(chn,),
                      modality="asserted", attribution=None, intensity=1.0,
                      quad="VERBAL COOPERATION", trigger="met", sentence=sentence, start=0,
                      end=len(sentence), rule="test", coder="fake.coder/7")
        quote = Quote(text=sentence[:10], kind="partial", speaker=usa, cue=None, start=0,
                      end=10)
        results.append(Analysis(article=article, quotes=(quote,), events=(event,),
                                actors=(usa, chn)))
    return results


def test_run_stores_quotes_events_actors_and_rerun_replaces(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wirewatch.analyze.pipeline, "analyze_articles", _fake_analysis)
    write_pages(tmp_path / "pages", 4)
    summary = run_paths([str(tmp_path / "pages")], store)
    assert (summary.events_stored, summary.quotes_stored) == (4, 4)
    counts = store.counts()
    assert (counts["events"], counts["quotes"], counts["actors"]) == (4, 4, 8)
    assert {e.event.coder for e in store.list_events()} == {"fake.coder/7"}
    # Force a re-analysis of the same content: rows are replaced, not added.
    with store.transaction() as conn:
        conn.execute(sa.update(schema.inputs).values(content_hash="stale"))
    again = run_paths([str(tmp_path / "pages")], store)
    assert again.articles_stored == 4
    assert store.counts()["events"] == 4 and store.counts()["actors"] == 8


def test_analysis_failure_stores_article_unanalysed_and_goes_on(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def flaky(articles: Sequence[Article]) -> list[Analysis]:
        if any("Nairobi" in a.body_text for a in articles):
            raise RuntimeError("model crashed")
        return _fake_analysis(articles)

    monkeypatch.setattr(wirewatch.analyze.pipeline, "analyze_articles", flaky)
    write_pages(tmp_path / "pages", 3)  # page 1 is about Nairobi
    summary = run_paths([str(tmp_path / "pages")], store)
    assert summary.articles_stored == 3
    assert len(summary.not_analyzed) == 1
    failed_id, error = summary.not_analyzed[0]
    assert error == "analysis failed: RuntimeError: model crashed"
    assert store.counts()["events"] == 2
    flags = {r["id"]: r["analyzed"] for r in store.iter_rows("articles")}
    assert flags[failed_id] in (False, 0)
    inputs = {r["article_id"]: r for r in store.iter_rows("inputs")}
    assert inputs[failed_id]["status"] == "stored" and inputs[failed_id]["detail"] == error
    # The next run with analysis tries that article again (it is stored unanalysed).
    monkeypatch.setattr(wirewatch.analyze.pipeline, "analyze_articles", _fake_analysis)
    again = run_paths([str(tmp_path / "pages")], store)
    assert (again.articles_stored, again.unchanged) == (1, 2)
    assert store.counts()["events"] == 3


def test_extractor_bug_becomes_a_skip(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = wirewatch.extract.extract_page

    def buggy(page: Page) -> Article:
        if page.source.endswith("page_001.txt"):
            raise IndexError("list index out of range")
        return real(page)

    monkeypatch.setattr(wirewatch.extract, "extract_page", buggy)
    write_pages(tmp_path / "pages", 3)
    summary = run_paths([str(tmp_path / "pages")], store, analyze=False)
    assert summary.articles_stored == 2
    assert dict(summary.skipped) == {"extract_error": 1}
    assert "IndexError" in summary.skips[0].detail


def test_workers_give_the_same_articles(tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 10)
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        run_paths([str(tmp_path / "pages")], one, analyze=False)
        summary = run_paths([str(tmp_path / "pages")], two, analyze=False, workers=2,
                            batch_size=3)
        assert summary.articles_stored == 10
        assert sorted(article_ids(one)) == sorted(article_ids(two))


KILLER = textwrap.dedent("""
    import os, signal, sys
    from wirewatch.store import open_store, writer
    from wirewatch.run import run_paths

    real = writer.input_row  # each input's row is made inside its batch's transaction
    calls = 0

    def row_then_die(**kwargs):
        global calls
        calls += 1
        if calls == int(sys.argv[3]):  # inside the third batch's open transaction
            os.kill(os.getpid(), signal.SIGKILL)
        return real(**kwargs)

    writer.input_row = row_then_die
    run_paths([sys.argv[1]], open_store(sys.argv[2]), analyze=False, batch_size=4)
""")


def test_resume_after_sigkill_stores_each_article_exactly_once(
    tmp_path: Path, store_url: str  # noqa: F811
) -> None:
    write_pages(tmp_path / "pages", 20)
    db = store_url
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "pages"), db, "10"],
                          env=env, capture_output=True, timeout=120, check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    with open_store(db) as store:
        assert store.counts()["articles"] == 8  # two committed batches of four
        assert [r["status"] for r in store.iter_rows("runs")] == ["running"]
        summary = run_paths([str(tmp_path / "pages")], store, analyze=False)
        assert (summary.unchanged, summary.articles_stored) == (8, 12)
        killed_then_resumed = sorted(article_ids(store))
        assert store.counts()["inputs"] == 20
    with open_store(tmp_path / "clean.db") as clean:
        run_paths([str(tmp_path / "pages")], clean, analyze=False)
        assert sorted(article_ids(clean)) == killed_then_resumed
    assert len(set(killed_then_resumed)) == 20


@settings(max_examples=15, deadline=None)
@given(texts=st.lists(st.text(min_size=0, max_size=400), min_size=1, max_size=4))
def test_ingest_twice_equals_ingest_once(texts: list[str]) -> None:
    pages = [Page(source=f"p{i}.txt", form="text", content=t) for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "h.db") as store:
        first = run_pages(pages, store, analyze=False)
        once = {k: v for k, v in store.counts().items() if k != "runs"}
        second = run_pages(pages, store, analyze=False)
        assert {k: v for k, v in store.counts().items() if k != "runs"} == once
        assert second.articles_stored == 0
        assert second.unchanged == len(pages)
        assert first.articles_stored + first.skipped_total == len(pages)


def test_cli_run_killed_from_outside_then_rerun(tmp_path: Path) -> None:
    """`wirewatch run` SIGKILLed by another process once some batches are in, then again."""
    write_pages(tmp_path / "pages", 150)
    db = tmp_path / "outside.db"
    wirewatch = Path(sys.executable).with_name("wirewatch")
    command = [str(wirewatch), "run", str(tmp_path / "pages"), "--db", str(db), "--no-analyze",
               "--no-watch"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                with sqlite3.connect(db, timeout=30) as conn:
                    try:
                        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    except sqlite3.OperationalError:  # tables not created yet
                        stored = 0
                if stored >= 32:
                    proc.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.02)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    with open_store(db) as store:
        before = store.counts()["articles"]
        assert 32 <= before < 150 and before % 32 == 0  # whole batches only
        summary = run_paths([str(tmp_path / "pages")], store, analyze=False)
        assert summary.unchanged == before
        assert summary.articles_stored == 150 - before
        assert store.counts()["articles"] == 150
        assert len(set(article_ids(store))) == 150


def test_analysis_after_a_no_analyze_run_and_force(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wirewatch.analyze.pipeline, "analyze_articles", _fake_analysis)
    write_pages(tmp_path / "pages", 3)
    pages = [str(tmp_path / "pages")]
    plain = run_paths(pages, store, analyze=False)
    assert plain.articles_stored == 3 and store.counts()["events"] == 0
    analysed = run_paths(pages, store)  # stored without analysis: not "unchanged"
    assert (analysed.articles_stored, analysed.unchanged) == (3, 0)
    assert store.counts()["events"] == 3
    assert run_paths(pages, store).unchanged == 3
    assert run_paths(pages, store, analyze=False).unchanged == 3  # keeps the events
    assert store.counts()["events"] == 3
    forced = run_paths(pages, store, force=True)
    assert (forced.articles_stored, forced.unchanged) == (3, 0)
    assert store.counts()["events"] == 3 and store.counts()["articles"] == 3


def test_a_nul_character_in_a_page_does_not_stop_the_run(tmp_path: Path, store: Store) -> None:
    jsonl = tmp_path / "pages.jsonl"
    text = text_page(2).replace("Diplomats", "Diplo\x00mats")
    jsonl.write_bytes(orjson.dumps({"id": "x", "text": text}) + b"\n")
    summary = run_paths([str(jsonl)], store, analyze=False)
    assert summary.articles_stored == 1, summary.skips
    body = next(store.iter_articles()).body_text
    assert "Diplo\ufffdmats" in body and "\x00" not in body


def test_a_reader_bug_skips_that_path_and_reads_the_others(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wirewatch.read

    real = wirewatch.read.read_pages

    def buggy(paths: Sequence[str], **options: object) -> Iterator[object]:
        if paths[0].endswith("bad"):
            raise RuntimeError("reader exploded")
        return real(paths, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(wirewatch.read, "read_pages", buggy)
    write_pages(tmp_path / "good", 2)
    write_pages(tmp_path / "bad", 2)
    summary = run_paths([str(tmp_path / "bad"), str(tmp_path / "good")], store, analyze=False)
    assert summary.articles_stored == 2
    assert dict(summary.skipped) == {"read_error": 1}
    assert summary.skips[0].source == str(tmp_path / "bad")
