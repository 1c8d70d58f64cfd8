"""Store round-trips, replacement on re-store, queries and migrations (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import make_analysis
from wirewatch.errors import NotFoundError, QueryError, StoreError
from wirewatch.records import Analysis, Article, Drop, Skip
from wirewatch.store import (
    ArticleFilter,
    EventFilter,
    InputResult,
    Store,
    migrations,
    open_store,
    writer,
)


def test_round_trip_keeps_every_field(store: Store) -> None:
    analysis = make_analysis()
    store.save_analysis(analysis)
    assert store.get_article("a1") == analysis
    body = store.get_article("a1").article.body_text
    quote = analysis.quotes[0]
    assert body[quote.start:quote.end] == quote.text


def test_restore_replaces_children_instead_of_duplicating(store: Store) -> None:
    store.save_analysis(make_analysis(n_events=3))
    store.save_analysis(make_analysis(n_events=3))
    assert store.counts()["events"] == 3
    smaller = make_analysis(n_events=1)
    store.save_analysis(smaller)
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["quotes"], counts["drops"]) == (
        1, 1, 1, 1)
    assert store.get_article("a1") == smaller


def test_get_article_missing_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_article("nope")


@pytest.mark.parametrize("stored_before", [False, True])
def test_batch_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch,
                                 stored_before: bool) -> None:
    # All new (written with one statement per table) or stored before (one input at a time):
    # an error on the second input's row leaves the database as it was.
    items = [InputResult(f"s{i}", "h", analysis=make_analysis(f"a{i}")) for i in range(3)]
    if stored_before:
        store.save_batch(items, run_id="r0")
    before = store.counts()
    calls = {"n": 0}
    real = writer.input_row

    def failing_second(**kwargs: Any) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sa.exc.OperationalError("insert", {}, Exception("disk full"))
        return real(**kwargs)

    monkeypatch.setattr(writer, "input_row", failing_second)
    with pytest.raises(StoreError, match="disk full"):
        store.save_batch(items, run_id="r")
    assert calls["n"] == 2
    assert store.counts() == before


def test_inputs_record_skips_and_unchanged_content(store: Store) -> None:
    store.save_batch(
        [
            InputResult("a.txt", "h1", analysis=make_analysis("a1")),
            InputResult("b.bin", None, skip=Skip("b.bin", "binary", "contains NUL bytes")),
        ],
        run_id="r1",
    )
    store.save_skip(Skip("c.html", "no_article", "no article text found"))
    assert store.is_unchanged("a.txt", "h1")
    assert not store.is_unchanged("a.txt", "h2")
    assert not store.is_unchanged("new.txt", "h1")
    counts = store.counts()
    assert counts["skipped.binary"] == 1
    assert counts["skipped.no_article"] == 1
    assert counts["inputs"] == 3
    rows = {r["source"]: r for r in store.iter_rows("inputs")}
    assert rows["a.txt"]["article_id"] == "a1"
    assert rows["b.bin"]["detail"] == "contains NUL bytes"


def test_runs_are_recorded(store: Store) -> None:
    run_id = store.start_run(analyzed=False)
    store.finish_run(run_id, status="done", pages_read=3, articles_stored=2, unchanged=0,
                     skipped={"empty": 1})
    (row,) = list(store.iter_rows("runs"))
    assert row["status"] == "done" and row["pages_read"] == 3 and row["finished"]
    assert row["skipped"] == '{"empty":1}'


def test_list_events_filters(store: Store) -> None:
    store.save_analysis(make_analysis("a1", site="one.example", n_events=2))
    store.save_analysis(make_analysis("a2", site="two.example", published="2024-04-01",
                                      n_events=1))
    assert len(store.list_events()) == 3
    assert len(store.list_events(EventFilter(site="two.example"))) == 1
    assert len(store.list_events(EventFilter(actor="CHN"))) == 3
    assert len(store.list_events(EventFilter(source="CHN"))) == 0
    assert len(store.list_events(EventFilter(source="USA", target="CHN"))) == 3
    # The event with its own date (2024-03-04) is filtered on that date, not the article's.
    days = [e.day for e in store.list_events(EventFilter(until="2024-03-04"))]
    assert days == ["2024-03-04"]
    assert len(store.list_events(EventFilter(since="2024-03-05", until="2024-03-31"))) == 1
    assert len(store.list_events(limit=2)) == 2
    assert len(store.list_events(limit=2, offset=2)) == 1
    first = store.list_events(EventFilter(article_id="a2"))[0]
    assert first.event.coder == "wirewatch.events/1" and first.site == "two.example"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 10_000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"filters": EventFilter(since="yesterday")}, "since"),
    ],
)
def test_list_events_rejects_bad_parameters(store: Store, kwargs: dict[str, object],
                                            message: str) -> None:
    with pytest.raises(QueryError, match=message):
        store.list_events(**kwargs)  # type: ignore[arg-type]


def test_list_articles_filters_and_orders_newest_first(store: Store) -> None:
    store.save_analysis(make_analysis("a1", site="one.example", published="2024-03-05"))
    store.save_analysis(make_analysis("a2", site="two.example", published="2024-04-01T08:00"))
    store.save_analysis(make_analysis("a3", site="two.example", published=None))
    assert [a.id for a in store.list_articles()] == ["a2", "a1", "a3"]
    assert [a.id for a in store.list_articles(ArticleFilter(site="two.example"))] == [
        "a2", "a3"]
    assert [a.id for a in store.list_articles(ArticleFilter(until="2024-04-01"))] == [
        "a2", "a1"]
    assert [a.id for a in store.list_articles(ArticleFilter(since="2024-03-06"))] == ["a2"]
    with pytest.raises(QueryError):
        store.list_articles(ArticleFilter(since="05/03/2024"))


def test_analysis_drops_are_stored_apart_from_the_article_lines(store: Store) -> None:
    event_drop = Drop("event.no_actor", "allow: allowed")
    analysis = dataclasses.replace(make_analysis(), drops=(event_drop,))
    store.save_analysis(analysis)
    back = store.get_article("a1")
    assert back.drops == (event_drop,)
    assert back.article.drops == analysis.article.drops
    assert next(store.iter_articles()).drops == analysis.article.drops
    with store.connect() as conn:
        reasons = [r.reason for r in conn.execute(sa.text("SELECT reason FROM drops"))]
    assert sorted(reasons) == sorted([d.reason for d in analysis.article.drops] + [
        "event.no_actor"])


def test_iter_articles_returns_articles_with_drops(store: Store) -> None:
    for i in range(3):
        store.save_analysis(make_analysis(f"a{i}"))
    articles = list(store.iter_articles())
    assert [a.id for a in articles] == ["a0", "a1", "a2"]
    assert articles[0].drops == (Drop("chrome.share", "Share this", 4),)


def test_migrations_are_recorded_once_and_new_ones_append(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url) as first:
        assert first.schema_version() == len(migrations.MIGRATIONS)
    extra = sa.Table("extra_things", sa.MetaData(), sa.Column("id", sa.Integer,
                                                               primary_key=True))

    def add_extra(conn: sa.Connection) -> None:
        extra.create(conn)

    version = migrations.MIGRATIONS[-1].version + 1
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        [*migrations.MIGRATIONS, migrations.Migration(version, "x", add_extra)])
    with open_store(store_url) as second:
        assert second.schema_version() == version
        with second.connect() as conn:
            assert sa.inspect(conn).has_table("extra_things")
    with open_store(store_url) as third:  # nothing left to apply: no error, same version
        assert third.schema_version() == version
        rows = list(third.iter_rows("schema_migrations"))
        assert [r["version"] for r in rows] == list(range(1, version + 1))


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.db") as store, store.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar_one() == "wal"


def test_unwritable_location_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing-dir" / "x.db")
    with pytest.raises(StoreError):
        open_store(tmp_path)  # a directory, not a file


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=40)
_opt = st.none() | _text


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=_opt, published=_opt, authors=st.lists(_text, max_size=3),
    body=st.lists(_text, max_size=4), drops=st.lists(st.builds(Drop, _text, _text,
                                                                st.integers(-1, 10**6)),
                                                      max_size=3),
)
def test_any_article_round_trips(store: Store, title: str | None, published: str | None,
                                 authors: list[str], body: list[str],
                                 drops: list[Drop]) -> None:
    base = make_analysis("h1", n_events=0)
    article = dataclasses.replace(base.article, title=title, published=published,
                                  authors=tuple(authors), body=tuple(body), drops=tuple(drops))
    analysis = Analysis(article=article)
    store.save_analysis(analysis)
    store.save_analysis(analysis)  # storing twice == storing once
    assert store.get_article("h1") == analysis
    assert store.counts()["articles"] == 1
    assert isinstance(next(iter(store.iter_articles())), Article)


def test_changed_input_replaces_its_old_article(store: Store) -> None:
    store.save_batch([InputResult("a.txt", "h1", analysis=make_analysis("old"))], run_id="r1")
    store.save_batch([InputResult("a.txt", "h2", analysis=make_analysis("new"))], run_id="r2")
    assert [a.id for a in store.iter_articles()] == ["new"]
    assert store.counts()["events"] == 2
    with pytest.raises(NotFoundError):
        store.get_article("old")


def test_iter_articles_pages_through_everything(store: Store) -> None:
    from wirewatch.store import reader

    for i in range(7):
        store.save_analysis(make_analysis(f"a{i}"))
    with store.connect() as conn:
        ids = [a.id for a in reader.iter_articles(conn, page_size=3)]
    assert ids == [f"a{i}" for i in range(7)]


def test_event_day_indexes_exist(store: Store) -> None:
    with store.connect() as conn:
        names = {ix["name"] for ix in sa.inspect(conn).get_indexes("events")}
    assert {"ix_events_type_day", "ix_events_site_day", "ix_events_source_code"} <= names


def test_nul_and_lone_surrogates_are_stored_as_replacement_characters(store: Store) -> None:
    base = make_analysis("nul")
    body = ("Officials\x00 met \ud800 here.", *base.article.body[1:])
    article = dataclasses.replace(base.article, title="a\x00b\udfff", body=body)
    store.save_analysis(Analysis(article=article))
    stored = store.get_article("nul").article
    assert stored.title == "a\ufffdb\ufffd"
    assert stored.body[0] == "Officials\ufffd met \ufffd here."
    assert len(stored.body_text) == len(article.body_text)


def test_short_flag_round_trips(store: Store) -> None:
    analysis = make_analysis()
    short = dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, short=True))
    store.save_analysis(short)
    assert store.get_article("a1").article.short
    store.save_analysis(analysis)
    assert not store.get_article("a1").article.short


def test_quote_speaker_offsets_round_trip(store: Store) -> None:
    analysis = make_analysis()
    store.save_analysis(analysis)
    [quote] = store.get_article("a1").quotes
    assert (quote.speaker_start, quote.speaker_end) == (analysis.quotes[0].speaker_start,
                                                        analysis.quotes[0].speaker_end)
    assert quote.speaker_start is not None


def test_migration_6_adds_speaker_offsets_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store, store.connect() as conn:  # make it look pre-migration-6
        conn.execute(sa.text("ALTER TABLE quotes DROP COLUMN speaker_start"))
        conn.execute(sa.text("ALTER TABLE quotes DROP COLUMN speaker_end"))
        conn.execute(sa.text("DELETE FROM schema_migrations WHERE version = 6"))
        conn.commit()
    with open_store(path) as store:
        assert store.schema_version() == migrations.MIGRATIONS[-1].version
        store.save_analysis(make_analysis())
        [quote] = store.get_article("a1").quotes
        assert quote.speaker_start is not None and quote.speaker_end is not None


def test_migration_4_adds_short_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store, store.connect() as conn:  # make it look pre-migration-4
        conn.execute(sa.text("ALTER TABLE articles DROP COLUMN short"))
        conn.execute(sa.text("DELETE FROM schema_migrations WHERE version = 4"))
        conn.commit()
    with open_store(path) as store:
        assert store.schema_version() == migrations.MIGRATIONS[-1].version
        store.save_analysis(make_analysis())
        assert store.get_article("a1").article.short is False
