"""Read-only queries over the watch tables for the API and the dashboard (JSON-ready dicts).

Every query is built with SQLAlchemy Core, so every value reaches the database as a bound
parameter, never pasted into SQL text.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import orjson
import sqlalchemy as sa

from wirewatch.errors import NotFoundError
from wirewatch.store import Store, schema
from wirewatch.store.watch_index_schema import dyad_pairs
from wirewatch.store.watch_schema import (
    duplicates,
    dyad_days,
    event_mentions,
    merged_events,
    stories,
    story_members,
)

Json = dict[str, Any]


def _story_json(row: sa.RowMapping) -> Json:
    return {
        "id": row["id"],
        "title": row["title"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "articles": row["n_articles"],
        "sites": orjson.loads(row["sites"]),
    }


def list_stories(
    store: Store, *, since: str | None, until: str | None, min_articles: int, limit: int,
    offset: int,
) -> list[Json]:
    """Stories, newest first sighting first."""
    t = stories
    query = sa.select(t).where(t.c.n_articles >= min_articles)
    if since:
        query = query.where(t.c.first_seen >= since)
    if until:
        query = query.where(t.c.first_seen < until + "\uffff")
    query = query.order_by(t.c.first_seen.desc().nulls_last(), t.c.id).limit(limit).offset(offset)
    with store.connect() as conn:
        return [_story_json(r) for r in conn.execute(query).mappings()]


def merged_json(row: sa.RowMapping, mentions: list[Json]) -> Json:
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"],
        "source": row["source_code"], "target": row["target_code"], "date": row["date"],
        "first_seen": row["first_seen"], "outlets": row["outlets"],
        "story_id": row["story_id"], "intensity": row["intensity"], "quad": row["quad"],
        "mentions": mentions,
    }


def _merged_with_mentions(conn: sa.Connection, where: sa.ColumnElement[bool]) -> list[Json]:
    m, x, a = merged_events, event_mentions, schema.articles
    rows = list(conn.execute(sa.select(m).where(where).order_by(m.c.date, m.c.id)).mappings())
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    mentions: dict[str, list[Json]] = {}
    query = (
        sa.select(x, a.c.title, a.c.published)
        .join(a, a.c.id == x.c.article_id, isouter=True)
        .where(x.c.merged_id.in_(ids))
        .order_by(x.c.merged_id, x.c.id)
    )
    for r in conn.execute(query).mappings():
        mentions.setdefault(r["merged_id"], []).append({
            "article_id": r["article_id"], "site": r["site"], "title": r["title"],
            "published": r["published"], "sentence": r["sentence"], "start": r["start"],
            "end": r["end"],
        })
    return [merged_json(r, mentions.get(r["id"], [])) for r in rows]


def get_story(store: Store, story_id: str) -> Json:
    """One story with its articles (and which are syndicated copies) and its merged events."""
    s, sm, a, d = stories, story_members, schema.articles, duplicates
    with store.connect() as conn:
        row = conn.execute(sa.select(s).where(s.c.id == story_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        query = (
            sa.select(a.c.id, a.c.title, a.c.site, a.c.published, a.c.url, d.c.original_id,
                      d.c.similarity)
            .join(sm, sm.c.article_id == a.c.id)
            .join(d, d.c.copy_id == a.c.id, isouter=True)
            .where(sm.c.story_id == story_id)
            .order_by(sm.c.seq)
        )
        members = [
            {"id": r["id"], "title": r["title"], "site": r["site"], "published": r["published"],
             "url": r["url"], "copy_of": r["original_id"], "similarity": r["similarity"]}
            for r in conn.execute(query).mappings()
        ]
        events = _merged_with_mentions(conn, merged_events.c.story_id == story_id)
    return {**_story_json(row), "members": members, "events": events}


def day_events(store: Store, source: str, target: str, day: str) -> list[Json]:
    """The merged events of one pair on one day, with every mention's evidence sentence."""
    m = merged_events
    where = sa.and_(m.c.source_code == source, m.c.target_code == target, m.c.date == day)
    with store.connect() as conn:
        return _merged_with_mentions(conn, where)


def article_context(store: Store, article_id: str) -> Json:
    """The story an article belongs to and the duplicate relation it is part of."""
    sm, d = story_members, duplicates
    with store.connect() as conn:
        story = conn.execute(
            sa.select(sm.c.story_id).where(sm.c.article_id == article_id)
        ).scalar_one_or_none()
        original = conn.execute(
            sa.select(d.c.original_id).where(d.c.copy_id == article_id)
        ).scalar_one_or_none()
        copies = list(conn.execute(
            sa.select(d.c.copy_id).where(d.c.original_id == article_id).order_by(d.c.copy_id)
        ).scalars())
    return {"story_id": story, "copy_of": original, "copies": copies}


def _last_day(conn: sa.Connection) -> date | None:
    last = conn.execute(sa.select(sa.func.max(dyad_days.c.day))).scalar_one_or_none()
    return date.fromisoformat(last) if last else None


def pairs_overview(store: Store, *, order: str, limit: int) -> Json:
    """Pairs ranked by activity (merged events) or escalation (tension of the store's last
    7 days minus the 7 days before), ties by pair, with a 30-day tension sparkline.

    The totals come from ``dyad_pairs``, one row per pair that the watch stage keeps
    (``watch.pairs``), so a call reads ``limit`` rows and their sparklines, never every day.
    """
    t, p = dyad_days, dyad_pairs
    with store.connect() as conn:
        last = _last_day(conn)
        if last is None:
            return {"last_day": None, "pairs": []}
        rank = p.c.escalation if order == "escalating" else p.c.events
        query = (sa.select(p.c.source, p.c.target, p.c.events, p.c.tension, p.c.recent,
                           p.c.prior, p.c.escalation, p.c.alerts)
                 .order_by(rank.desc(), p.c.source, p.c.target).limit(limit))
        pairs = [{str(k): v for k, v in r.items()} for r in conn.execute(query).mappings()]
        spark_from = last - timedelta(days=29)
        by_pair: dict[tuple[str, str], dict[str, float]] = {}
        if pairs:
            # One query for every pair's sparkline: (source, target) IN (...) uses the
            # primary key (source, target, day), as one lookup per pair would.
            keys = [(pair["source"], pair["target"]) for pair in pairs]
            rows = conn.execute(
                sa.select(t.c.source, t.c.target, t.c.day, t.c.tension)
                .where(sa.tuple_(t.c.source, t.c.target).in_(keys),
                       t.c.day >= spark_from.isoformat())
                .order_by(t.c.source, t.c.target, t.c.day))
            for source, target, day, tension in rows:
                by_pair.setdefault((source, target), {})[day] = tension
        for pair in pairs:
            by_day = by_pair.get((pair["source"], pair["target"]), {})
            pair["spark"] = [
                by_day.get((spark_from + timedelta(days=i)).isoformat(), 0.0) for i in range(30)
            ]
            for key in ("tension", "recent", "prior", "escalation"):
                pair[key] = round(float(pair[key] or 0.0), 3)
            pair["events"] = int(pair["events"] or 0)
    return {"last_day": last.isoformat(), "pairs": pairs}
