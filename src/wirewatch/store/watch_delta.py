"""The SQL of the incremental watch stage: which articles changed, their reports, and the rows
of the watch tables it replaces one story, merged event, dyad day or pair at a time.

Every read that feeds a decision is ordered (ORDER BY on a unique key), so the stage never
depends on the order a database returns rows in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa

from wirewatch.records import Alert, Analysis, Article, DyadDay, Event, MergedEvent, Story
from wirewatch.store import schema
from wirewatch.store.reader import article_from_row, event_from_row
from wirewatch.store.watch_index import chunks
from wirewatch.store.watch_index_schema import (
    INDEX_TABLES,
    PAIR_TABLES,
    watch_articles,
    watch_reports,
)
from wirewatch.store.watch_io import dyad_from_row
from wirewatch.store.watch_schema import (
    alerts,
    duplicates,
    dyad_days,
    event_mentions,
    merged_events,
    stories,
    story_members,
)

Key = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Changes:
    """Articles to add to the index (new or re-stored) and to remove (gone or re-stored)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    stored_at: dict[str, str]


def changed_articles(conn: sa.Connection) -> Changes:
    """Compare ``articles`` with ``watch_articles``: an article is re-stored when its
    ``stored_at`` differs from the one the index was built from."""
    a, w = schema.articles, watch_articles
    rows = conn.execute(
        sa.select(a.c.id, a.c.stored_at, w.c.article_id)
        .select_from(a.outerjoin(w, w.c.article_id == a.c.id))
        .where(sa.or_(w.c.article_id.is_(None), w.c.stored_at != a.c.stored_at))
        .order_by(a.c.id)).all()
    gone = conn.execute(
        sa.select(w.c.article_id).select_from(w.outerjoin(a, a.c.id == w.c.article_id))
        .where(a.c.id.is_(None)).order_by(w.c.article_id)).scalars().all()
    added = tuple(r[0] for r in rows)
    restored = tuple(r[0] for r in rows if r[2] is not None)
    return Changes(added, tuple(sorted({*gone, *restored})), {r[0]: r[1] for r in rows})


def load_analyses(conn: sa.Connection, ids: Sequence[str] | None = None
                  ) -> tuple[list[Analysis], dict[str, list[str]], dict[str, str]]:
    """Articles (all, or ``ids``) in id order with their events in order, each article's coded
    actors, and each article's ``stored_at``."""
    a, ev, ac = schema.articles, schema.events, schema.actors
    parts: Iterable[list[str] | None] = [None] if ids is None else chunks(sorted(ids))
    arts: dict[str, Article] = {}
    events: dict[str, list[Event]] = {}
    codes: dict[str, list[str]] = {}
    stored: dict[str, str] = {}
    for part in parts:
        q_art = sa.select(a).order_by(a.c.id)
        q_ev = sa.select(ev).order_by(ev.c.article_id, ev.c.seq)
        q_ac = (sa.select(ac.c.article_id, ac.c.code).where(ac.c.code.is_not(None))
                .order_by(ac.c.article_id, ac.c.seq))
        if part is not None:
            q_art = q_art.where(a.c.id.in_(part))
            q_ev = q_ev.where(ev.c.article_id.in_(part))
            q_ac = q_ac.where(ac.c.article_id.in_(part))
        for row in conn.execute(q_art).mappings():
            arts[row["id"]] = article_from_row(row)
            stored[row["id"]] = row["stored_at"]
        for row in conn.execute(q_ev).mappings():
            events.setdefault(row["article_id"], []).append(event_from_row(row))
        for article_id, code in conn.execute(q_ac):
            codes.setdefault(article_id, []).append(code)
    analyses = [Analysis(article=art, events=tuple(events.get(aid, ())))
                for aid, art in sorted(arts.items())]
    return analyses, codes, stored


def clear_index(conn: sa.Connection) -> None:
    for table in (*INDEX_TABLES, *PAIR_TABLES):
        conn.execute(sa.delete(table))


