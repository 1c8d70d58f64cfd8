"""The watch tables' reads and writes: what ``watch.rebuild`` loads and replaces, and what
``watch.series`` and the API read. All of the watch stage's SQL lives here (store/), none in watch/.
"""

from __future__ import annotations

from collections.abc import Sequence

import orjson
import sqlalchemy as sa

from wirewatch.records import (
    Alert,
    Duplicate,
    DyadDay,
    MergedEvent,
    Story,
)
from wirewatch.store.core import Store
from wirewatch.store.watch_schema import (
    alerts,
    duplicates,
    dyad_days,
    event_mentions,
    merged_events,
    stories,
    story_members,
    watch_state,
)


def write_watch(
    conn: sa.Connection,
    dups: Sequence[Duplicate],
    found: Sequence[Story],
    merged: Sequence[MergedEvent],
    days: Sequence[DyadDay],
    found_alerts: Sequence[Alert],
) -> None:
    """Replace the watch tables' rows with a rebuild's results (inside the caller's transaction)."""
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
    if days:
        conn.execute(sa.insert(dyad_days), [
            {"source": d.source, "target": d.target, "day": d.day,
             "verbal_cooperation": d.verbal_cooperation,
             "material_cooperation": d.material_cooperation,
             "verbal_conflict": d.verbal_conflict, "material_conflict": d.material_conflict,
             "events": d.events, "intensity_sum": d.intensity_sum,
             "intensity_mean": d.intensity_mean, "tension": d.tension}
            for d in days
        ])
    if found_alerts:
        conn.execute(sa.insert(alerts), [
            {"source": a.source, "target": a.target, "day": a.day, "tension": a.tension,
             "baseline": a.baseline, "threshold": a.threshold, "score": a.score,
             "method": a.method}
            for a in found_alerts
        ])


def read_state(conn: sa.Connection) -> dict[str, str]:
    """The watch stage's state rows (index version, alert method, build time)."""
    t = watch_state
    return dict(conn.execute(sa.select(t.c.key, t.c.value).order_by(t.c.key)).all())


def table_counts(conn: sa.Connection) -> dict[str, int]:
    """Rows in each watch table and in the index's article table."""
    from wirewatch.store.watch_index_schema import watch_articles

    return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
            for t in (watch_articles, duplicates, stories, merged_events, dyad_days, alerts)}


def write_state(conn: sa.Connection, values: dict[str, str]) -> None:
    """Replace the watch stage's state rows (index version, alert method, build time)."""
    conn.execute(sa.delete(watch_state))
    conn.execute(sa.insert(watch_state), [{"key": k, "value": v} for k, v in values.items()])


def dyad_from_row(row: sa.RowMapping) -> DyadDay:
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
        return [dyad_from_row(r) for r in conn.execute(query.order_by(t.c.day)).mappings()]


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
    """Stored alerts, newest first, then the highest score, then the pair (one alert per pair
    and day, so the order is total and the same after an update or a rebuild)."""
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
    query = (query.order_by(t.c.day.desc(), t.c.score.desc(), t.c.source, t.c.target)
             .limit(limit).offset(offset))
    with store.connect() as conn:
        return [alert_from_row(r) for r in conn.execute(query).mappings()]
