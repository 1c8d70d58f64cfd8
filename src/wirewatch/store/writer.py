"""Records -> rows. Every function here takes a connection inside an open transaction.

Re-storing an article replaces it: the article row is updated in place (so rows in other
tables that point at it survive), and its drops, quotes, events and actors are deleted and
inserted again, all in the caller's transaction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
import sqlalchemy as sa

from wirewatch.records import Actor, Analysis, Article, Event, Skip
from wirewatch.store import schema

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """NUL and lone surrogates become U+FFFD (same length, so offsets hold).

    PostgreSQL text cannot hold NUL, and no UTF-8 database driver can encode a lone
    surrogate; either can arrive through JSON escapes (``\\u0000``, ``\\ud800``).
    """
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _clean_deep(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return [_clean_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_deep(v) for k, v in value.items()}
    return value


def to_json(value: object) -> str:
    return orjson.dumps(_clean_deep(value)).decode("utf-8")


def actor_json(actor: Actor | None) -> dict[str, str | None] | None:
    if actor is None:
        return None
    return {"name": actor.name, "code": actor.code, "sector": actor.sector}


def day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of an ISO date or timestamp, else None."""
    if value and _DAY.match(value):
        return value[:10]
    return None


def article_row(article: Article, *, analyzed: bool, run_id: str, now: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "form": article.form,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "published": article.published,
        "authors": to_json(list(article.authors)),
        "section": article.section,
        "language": article.language,
        "image_caption": article.image_caption,
        "image_credit": article.image_credit,
        "body": to_json(list(article.body)),
        "related": to_json(list(article.related)),
        "extractor": article.extractor,
        "short": article.short,
        "analyzed": analyzed,
        "run_id": run_id,
        "stored_at": now,
    }


def event_row(article: Article, seq: int, event: Event) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "seq": seq,
        "type": event.type,
        "mode": event.mode,
        "source_actors": to_json([actor_json(a) for a in event.source]),
        "target_actors": to_json([actor_json(a) for a in event.target]),
        "source_code": event.source[0].code if event.source else None,
        "target_code": event.target[0].code if event.target else None,
        "modality": event.modality,
        "attribution": None if event.attribution is None else to_json(
            actor_json(event.attribution)
        ),
        "intensity": event.intensity,
        "quad": event.quad,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "rule": event.rule,
        "coder": event.coder,
        "location": event.location,
        "date": event.date,
        "confidence": event.confidence,
        "day": day_of(event.date) or day_of(article.published),
        "site": article.site,
    }


# Statements are built once with bound parameters, so SQLAlchemy compiles each only once
# (building them per row with literal values cost two thirds of the write time).
@functools.cache
def _update_by_key(table: sa.Table, key: str) -> sa.Update:
    return sa.update(table).where(table.c[key] == sa.bindparam("key_"))


@functools.cache
def _delete_by(table: sa.Table, column: str) -> sa.Delete:
    return sa.delete(table).where(table.c[column] == sa.bindparam("value_"))


def update_rows(conn: sa.Connection, table: sa.Table, key: str,
                rows: Sequence[Mapping[str, Any]]) -> None:
    """Update the rows with these keys (one statement, executed for every row)."""
    if rows:
        conn.execute(_update_by_key(table, key),
                     [{"key_": row[key], **{k: v for k, v in row.items() if k != key}}
                      for row in rows])


def _upsert(
    conn: sa.Connection, table: sa.Table, key: str, row: Mapping[str, Any]
) -> None:
    """Update the row with this key, or insert it: portable across SQLite and PostgreSQL."""
    values = {k: v for k, v in row.items() if k != key}
    result = conn.execute(_update_by_key(table, key), {"key_": row[key], **values})
    if result.rowcount == 0:
        conn.execute(sa.insert(table), dict(row))


def child_rows(analysis: Analysis) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    """The rows of an article's child tables (``schema.CHILD_TABLES`` order), each list in
    ``seq`` order; a table without rows is left out."""
    article = analysis.article
    # The article's dropped lines, then the analysis's discarded event candidates (reasons
    # event.* and analysis.*): one queryable table of drops per article.
    all_drops = (*article.drops, *analysis.drops)
    tables: list[tuple[sa.Table, list[dict[str, Any]]]] = [
        (schema.drops, [
            {"article_id": article.id, "seq": i, "reason": d.reason, "text": d.text,
             "line": d.line}
            for i, d in enumerate(all_drops)
        ]),
        (schema.quotes, [
            {
                "article_id": article.id,
                "seq": i,
                "text": q.text,
                "kind": q.kind,
                "speaker_name": q.speaker.name if q.speaker else None,
                "speaker_code": q.speaker.code if q.speaker else None,
                "speaker_sector": q.speaker.sector if q.speaker else None,
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
            }
            for i, q in enumerate(analysis.quotes)
        ]),
        (schema.events, [event_row(article, i, e) for i, e in enumerate(analysis.events)]),
        (schema.actors, [
            {"article_id": article.id, "seq": i, "name": a.name, "code": a.code,
             "sector": a.sector}
            for i, a in enumerate(analysis.actors)
        ]),
    ]
    return [(table, rows) for table, rows in tables if rows]


def save_analysis(
    conn: sa.Connection, analysis: Analysis, *, analyzed: bool, run_id: str, now: str
) -> None:
    """Store an article with its drops, quotes, events and actors, replacing earlier ones."""
    article = analysis.article
    _upsert(conn, schema.articles, "id", article_row(article, analyzed=analyzed, run_id=run_id,
                                                     now=now))
    for table in schema.CHILD_TABLES:
        conn.execute(_delete_by(table, "article_id"), {"value_": article.id})
    for table, rows in child_rows(analysis):
        conn.execute(sa.insert(table), rows)


def previous_article_id(conn: sa.Connection, source: str) -> str | None:
    """The article that this input produced last time it was stored, if any."""
    i = schema.inputs
    found = conn.execute(sa.select(i.c.article_id).where(i.c.source == source))
    return found.scalar_one_or_none()


def delete_article(conn: sa.Connection, article_id: str) -> None:
    """Remove an article and its children (when its input's content changed)."""
    for table in schema.CHILD_TABLES:
        conn.execute(_delete_by(table, "article_id"), {"value_": article_id})
    conn.execute(_delete_by(schema.articles, "id"), {"value_": article_id})


def input_row(*, source: str, content_hash: str | None, article_id: str | None,
              skip: Skip | None, run_id: str, now: str, note: str | None = None) -> dict[str, Any]:
    """The ``inputs`` row of one input: stored (with its article) or skipped (with why)."""
    return {
        "source": source,
        "content_hash": content_hash,
        "status": "skipped" if skip else "stored",
        "reason": skip.reason if skip else None,
        "detail": skip.detail if skip else note,
        "article_id": article_id,
        "run_id": run_id,
        "updated_at": now,
    }


def save_input(
    conn: sa.Connection,
    *,
    source: str,
    content_hash: str | None,
    article_id: str | None,
    skip: Skip | None,
    run_id: str,
    now: str,
    note: str | None = None,
) -> None:
    """Record the latest state of one input: stored (with its article) or skipped (with why);
    ``note`` is the detail of a stored input (e.g. why its analysis failed)."""
    _upsert(conn, schema.inputs, "source",
            input_row(source=source, content_hash=content_hash, article_id=article_id,
                      skip=skip, run_id=run_id, now=now, note=note))
