"""Event.confidence in the store: round trip, the min_confidence filter, migration 8."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.store.conftest import make_analysis
from wirewatch.errors import QueryError
from wirewatch.records import Analysis
from wirewatch.store import EventFilter, Store, migrations, open_store


def with_confidences(analysis: Analysis, *values: float) -> Analysis:
    events = tuple(dataclasses.replace(e, confidence=c)
                   for e, c in zip(analysis.events, values, strict=False))
    return dataclasses.replace(analysis, events=events)


def test_confidence_round_trips_and_filters(store: Store) -> None:
    analysis = with_confidences(make_analysis(n_events=3), 0.35, 0.6, 0.9)
    store.save_analysis(analysis)
    assert [e.confidence for e in store.get_article("a1").events] == [0.35, 0.6, 0.9]
    kept = store.list_events(EventFilter(min_confidence=0.6))
    assert sorted(e.event.confidence for e in kept) == [0.6, 0.9]
    assert len(store.list_events(EventFilter(min_confidence=0.0))) == 3
    with pytest.raises(QueryError, match="min_confidence"):
        store.list_events(EventFilter(min_confidence=1.5))


def test_migration_8_adds_confidence_and_old_rows_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.save_analysis(with_confidences(make_analysis(n_events=2), 0.2, 0.3))
    with open_store(path) as store, store.connect() as conn:  # make it look pre-migration-8
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN confidence"))
        conn.execute(sa.text("DELETE FROM schema_migrations WHERE version = 8"))
        conn.commit()
    with open_store(path) as store:
        assert store.schema_version() == migrations.MIGRATIONS[-1].version
        assert [e.confidence for e in store.get_article("a1").events] == [1.0, 1.0]
        assert len(store.list_events(EventFilter(min_confidence=0.9))) == 2
