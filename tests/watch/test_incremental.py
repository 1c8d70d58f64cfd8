"""The incremental watch stage leaves the tables a full rebuild leaves, whatever the order and
the batches the articles arrive in, with re-stored and replaced articles on the way."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store import conftest as store_fixtures
from tests.watch.synthetic import base_texts, make_analysis, vocabulary
from wirewatch.records import Analysis
from wirewatch.store import InputResult, Store, open_store
from wirewatch.store.watch_index_schema import INDEX_TABLES, PAIR_TABLES
from wirewatch.store.watch_schema import WATCH_TABLES, watch_state
from wirewatch.watch.rebuild import ensure_fresh, is_stale, rebuild_watch, update_watch

store_url = store_fixtures.store_url
SURROGATE = {"id", "stored_at", "built_at"}  # row ids and times differ between two databases


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every watch and index table as sorted rows, without surrogate ids (event mentions keep
    their order within a merged event: the API lists them by id)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.connect() as conn:
        for table in (*WATCH_TABLES, *INDEX_TABLES, *PAIR_TABLES):
            if table is watch_state:
                continue
            cols = [c for c in table.columns if c.name not in SURROGATE]
            order = [table.c.merged_id, table.c.id] if table.name == "event_mentions" else cols
            rows = conn.execute(sa.select(*cols).order_by(*order)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def _world(seed: int, n: int) -> list[Analysis]:
    rng = random.Random(seed)
    vocab = vocabulary(150)
    bases = base_texts(rng, 5, 30, vocab)
    return [make_analysis(rng, i, bases, vocab, days=6) for i in range(n)]


def _store_all(store: Store, analyses: list[Analysis]) -> None:
    store.save_batch([InputResult(a.article.source, a.article.id, analysis=a) for a in analyses],
                     run_id="test")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), n=st.integers(1, 28), data=st.data())
def test_incremental_equals_full_rebuild(tmp_path: Path, seed: int, n: int,
                                         data: st.DataObject) -> None:
    world = _world(seed, n)
    order = data.draw(st.permutations(range(n)))
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, n - 1)), max_size=4)))
    # Some articles are first stored in another version: other events (re-stored, same id),
    # or another body under the same source (the old article is replaced and deleted).
    rewritten = data.draw(st.sets(st.sampled_from(range(n)), max_size=3))
    path = tmp_path / f"inc-{seed}-{n}.db"
    path.unlink(missing_ok=True)
    with open_store(path) as inc:
        first_version = {i: _earlier_version(world[i], i) for i in rewritten}
        _store_all(inc, [first_version[i] for i in sorted(first_version)])
        update_watch(inc)
        for start, end in zip([0, *cuts], [*cuts, n], strict=True):
            _store_all(inc, [world[i] for i in order[start:end]])
            update_watch(inc)
        incremental = dump(inc)
    full_path = tmp_path / f"full-{seed}-{n}.db"
    full_path.unlink(missing_ok=True)
    with open_store(full_path) as full:
        _store_all(full, world)
        rebuild_watch(full)
        assert dump(full) == incremental


def _earlier_version(analysis: Analysis, i: int) -> Analysis:
    article = analysis.article
    if i % 2:  # same article, other events: a re-store
        return replace(analysis, events=analysis.events[:1])
    body = ("an earlier text of this page", *article.body[1:])
    return replace(analysis, article=replace(article, id=f"{article.id}-old", body=body))


def test_update_is_incremental_and_full_rebuild_agrees(store_url: str) -> None:
    world = _world(7, 60)
    with open_store(store_url) as store:
        assert is_stale(store)
        _store_all(store, world[:40])
        first = update_watch(store)
        assert first.full  # never built: a full rebuild
        assert not is_stale(store) and ensure_fresh(store) is None
        _store_all(store, world[40:])
        second = update_watch(store)
        assert not second.full and second.added == 20 and second.removed == 0
        incremental = dump(store)
        again = rebuild_watch(store)
        assert again.full and again.articles == 60
        assert dump(store) == incremental
        assert incremental["stories"] and incremental["merged_events"]


@pytest.mark.parametrize("n", [0, 1])
def test_update_of_an_empty_or_tiny_store(tmp_path: Path, n: int) -> None:
    with open_store(tmp_path / "w.db") as store:
        _store_all(store, _world(3, n))
        summary = update_watch(store)
        assert summary.articles == n and summary.stories == n
        assert update_watch(store).added == 0


def test_dyad_pairs_hold_each_pairs_totals_and_windows(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from wirewatch.store.watch_index_schema import dyad_pairs
    from wirewatch.store.watch_schema import dyad_days
    from wirewatch.web.queries import pairs_overview

    world = _world(11, 60)
    with open_store(tmp_path / "w.db") as store:
        _store_all(store, world[:30])
        update_watch(store)
        _store_all(store, world[30:])
        update_watch(store)  # incremental: the last day may move
        with store.connect() as conn:
            days = conn.execute(sa.select(dyad_days)).mappings().all()
            pairs = {(r["source"], r["target"]): r
                     for r in conn.execute(sa.select(dyad_pairs)).mappings()}
        last = date.fromisoformat(max(d["day"] for d in days))
        recent_from = (last - timedelta(days=6)).isoformat()
        prior_from = (last - timedelta(days=13)).isoformat()
        assert set(pairs) == {(d["source"], d["target"]) for d in days}
        for (source, target), row in pairs.items():
            mine = [d for d in days if (d["source"], d["target"]) == (source, target)]
            assert row["events"] == sum(d["events"] for d in mine)
            recent = sum(d["tension"] for d in mine if d["day"] >= recent_from)
            prior = sum(d["tension"] for d in mine if prior_from <= d["day"] < recent_from)
            assert row["escalation"] == pytest.approx(recent - prior, abs=1e-6)
        overview = pairs_overview(store, order="active", limit=3)
        ranked = sorted(pairs.values(), key=lambda r: (-r["events"], r["source"], r["target"]))
        assert [(p["source"], p["target"]) for p in overview["pairs"]] == [
            (r["source"], r["target"]) for r in ranked[:3]]
        assert all(len(p["spark"]) == 30 for p in overview["pairs"])
