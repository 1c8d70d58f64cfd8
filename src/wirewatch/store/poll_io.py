"""The continuous mode's reads and writes (``poll_*`` tables): sources, seen URLs, cycles.

All of ``wirewatch watch``'s SQL lives here; ``run/poll.py`` only calls these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa

from wirewatch.store import schema
from wirewatch.store.core import Store, now_iso
from wirewatch.store.poll_schema import poll_cycles, poll_seen, poll_sources
from wirewatch.store.writer import _upsert

_CHUNK = 500  # values per IN (...) query


@dataclass(frozen=True, slots=True)
class SourceState:
    """A polled source's validators and last outcome."""

    source: str
    etag: str | None
    last_modified: str | None
    last_status: str
    last_detail: str | None = None
    links: int = 0


@dataclass(frozen=True, slots=True)
class SeenUrl:
    """A URL processed by a cycle, and what came of it."""

    url: str
    canonical_url: str | None
    content_hash: str | None
    article_id: str | None
    status: str  # stored, skipped
    reason: str | None
    found_in: str | None


@dataclass(frozen=True, slots=True)
class InputOutcome:
    """What the ``inputs`` table holds for a source once its batch is written."""

    status: str
    reason: str | None
    article_id: str | None
    content_hash: str | None


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for value in values:
        batch.append(value)
        if len(batch) >= _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def source_states(store: Store, sources: Sequence[str]) -> dict[str, SourceState]:
    """The stored state of each source polled before."""
    found: dict[str, SourceState] = {}
    with store.connect() as conn:
        for chunk in _chunks(sources):
            rows = conn.execute(sa.select(poll_sources).where(poll_sources.c.source.in_(chunk)))
            for row in rows.mappings():
                found[row["source"]] = SourceState(
                    row["source"], row["etag"], row["last_modified"], row["last_status"] or "",
                    row["last_detail"], row["links"])
    return found


def save_sources(store: Store, states: Sequence[SourceState]) -> None:
    """Record each source's validators and outcome (after its links were all processed)."""
    now = now_iso()
    with store.transaction() as conn:
        for state in states:
            _upsert(conn, poll_sources, "source", {
                "source": state.source, "etag": state.etag,
                "last_modified": state.last_modified, "last_polled": now,
                "last_status": state.last_status, "last_detail": state.last_detail,
                "links": state.links})


def seen_urls(store: Store, urls: Iterable[str]) -> set[str]:
    """The URLs already processed, as a URL or as another page's canonical URL."""
    found: set[str] = set()
    with store.connect() as conn:
        for chunk in _chunks(urls):
            for column in (poll_seen.c.url, poll_seen.c.canonical_url):
                rows = conn.execute(sa.select(column).where(column.in_(chunk)))
                found.update(str(row[0]) for row in rows)
    return found


def seen_hashes(store: Store, hashes: Iterable[str]) -> dict[str, str]:
    """Content hash -> the URL first seen with it, for hashes already processed."""
    found: dict[str, str] = {}
    with store.connect() as conn:
        for chunk in _chunks(hashes):
            rows = conn.execute(sa.select(poll_seen.c.content_hash, poll_seen.c.url)
                                .where(poll_seen.c.content_hash.in_(chunk)))
            for content_hash, url in rows:
                found.setdefault(str(content_hash), str(url))
    return found


def input_outcomes(store: Store, sources: Iterable[str]) -> dict[str, InputOutcome]:
    """What the run wrote for each source (its ``inputs`` row), for sources it wrote."""
    inputs = schema.inputs
    found: dict[str, InputOutcome] = {}
    with store.connect() as conn:
        for chunk in _chunks(sources):
            rows = conn.execute(sa.select(inputs.c.source, inputs.c.status, inputs.c.reason,
                                          inputs.c.article_id, inputs.c.content_hash)
                                .where(inputs.c.source.in_(chunk)))
            for source, status, reason, article_id, content_hash in rows:
                found[str(source)] = InputOutcome(status, reason, article_id, content_hash)
    return found


def record_seen(store: Store, rows: Sequence[SeenUrl], *, cycle_id: int) -> None:
    """Mark URLs as processed (in one transaction)."""
    if not rows:
        return
    now = now_iso()
    with store.transaction() as conn:
        for row in rows:
            _upsert(conn, poll_seen, "url", {
                "url": row.url, "canonical_url": row.canonical_url,
                "content_hash": row.content_hash, "article_id": row.article_id,
                "status": row.status, "reason": row.reason, "found_in": row.found_in,
                "cycle_id": cycle_id, "seen_at": now})


def start_cycle(store: Store) -> int:
    """A new cycle row (status running); its id."""
    with store.transaction() as conn:
        result = conn.execute(sa.insert(poll_cycles).values(started=now_iso(), status="running"))
        key = result.inserted_primary_key
        return int(key[0]) if key is not None else 0


def finish_cycle(store: Store, cycle_id: int, *, status: str, counts: Mapping[str, int],
                 skipped: Mapping[str, int], seconds: float) -> None:
    """Close a cycle row with its counts (sources, not_modified, links, new, stored, ...)."""
    with store.transaction() as conn:
        conn.execute(sa.update(poll_cycles).where(poll_cycles.c.id == cycle_id).values(
            finished=now_iso(), status=status, seconds=round(seconds, 3),
            skipped=orjson.dumps(dict(sorted(skipped.items()))).decode(), **counts))


def poll_status(store: Store) -> dict[str, Any]:
    """The watcher's state for ``/status``: the last cycle, sources and seen URLs."""
    with store.connect() as conn:
        last = conn.execute(sa.select(poll_cycles).order_by(poll_cycles.c.id.desc())
                            .limit(1)).mappings().first()
        done = conn.execute(sa.select(sa.func.count()).select_from(poll_cycles)
                            .where(poll_cycles.c.status == "done")).scalar_one()
        sources = conn.execute(sa.select(sa.func.count()).select_from(poll_sources)).scalar_one()
        by_status: dict[str, int] = {
            str(status): int(count) for status, count in conn.execute(
                sa.select(poll_seen.c.status, sa.func.count()).group_by(poll_seen.c.status))}
    last_cycle = None
    if last is not None:
        last_cycle = {str(key): value for key, value in last.items()}
        last_cycle["skipped"] = orjson.loads(last["skipped"] or "{}")
    return {"cycles_done": int(done), "sources": int(sources),
            "seen": by_status, "last_cycle": last_cycle}


def close_interrupted_cycles(store: Store) -> int:
    """Mark cycles left ``running`` by a watcher that was killed as ``interrupted``."""
    with store.transaction() as conn:
        result = conn.execute(sa.update(poll_cycles).where(poll_cycles.c.status == "running")
                              .values(status="interrupted"))
        return int(result.rowcount or 0)
