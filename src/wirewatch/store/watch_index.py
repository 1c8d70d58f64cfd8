"""The incremental watch stage's index rows: article nodes cached in memory over SQL, their
LSH band keys and duplicate edges (tables in ``store.watch_index_schema``).

Every read that feeds a decision has an ORDER BY, so that the order of rows never depends on
the database's plan (the decisions themselves sort by :func:`Node.order_key`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson
import sqlalchemy as sa

from wirewatch.store.watch_index_schema import dup_edges, lsh_bands, watch_articles

Signature = npt.NDArray[np.uint32]

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@dataclass(slots=True)
class Node:
    """One article as the watch stage sees it."""

    article_id: str
    stored_at: str
    published: str | None
    day: date | None
    body_len: int
    site: str | None
    title: str | None
    codes: frozenset[str]
    dup_sig: Signature | None
    story_sig: Signature | None
    original_id: str | None = None
    story_head: str = ""
    key: tuple[int, str, int, str] = field(init=False)

    def __post_init__(self) -> None:
        # The stories module's order: dated first, then published, the longer body, the id.
        self.key = (0 if self.day else 1, self.published or "", -self.body_len, self.article_id)


def _sig_bytes(sig: Signature | None) -> bytes | None:
    return None if sig is None else sig.astype("<u4").tobytes()


def _sig_array(data: bytes | None) -> Signature | None:
    return None if data is None else np.frombuffer(data, dtype="<u4").astype(np.uint32)


def node_row(node: Node) -> dict[str, Any]:
    return {
        "article_id": node.article_id, "stored_at": node.stored_at,
        "published": node.published, "day": node.day.isoformat() if node.day else None,
        "body_len": node.body_len, "site": node.site, "title": node.title,
        "codes": orjson.dumps(sorted(node.codes)).decode(),
        "dup_sig": _sig_bytes(node.dup_sig),
        "story_sig": _sig_bytes(node.story_sig),
        "original_id": node.original_id, "story_head": node.story_head,
    }


def _node_from_row(row: sa.RowMapping) -> Node:
    return Node(
        article_id=row["article_id"], stored_at=row["stored_at"], published=row["published"],
        day=date.fromisoformat(row["day"]) if row["day"] else None, body_len=row["body_len"],
        site=row["site"], title=row["title"], codes=frozenset(orjson.loads(row["codes"])),
        dup_sig=_sig_array(row["dup_sig"]),
        story_sig=_sig_array(row["story_sig"]),
        original_id=row["original_id"], story_head=row["story_head"],
    )


class IndexState:
    """Nodes read from ``watch_articles`` on demand, changed in memory, written by ``flush``."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.nodes: dict[str, Node] = {}
        self.missing: set[str] = set()
        self.dirty: set[str] = set()

    def load(self, ids: Iterable[str]) -> None:
        want = sorted({i for i in ids if i not in self.nodes and i not in self.missing})
        w = watch_articles
        for part in chunks(want):
            query = sa.select(w).where(w.c.article_id.in_(part)).order_by(w.c.article_id)
            for row in self.conn.execute(query).mappings():
                self.nodes[row["article_id"]] = _node_from_row(row)
        self.missing.update(i for i in want if i not in self.nodes)

    def get(self, article_id: str) -> Node | None:
        self.load([article_id])
        return self.nodes.get(article_id)

    def insert(self, nodes: Sequence[Node], band_keys: Sequence[Iterable[int]]) -> None:
        """Write new nodes and their band keys now (their story is set later: ``flush``)."""
        for node in nodes:
            self.nodes[node.article_id] = node
            self.missing.discard(node.article_id)
        if nodes:
            self.conn.execute(sa.insert(watch_articles), [node_row(n) for n in nodes])
            rows = [{"key": k, "article_id": n.article_id}
                    for n, keys in zip(nodes, band_keys, strict=True) for k in sorted(set(keys))]
            if rows:
                self.conn.execute(sa.insert(lsh_bands), rows)

    def insert_edges(self, edges: Iterable[tuple[str, str, float]]) -> None:
        """Duplicate edges (a < b, similarity)."""
        rows = [{"a": a, "b": b, "sim": sim} for a, b, sim in sorted(edges)]
        if rows:
            self.conn.execute(sa.insert(dup_edges), rows)

    def remove(self, article_id: str) -> None:
        """Forget a node and delete its rows (bands, duplicate edges, the node)."""
        self.nodes.pop(article_id, None)
        self.missing.add(article_id)
        self.dirty.discard(article_id)
        self.conn.execute(sa.delete(lsh_bands).where(lsh_bands.c.article_id == article_id))
        self.conn.execute(sa.delete(dup_edges).where(
            sa.or_(dup_edges.c.a == article_id, dup_edges.c.b == article_id)))
        self.conn.execute(sa.delete(watch_articles).where(
            watch_articles.c.article_id == article_id))

    def band_neighbours(self, keys: Sequence[int]) -> list[str]:
        """Ids of the nodes that share at least one band key, in id order."""
        b = lsh_bands
        found: set[str] = set()
        for start in range(0, len(keys), CHUNK):
            part = list(keys[start : start + CHUNK])
            found.update(self.conn.execute(
                sa.select(b.c.article_id).where(b.c.key.in_(part)).order_by(b.c.article_id)
            ).scalars())
        return sorted(found)

    def edge_partners(self, article_id: str) -> list[str]:
        e = dup_edges
        rows = self.conn.execute(
            sa.select(e.c.a, e.c.b).where(sa.or_(e.c.a == article_id, e.c.b == article_id))
            .order_by(e.c.a, e.c.b))
        return sorted({a if b == article_id else b for a, b in rows})

    def with_column(self, column: str, value: str) -> list[str]:
        """Ids of the stored nodes whose ``column`` (original_id, story_head) equals ``value``,
        with the in-memory changes applied."""
        w = watch_articles
        stored = set(self.conn.execute(
            sa.select(w.c.article_id).where(w.c[column] == value).order_by(w.c.article_id)
        ).scalars())
        stored -= self.missing
        for aid in self.dirty:
            node = self.nodes[aid]
            if getattr(node, column) == value:
                stored.add(aid)
            else:
                stored.discard(aid)
        return sorted(stored)

    def flush(self) -> None:
        """Write the nodes whose original or story changed."""
        w = watch_articles
        update = (sa.update(w).where(w.c.article_id == sa.bindparam("id_"))
                  .values(original_id=sa.bindparam("original_id"),
                          story_head=sa.bindparam("story_head")))
        changed = sorted(self.dirty)
        if changed:
            self.conn.execute(update, [
                {"id_": i, "original_id": self.nodes[i].original_id,
                 "story_head": self.nodes[i].story_head} for i in changed])
        self.dirty.clear()
