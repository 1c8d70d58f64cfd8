"""Numbered schema migrations, recorded in the ``schema_migrations`` table.

Each migration is a function taking an open transaction (``sqlalchemy.Connection``). They run in
order, each in its own transaction together with the row that records it, so a database is
always at a known version. Never edit a migration that has shipped; append a new one:

    def _m0002_watch_tables(conn: sa.Connection) -> None:
        watch_metadata.create_all(conn, tables=[stories, story_members, ...])

    MIGRATIONS.append(Migration(2, "watch tables", _m0002_watch_tables))

(or add the entry to the ``MIGRATIONS`` list literal below).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from wirewatch.errors import StoreError
from wirewatch.store import schema
from wirewatch.store.migration_lock import migration_lock


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sa.Connection], None]


def _m0001_initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.V1_TABLES))


def _m0002_watch_tables(conn: sa.Connection) -> None:
    # Derived tables of the stories and tension stage (owned by wirewatch.store.watch_schema).
    from wirewatch.store.watch_schema import WATCH_TABLES, watch_metadata

    watch_metadata.create_all(conn, tables=list(WATCH_TABLES))


def _m0003_event_day_indexes(conn: sa.Connection) -> None:
    names = {"ix_events_type_day", "ix_events_modality_day", "ix_events_site_day",
             "ix_events_quad_day"}
    for index in schema.events.indexes:
        if index.name in names:
            index.create(conn, checkfirst=True)


def _m0004_article_short(conn: sa.Connection) -> None:
    # Databases created before Article.short lack the column; migration 1 of a new database
    # already creates it from the current schema.
    columns = {column["name"] for column in sa.inspect(conn).get_columns("articles")}
    if "short" not in columns:
        conn.execute(
            sa.text("ALTER TABLE articles ADD COLUMN short BOOLEAN NOT NULL DEFAULT FALSE"))


def _m0005_poll_tables(conn: sa.Connection) -> None:
    # The continuous mode's state (owned by wirewatch.store.poll_schema).
    from wirewatch.store.poll_schema import POLL_TABLES, poll_metadata

    poll_metadata.create_all(conn, tables=list(POLL_TABLES))


def _m0006_quote_speaker_offsets(conn: sa.Connection) -> None:
    # Databases created before Quote.speaker_start/speaker_end lack the columns; migration 1 of
    # a new database already creates them from the current schema. Old rows keep null.
    columns = {column["name"] for column in sa.inspect(conn).get_columns("quotes")}
    for name in ("speaker_start", "speaker_end"):
        if name not in columns:
            conn.execute(sa.text(f"ALTER TABLE quotes ADD COLUMN {name} INTEGER"))


def _m0007_watch_index(conn: sa.Connection) -> None:
    # The incremental watch stage's index (owned by wirewatch.store.watch_index_schema). A
    # database built before it gets a full rebuild on its next update (no index version).
    from wirewatch.store.watch_index_schema import INDEX_TABLES, index_metadata

    index_metadata.create_all(conn, tables=list(INDEX_TABLES))


def _m0008_event_confidence(conn: sa.Connection) -> None:
    # Databases created before Event.confidence lack the column; old rows keep null (coded
    # before the evidence was scored; ``wirewatch run`` again recodes them).
    columns = {column["name"] for column in sa.inspect(conn).get_columns("events")}
    if "confidence" not in columns:
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN confidence FLOAT"))


def _m0009_dyad_pairs(conn: sa.Connection) -> None:
    # The per-pair summary that GET /dyads ranks on (owned by store.watch_index_schema). Filled
    # by the next watch update (a database without it has no "pairs" state: a full rebuild).
    from wirewatch.store.watch_index_schema import PAIR_TABLES, index_metadata
    from wirewatch.store.watch_schema import dyad_days

    index_metadata.create_all(conn, tables=list(PAIR_TABLES))
    for index in dyad_days.indexes:
        index.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [
    Migration(1, "runs, inputs, articles, drops, quotes, events, actors", _m0001_initial),
    Migration(2, "watch tables: stories, duplicates, merged events, dyad days, alerts",
              _m0002_watch_tables),
    Migration(3, "events: (type|modality|site|quad, day) indexes", _m0003_event_day_indexes),
    Migration(4, "articles: short (a real article under 10 words)", _m0004_article_short),
    Migration(5, "poll tables: sources, seen URLs, cycles (wirewatch watch)", _m0005_poll_tables),
    Migration(6, "quotes: speaker_start, speaker_end (the speaker's mention)",
              _m0006_quote_speaker_offsets),
    Migration(7, "watch index: watch_articles, lsh_bands, dup_edges, watch_reports",
              _m0007_watch_index),
    Migration(8, "events: confidence (the evidence the coder had)", _m0008_event_confidence),
    Migration(9, "dyad_pairs: per-pair totals for the /dyads overview", _m0009_dyad_pairs),
]


def applied_versions(conn: sa.Connection) -> set[int]:
    """The versions recorded in ``schema_migrations`` (empty for a new database)."""
    if not sa.inspect(conn).has_table("schema_migrations"):
        return set()
    rows = conn.execute(sa.select(schema.schema_migrations.c.version))
    return {int(row[0]) for row in rows}


def migrate(engine: sa.Engine) -> list[int]:
    """Apply every migration not yet recorded; return the versions applied now."""
    versions = [m.version for m in MIGRATIONS]
    if versions != sorted(set(versions)):
        raise StoreError(f"migration versions must be unique and increasing: {versions}")
    with migration_lock(engine):  # read and apply under one lock: no two processes race
        return _apply_missing(engine)


def _apply_missing(engine: sa.Engine) -> list[int]:
    applied_now: list[int] = []
    with engine.connect() as conn:
        done = applied_versions(conn)
        conn.rollback()
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                sa.insert(schema.schema_migrations).values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
        applied_now.append(migration.version)
    return applied_now


def schema_version(engine: sa.Engine) -> int:
    """The highest migration version applied (0 for an empty database)."""
    with engine.connect() as conn:
        return max(applied_versions(conn), default=0)