# -- reports -------------------------------------------------------------------------------
def report_rows_of(conn: sa.Connection, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    r = watch_reports
    out: list[dict[str, Any]] = []
    for part in chunks(sorted(set(article_ids))):
        query = sa.select(r).where(r.c.article_id.in_(part)).order_by(r.c.article_id, r.c.seq)
        out.extend(dict(row) for row in conn.execute(query).mappings())
    return out


def delete_reports(conn: sa.Connection, article_ids: Iterable[str]) -> None:
    r = watch_reports
    for part in chunks(sorted(set(article_ids))):
        conn.execute(sa.delete(r).where(r.c.article_id.in_(part)))


def insert_reports(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(watch_reports), list(rows))


def _is(column: sa.ColumnElement[Any], value: str | None) -> sa.ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def _key_where(key: Key) -> list[sa.ColumnElement[bool]]:
    r = watch_reports
    return [r.c.type == key[0], _is(r.c.source_key, key[1]), _is(r.c.target_key, key[2])]


def reports_between(conn: sa.Connection, key: Key, lo: str, hi: str
                    ) -> list[tuple[dict[str, Any], Event]]:
    """The dated reports of ``key`` with lo <= day <= hi, with their events, in order."""
    r = watch_reports
    return _with_events(conn, sa.and_(*_key_where(key), r.c.day >= lo, r.c.day <= hi))


def report_links_between(conn: sa.Connection, key: Key, lo: str, hi: str
                         ) -> list[dict[str, Any]]:
    """The day, story and merged event of each dated report of ``key`` with lo <= day <= hi
    (what the merge range's closure needs, without the events)."""
    r = watch_reports
    query = (sa.select(r.c.day, r.c.story_id, r.c.merged_id)
             .where(*_key_where(key), r.c.day >= lo, r.c.day <= hi)
             .order_by(r.c.day, r.c.article_id, r.c.seq))
    return [dict(row) for row in conn.execute(query).mappings()]


def undated_reports(conn: sa.Connection, key: Key, story: str | None
                    ) -> list[tuple[dict[str, Any], Event]]:
    r = watch_reports
    return _with_events(conn, sa.and_(*_key_where(key), r.c.day.is_(None),
                                      _is(r.c.story_id, story)))


def _with_events(conn: sa.Connection, where: sa.ColumnElement[bool]
                 ) -> list[tuple[dict[str, Any], Event]]:
    r, ev = watch_reports, schema.events
    query = (sa.select(r, ev).select_from(r.join(
        ev, sa.and_(ev.c.article_id == r.c.article_id, ev.c.seq == r.c.seq)))
        .where(where).order_by(r.c.article_id, r.c.seq))
    out = []
    for row in conn.execute(query).mappings():
        report = {c.name: row[r.c[c.name]] for c in r.columns}
        event_row = {c.name: row[ev.c[c.name]] for c in ev.columns}
        out.append((report, event_from_row(event_row)))  # type: ignore[arg-type]
    return out


def merged_spans(conn: sa.Connection, merged_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """First and last report day of each dated merged event."""
    r = watch_reports
    out: dict[str, tuple[str, str]] = {}
    for part in chunks(sorted(set(merged_ids))):
        query = (sa.select(r.c.merged_id, sa.func.min(r.c.day), sa.func.max(r.c.day))
                 .where(r.c.merged_id.in_(part), r.c.day.is_not(None))
                 .group_by(r.c.merged_id).order_by(r.c.merged_id))
        out.update({m: (lo, hi) for m, lo, hi in conn.execute(query)})
    return out


def replace_merged(conn: sa.Connection, old_ids: Iterable[str],
                   new: Sequence[tuple[MergedEvent, Sequence[tuple[str, int]]]]
                   ) -> set[tuple[str, str, str]]:
    """Delete merged events ``old_ids``, insert ``new`` (each with its reports' (article id,
    seq)); return the (source, target, day) of every merged event deleted or inserted."""
    m, x, r = merged_events, event_mentions, watch_reports
    days: set[tuple[str, str, str]] = set()
    for part in chunks(sorted(set(old_ids))):
        for src, tgt, day in conn.execute(sa.select(m.c.source_code, m.c.target_code, m.c.date)
                                          .where(m.c.id.in_(part))):
            if src and tgt and day and src != tgt:
                days.add((src, tgt, day[:10]))
        conn.execute(sa.delete(x).where(x.c.merged_id.in_(part)))
        conn.execute(sa.delete(m).where(m.c.id.in_(part)))
    if new:
        conn.execute(sa.insert(m), [merged_row(e) for e, _ in new])
        conn.execute(sa.insert(x), [mention for e, _ in new for mention in mention_rows(e)])
        update = (sa.update(r).where(r.c.article_id == sa.bindparam("aid"),
                                     r.c.seq == sa.bindparam("sq"))
                  .values(merged_id=sa.bindparam("mid")))
        conn.execute(update, [{"aid": aid, "sq": seq, "mid": e.id}
                              for e, refs in new for aid, seq in refs])
        days.update((e.source_code, e.target_code, e.date[:10]) for e, _ in new
                    if e.source_code and e.target_code and e.date
                    and e.source_code != e.target_code)
    return days


def merged_row(e: MergedEvent) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "mode": e.mode, "source_code": e.source_code,
            "target_code": e.target_code, "date": e.date, "first_seen": e.first_seen,
            "outlets": e.outlets, "mentions": len(e.mentions), "story_id": e.story_id,
            "intensity": e.intensity, "quad": e.quad}


def mention_rows(e: MergedEvent) -> list[dict[str, Any]]:
    return [{"merged_id": e.id, "article_id": x.article_id, "site": x.site,
             "sentence": x.sentence, "start": x.start, "end": x.end} for x in e.mentions]


# -- stories and duplicates ----------------------------------------------------------------
def replace_stories(conn: sa.Connection, old_ids: Iterable[str], new: Sequence[Story]) -> None:
    s, sm = stories, story_members
    ids = sorted(set(old_ids) | {st.id for st in new})
    for part in chunks(ids):
        conn.execute(sa.delete(sm).where(sm.c.story_id.in_(part)))
        conn.execute(sa.delete(s).where(s.c.id.in_(part)))
    members = [m for st in new for m in st.article_ids]
    for part in chunks(sorted(members)):
        conn.execute(sa.delete(sm).where(sm.c.article_id.in_(part)))
    if new:
        conn.execute(sa.insert(s), [story_row(st) for st in new])
        conn.execute(sa.insert(sm), [{"article_id": aid, "story_id": st.id, "seq": i}
                                     for st in new for i, aid in enumerate(st.article_ids)])


def story_row(st: Story) -> dict[str, Any]:
    return {"id": st.id, "title": st.title, "first_seen": st.first_seen,
            "last_seen": st.last_seen, "n_articles": len(st.article_ids),
            "n_sites": len(st.sites), "sites": orjson.dumps(list(st.sites)).decode()}


def delete_story_members(conn: sa.Connection, article_ids: Iterable[str]) -> None:
    for part in chunks(sorted(set(article_ids))):
        conn.execute(sa.delete(story_members).where(story_members.c.article_id.in_(part)))


def replace_duplicates(conn: sa.Connection, copies: Iterable[str],
                       pairs: Sequence[tuple[str, str, float]]) -> None:
    d = duplicates
    for part in chunks(sorted(set(copies) | {p[0] for p in pairs})):
        conn.execute(sa.delete(d).where(d.c.copy_id.in_(part)))
    if pairs:
        conn.execute(sa.insert(d), [{"copy_id": c, "original_id": o, "similarity": s}
                                    for c, o, s in sorted(pairs)])


# -- dyad days and alerts ------------------------------------------------------------------
def merged_of_day(conn: sa.Connection, source: str, target: str, day: str
                  ) -> list[tuple[str, float]]:
    """(quad, intensity) of a pair's merged events on one day, in id order (the order the
    rebuild sums them in)."""
    m = merged_events
    query = (sa.select(m.c.quad, m.c.intensity)
             .where(m.c.source_code == source, m.c.target_code == target,
                    m.c.date == day).order_by(m.c.id))
    return [(q, float(i)) for q, i in conn.execute(query)]


def replace_dyad_day(conn: sa.Connection, source: str, target: str, day: str,
                     new: DyadDay | None) -> None:
    t = dyad_days
    conn.execute(sa.delete(t).where(t.c.source == source, t.c.target == target, t.c.day == day))
    if new is not None:
        conn.execute(sa.insert(t), [dyad_row(new)])


def dyad_row(d: DyadDay) -> dict[str, Any]:
    return {"source": d.source, "target": d.target, "day": d.day,
            "verbal_cooperation": d.verbal_cooperation,
            "material_cooperation": d.material_cooperation,
            "verbal_conflict": d.verbal_conflict, "material_conflict": d.material_conflict,
            "events": d.events, "intensity_sum": d.intensity_sum,
            "intensity_mean": d.intensity_mean, "tension": d.tension}


def pair_days(conn: sa.Connection, source: str, target: str) -> list[DyadDay]:
    t = dyad_days
    query = sa.select(t).where(t.c.source == source, t.c.target == target).order_by(t.c.day)
    return [dyad_from_row(r) for r in conn.execute(query).mappings()]


def replace_alerts(conn: sa.Connection, source: str, target: str,
                   found: Sequence[Alert]) -> None:
    a = alerts
    conn.execute(sa.delete(a).where(a.c.source == source, a.c.target == target))
    if found:
        conn.execute(sa.insert(a), [
            {"source": x.source, "target": x.target, "day": x.day, "tension": x.tension,
             "baseline": x.baseline, "threshold": x.threshold, "score": x.score,
             "method": x.method} for x in found])
