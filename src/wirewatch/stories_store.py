"""Read articles and events from the store, build stories, merged events, dyad days and alerts,
and write them to the watch tables (``stories_schema``) in one transaction.

``rebuild_watch`` is the step that ``wirewatch run`` calls at its end; ``ensure_fresh`` is what
``wirewatch tension`` and ``wirewatch serve`` call: it rebuilds only when the articles or
events changed since the last build (a fingerprint kept in ``watch_state``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
import sqlalchemy as sa

from wirewatch.records import Alert, Analysis, Article, DyadDay, Event, MergedEvent, Story
from wirewatch.store import Store, schema
from wirewatch.store.reader import article_from_row, event_from_row
from wirewatch.stories import Duplicate, find_duplicates, group_stories
from wirewatch.stories_events import merge_events
from wirewatch.stories_schema import (
    alerts,
    duplicates,
    dyad_days,
    event_mentions,
    merged_events,
    stories,
    story_members,
    watch_state,
)
from wirewatch.tension import AlertParams, detect_alerts, event_count
from wirewatch.tension import dyad_days as compute_dyad_days


@dataclass(frozen=True, slots=True)
class WatchSummary:
    """What one rebuild wrote."""

    articles: int
    duplicates: int
    stories: int
    merged_events: int
    dyad_days: int
    alerts: int


def fingerprint(conn: sa.Connection) -> str:
    """Row counts and the latest store time of articles and events: changes when they change."""
    a, e = schema.articles, schema.events
    n_articles, last, body_chars = conn.execute(sa.select(
        sa.func.count(), sa.func.max(a.c.stored_at), sa.func.sum(sa.func.length(a.c.body)))).one()
    # Content sums too: an article re-stored with other events within the same second can
    # reuse the deleted events' row ids and leaves the counts unchanged.
    n_events, max_id, sentence_chars, intensity = conn.execute(sa.select(
        sa.func.count(), sa.func.max(e.c.id), sa.func.sum(sa.func.length(e.c.sentence)),
        sa.func.sum(e.c.intensity))).one()
    return (f"{n_articles}|{last}|{body_chars}|{n_events}|{max_id}|{sentence_chars}|"
            f"{round(float(intensity or 0), 3)}")


def _load(conn: sa.Connection) -> tuple[list[Analysis], dict[str, list[str]]]:
    body_less: dict[str, Article] = {}
    for row in conn.execute(sa.select(schema.articles)).mappings():
        body_less[row["id"]] = article_from_row(row)
    events: dict[str, list[Event]] = {}
    ev = schema.events
    for row in conn.execute(sa.select(ev).order_by(ev.c.article_id, ev.c.seq)).mappings():
        events.setdefault(row["article_id"], []).append(event_from_row(row))
    actor_codes: dict[str, list[str]] = {}
    ac = schema.actors
    query = sa.select(ac.c.article_id, ac.c.code).where(ac.c.code.is_not(None))
    for article_id, code in conn.execute(query):
        actor_codes.setdefault(article_id, []).append(code)
    analyses = [
        Analysis(article=art, events=tuple(events.get(aid, ()))) for aid, art in body_less.items()
    ]
    return analyses, actor_codes


def _write(
    conn: sa.Connection,
    dups: Sequence[Duplicate],
    found: Sequence[Story],
    merged: Sequence[MergedEvent],
    params: AlertParams,
) -> tuple[int, int]:
    for table in (alerts, dyad_days, event_mentions, merged_events, duplicates, story_members,
                  stories):
        conn.execute(sa.delete(table))
    if dups:
        conn.execute(sa.insert(duplicates), [
            {"copy_id": d.copy_id, "original_id": d.original_id, "similarity": d.similarity}
            for d in dups
        ])
    if found:
        conn.execute(sa.insert(stories), [
            {"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
             "n_articles": len(s.article_ids), "n_sites": len(s.sites),
             "sites": orjson.dumps(list(s.sites)).decode()}
            for s in found
        ])
        conn.execute(sa.insert(story_members), [
            {"article_id": aid, "story_id": s.id, "seq": i}
            for s in found for i, aid in enumerate(s.article_ids)
        ])
    if merged:
        conn.execute(sa.insert(merged_events), [
            {"id": m.id, "type": m.type, "mode": m.mode, "source_code": m.source_code,
             "target_code": m.target_code, "date": m.date, "first_seen": m.first_seen,
             "outlets": m.outlets, "mentions": len(m.mentions), "story_id": m.story_id,
             "intensity": m.intensity, "quad": m.quad}
            for m in merged
        ])
        conn.execute(sa.insert(event_mentions), [
            {"merged_id": m.id, "article_id": x.article_id, "site": x.site,
             "sentence": x.sentence, "start": x.start, "end": x.end}
            for m in merged for x in m.mentions
        ])
    days = compute_dyad_days(merged)
    if days:
        conn.execute(sa.insert(dyad_days), [
            {"source": d.source, "target": d.target, "day": d.day,
             "verbal_cooperation": d.verbal_cooperation,
             "material_cooperation": d.material_cooperation,
             "verbal_conflict": d.verbal_conflict, "material_conflict": d.material_conflict,
             "events": event_count(d), "intensity_sum": d.intensity_sum,
             "intensity_mean": d.intensity_mean, "tension": d.tension}
            for d in days
        ])
    found_alerts = detect_alerts(days, params)
    if found_alerts:
        conn.execute(sa.insert(alerts), [
            {"source": a.source, "target": a.target, "day": a.day, "tension": a.tension,
             "baseline": a.baseline, "threshold": a.threshold, "score": a.score,
             "method": a.method}
            for a in found_alerts
        ])
    return len(days), len(found_alerts)


def rebuild_watch(store: Store, *, params: AlertParams | None = None) -> WatchSummary:
    """Recompute duplicates, stories, merged events, dyad days and alerts from the store.

    Everything is replaced in one transaction, so readers see the old or the new tables.
    """
    params = params or AlertParams()
    with store.transaction() as conn:
        mark = fingerprint(conn)
        analyses, actor_codes = _load(conn)
        articles = [a.article for a in analyses]
        dups = find_duplicates(articles)
        found = group_stories(articles, actors=actor_codes, duplicates=dups)
        merged = merge_events(analyses, found)
        n_days, n_alerts = _write(conn, dups, found, merged, params)
        conn.execute(sa.delete(watch_state))
        conn.execute(sa.insert(watch_state), [
            {"key": "fingerprint", "value": mark},
            {"key": "built_at", "value": datetime.now(UTC).isoformat(timespec="seconds")},
            {"key": "alert_method", "value": params.method},
        ])
    return WatchSummary(len(articles), len(dups), len(found), len(merged), n_days, n_alerts)


def is_stale(store: Store) -> bool:
    """True when the watch tables were never built or the articles/events changed since."""
    with store.connect() as conn:
        built = conn.execute(
            sa.select(watch_state.c.value).where(watch_state.c.key == "fingerprint")
        ).scalar_one_or_none()
        return built != fingerprint(conn)


def ensure_fresh(store: Store) -> WatchSummary | None:
    """Rebuild when stale; return the summary of the rebuild, or None when already fresh."""
    return rebuild_watch(store) if is_stale(store) else None


def _dyad_from_row(row: sa.RowMapping) -> DyadDay:
    return DyadDay(
        source=row["source"], target=row["target"], day=row["day"],
        verbal_cooperation=row["verbal_cooperation"],
        material_cooperation=row["material_cooperation"],
        verbal_conflict=row["verbal_conflict"], material_conflict=row["material_conflict"],
        intensity_sum=row["intensity_sum"], intensity_mean=row["intensity_mean"],
        tension=row["tension"],
    )


def alert_from_row(row: sa.RowMapping) -> Alert:
    return Alert(source=row["source"], target=row["target"], day=row["day"],
                 tension=row["tension"], baseline=row["baseline"], threshold=row["threshold"],
                 score=row["score"], method=row["method"])


def read_dyad_days(
    store: Store, source: str, target: str, *, since: str | None = None, until: str | None = None
) -> list[DyadDay]:
    """The stored (sparse) days of one ordered pair, oldest first."""
    t = dyad_days
    query = sa.select(t).where(t.c.source == source, t.c.target == target)
    if since:
        query = query.where(t.c.day >= since)
    if until:
        query = query.where(t.c.day <= until)
    with store.connect() as conn:
        return [_dyad_from_row(r) for r in conn.execute(query.order_by(t.c.day)).mappings()]


def read_alerts(
    store: Store,
    *,
    source: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[Alert]:
    """Stored alerts, newest first, optionally of one pair (either side may be given)."""
    t = alerts
    query = sa.select(t)
    if source:
        query = query.where(t.c.source == source)
    if target:
        query = query.where(t.c.target == target)
    if since:
        query = query.where(t.c.day >= since)
    if until:
        query = query.where(t.c.day <= until)
    query = query.order_by(t.c.day.desc(), t.c.score.desc(), t.c.id).limit(limit).offset(offset)
    with store.connect() as conn:
        return [alert_from_row(r) for r in conn.execute(query).mappings()]
