"""rebuild_watch: from stored articles and events to the watch tables, and staleness."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa

from tests.store import conftest as store_fixtures
from wirewatch.records import Actor, Analysis, Article, Event
from wirewatch.store import open_store
from wirewatch.store.watch_schema import alerts, dyad_days, merged_events, stories
from wirewatch.watch.rebuild import ensure_fresh, is_stale, rebuild_watch
from wirewatch.web.queries import day_events, get_story, list_stories, pairs_overview

# The store's fixture: each test runs on SQLite, and on PostgreSQL when one is available.
store_url = store_fixtures.store_url


def _event(day: str, intensity: float = -3.5) -> Event:
    return Event(
        type="THREATEN",
        mode=None,
        source=(Actor("Russia", "RUS"),),
        target=(Actor("NATO", "NATO"),),
        modality="asserted",
        attribution=None,
        intensity=intensity,
        quad="VERBAL CONFLICT",
        trigger="threatened",
        sentence="Russia threatened NATO.",
        start=0,
        end=23,
        rule="test",
        coder="test/1",
        date=day,
    )


def _analysis(aid: str, site: str, day: str, body: str, n_events: int = 1) -> Analysis:
    art = Article(
        id=aid, source=f"{aid}.txt", form="text", site=site, title=aid, published=day, body=(body,)
    )
    return Analysis(
        article=art,
        events=tuple(_event(day) for _ in range(n_events)),
        actors=(Actor("Russia", "RUS"), Actor("NATO", "NATO")),
    )


def test_rebuild_writes_stories_merged_events_and_dyad_days(store_url: str) -> None:
    body = (
        "Russia threatened NATO with a military response after the alliance moved "
        "troops toward the border, the foreign ministry said in a statement on Monday."
    )
    with open_store(store_url) as store:
        assert is_stale(store)
        store.save_analysis(_analysis("a1", "one.example", "2024-03-01", body))
        store.save_analysis(_analysis("a2", "two.example", "2024-03-01", body))
        summary = rebuild_watch(store)
        assert summary.articles == 2
        assert summary.duplicates == 1
        assert summary.stories == 1
        assert summary.merged_events == 1
        assert not is_stale(store)
        assert ensure_fresh(store) is None
        with store.connect() as conn:
            (row,) = conn.execute(sa.select(merged_events)).mappings()
            assert row["outlets"] == 1  # the second site republished the first
            assert row["mentions"] == 2
            (day,) = conn.execute(sa.select(dyad_days)).mappings()
            assert day["tension"] == 3.5
            assert conn.execute(sa.select(sa.func.count()).select_from(stories)).scalar() == 1
        store.save_analysis(_analysis("a3", "three.example", "2024-03-02", "Other words."))
        assert is_stale(store)
        refreshed = ensure_fresh(store)
        assert refreshed is not None and refreshed.articles == 3


def test_an_escalation_in_stored_events_raises_an_alert(store_url: str) -> None:
    with open_store(store_url) as store:
        for i in range(12):  # a quiet RUS->NATO threat a day, each in its own words
            store.save_analysis(
                _analysis(
                    f"d{i}",
                    "one.example",
                    f"2024-03-{i + 1:02d}",
                    f"Distinct report number {i} about the border.",
                )
            )
        for k, type_ in enumerate(("COERCE", "ASSAULT", "MOBILIZE")):  # then three hard events
            spike = _analysis(f"s{k}", f"s{k}.example", "2024-03-12", f"Spike {k} words here.")
            hard = replace(_event("2024-03-12", -7.0), type=type_, quad="MATERIAL CONFLICT")
            store.save_analysis(replace(spike, events=(hard,)))
        rebuild_watch(store)
        with store.connect() as conn:
            found = list(conn.execute(sa.select(alerts)).mappings())
        assert [(a["source"], a["target"], a["day"]) for a in found] == [
            ("RUS", "NATO", "2024-03-12")
        ]
        assert found[0]["tension"] >= 3 * 7.0
        # The dashboard's queries run on both databases
        overview = pairs_overview(store, order="escalating", limit=5)
        assert (overview["pairs"][0]["source"], overview["pairs"][0]["target"]) == ("RUS",
                                                                                    "NATO")
        assert overview["pairs"][0]["alerts"] == 1
        assert day_events(store, "RUS", "NATO", "2024-03-12")[0]["mentions"]
        (story,) = list_stories(store, since=None, until=None, min_articles=1, limit=1,
                                offset=0)
        assert get_story(store, story["id"])["members"]
