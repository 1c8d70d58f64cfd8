"""A batch of inputs' results -> rows, inside the caller's transaction.

A batch whose articles and sources are all new to the database (the common case: a first
run, or new pages in a later one) is written with one executemany statement per table. Any
other batch (an article stored before, an input that produced an article before, a source or
an article twice in the batch) goes one input at a time through ``writer``, which replaces
earlier rows. Both leave the same rows, in the same order, with the same row ids: the fast
path only runs where the one-at-a-time path would delete nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from wirewatch.store import schema, writer

if TYPE_CHECKING:
    from wirewatch.store.core import InputResult

# Keys per IN (...) query: well under SQLite's and PostgreSQL's bound-parameter limits.
_IN_CHUNK = 500


def save_results(conn: sa.Connection, items: Sequence[InputResult], *, run_id: str,
                 now: str, stored_at: str, bulk: bool = True) -> None:
    """Store each input's article (with its children) and its ``inputs`` row; ``now`` is the
    inputs' update time, ``stored_at`` the articles'. ``bulk=False`` writes one input at a
    time even when the batch is all new (the reference the bulk path is tested against)."""
    if not items:
        return
    if not bulk or not _all_new(conn, items):
        for item in items:
            _save_one(conn, item, run_id=run_id, now=now, stored_at=stored_at)
        return
    analysed = [(item, item.analysis) for item in items if item.analysis is not None]
    if analysed:
        conn.execute(sa.insert(schema.articles), [
            writer.article_row(analysis.article, analyzed=item.analyzed, run_id=run_id,
                               now=stored_at)
            for item, analysis in analysed
        ])
        children: dict[str, list[dict[str, Any]]] = {t.name: [] for t in schema.CHILD_TABLES}
        for _, analysis in analysed:
            for table, rows in writer.child_rows(analysis):
                children[table.name].extend(rows)
        for table in schema.CHILD_TABLES:
            if children[table.name]:
                conn.execute(sa.insert(table), children[table.name])
    rows = [_input_row(item, run_id=run_id, now=now) for item in items]
    known = _existing(conn, schema.inputs.c.source, [row["source"] for row in rows])
    writer.update_rows(conn, schema.inputs, "source",
                       [row for row in rows if row["source"] in known])
    fresh = [row for row in rows if row["source"] not in known]
    if fresh:
        conn.execute(sa.insert(schema.inputs), fresh)


def _input_row(item: InputResult, *, run_id: str, now: str) -> dict[str, Any]:
    article_id = item.analysis.article.id if item.analysis is not None else None
    return writer.input_row(source=item.source, content_hash=item.content_hash,
                            article_id=article_id, skip=item.skip, run_id=run_id, now=now,
                            note=item.note)


def _save_one(conn: sa.Connection, item: InputResult, *, run_id: str, now: str,
              stored_at: str) -> None:
    article_id = None
    if item.analysis is not None:
        article_id = item.analysis.article.id
        # Same source, new content: the new article replaces the old one.
        previous = writer.previous_article_id(conn, item.source)
        if previous is not None and previous != article_id:
            writer.delete_article(conn, previous)
        writer.save_analysis(conn, item.analysis, analyzed=item.analyzed, run_id=run_id,
                             now=stored_at)
    writer.save_input(conn, source=item.source, content_hash=item.content_hash,
                      article_id=article_id, skip=item.skip, run_id=run_id, now=now,
                      note=item.note)


def _all_new(conn: sa.Connection, items: Sequence[InputResult]) -> bool:
    """True when no source or article repeats in the batch, no article is stored yet and no
    input of the batch has produced an article before (nothing would be replaced)."""
    sources = [item.source for item in items]
    ids = [item.analysis.article.id for item in items if item.analysis is not None]
    if len(set(sources)) < len(sources) or len(set(ids)) < len(ids):
        return False
    if _existing(conn, schema.articles.c.id, ids):
        return False
    i = schema.inputs
    with_article = [item.source for item in items if item.analysis is not None]
    for chunk in _chunks(with_article):
        query = sa.select(i.c.source).where(i.c.source.in_(chunk), i.c.article_id.is_not(None))
        if conn.execute(query.limit(1)).first() is not None:
            return False
    return True


def _existing(conn: sa.Connection, column: sa.Column[Any], keys: Sequence[str]) -> set[str]:
    """The keys among ``keys`` that ``column`` holds."""
    found: set[str] = set()
    for chunk in _chunks(keys):
        found.update(conn.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


def _chunks(keys: Sequence[str]) -> Iterable[Sequence[str]]:
    return (keys[start : start + _IN_CHUNK] for start in range(0, len(keys), _IN_CHUNK))
