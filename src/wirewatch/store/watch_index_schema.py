"""The persistent index of the incremental watch stage (a store migration of its own).

- ``watch_articles``: one row per article the watch tables were built from: what the
  decisions need (order key parts, day, site, title, coded actors), its two MinHash
  signatures, its duplicate group's original and its story's first article.
- ``lsh_bands``: the LSH band keys of both signatures (:mod:`wirewatch.watch.lsh`).
- ``dup_edges``: near-duplicate pairs (estimated Jaccard >= the duplicate threshold), a < b.
- ``watch_reports``: the factual event reports that merged events are built from, keyed for
  the (type, source, target, day) lookups of the merge.

Like the other watch tables they are derived: ``wirewatch stories --full`` rebuilds them.
"""

from __future__ import annotations

import sqlalchemy as sa

index_metadata = sa.MetaData()

watch_articles = sa.Table(
    "watch_articles",
    index_metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("stored_at", sa.Text, nullable=False),  # the article row's, to see re-stores
    sa.Column("published", sa.Text),
    sa.Column("day", sa.Text),  # the published day (YYYY-MM-DD) when it parses
    sa.Column("body_len", sa.Integer, nullable=False),
    sa.Column("site", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("codes", sa.Text, nullable=False),  # JSON list of coded actors, sorted
    sa.Column("dup_sig", sa.LargeBinary),  # NULL: too short to be a duplicate
    sa.Column("story_sig", sa.LargeBinary),  # NULL: too few content words to match
    sa.Column("original_id", sa.Text),  # the original of its duplicate group; NULL alone
    sa.Column("story_head", sa.Text, nullable=False),  # its story's first article
    sa.Index("ix_watch_articles_original", "original_id"),
    sa.Index("ix_watch_articles_head", "story_head"),
)

lsh_bands = sa.Table(
    "lsh_bands",
    index_metadata,
    sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Index("ix_lsh_bands_article", "article_id"),
)

dup_edges = sa.Table(
    "dup_edges",
    index_metadata,
    sa.Column("a", sa.Text, primary_key=True),
    sa.Column("b", sa.Text, primary_key=True),
    sa.Column("sim", sa.Float, nullable=False),
    sa.Index("ix_dup_edges_b", "b"),
)

watch_reports = sa.Table(
    "watch_reports",
    index_metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),  # the event's seq
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("source_key", sa.Text),
    sa.Column("target_key", sa.Text),
    sa.Column("day", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("story_id", sa.Text),
    sa.Column("outlet", sa.Text, nullable=False),
    sa.Column("merged_id", sa.Text),  # the merged event it is part of
    sa.Index("ix_watch_reports_key", "type", "source_key", "target_key", "day"),
    sa.Index("ix_watch_reports_merged", "merged_id"),
)

INDEX_TABLES = (watch_articles, lsh_bands, dup_edges, watch_reports)

# One row per ordered pair with dyad days: what GET /dyads ranks on, kept by the watch stage
# (store migration 9) so that the overview reads a few rows instead of grouping every dyad day.
dyad_pairs = sa.Table(
    "dyad_pairs",
    index_metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("target", sa.Text, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),  # merged events, all days
    sa.Column("tension", sa.Float, nullable=False),  # sum of daily tension, all days
    sa.Column("recent", sa.Float, nullable=False),  # tension of the last 7 days (of the store)
    sa.Column("prior", sa.Float, nullable=False),  # tension of the 7 days before those
    sa.Column("escalation", sa.Float, nullable=False),  # recent - prior
    sa.Column("alerts", sa.Integer, nullable=False),
    sa.Index("ix_dyad_pairs_events", "events"),
    sa.Index("ix_dyad_pairs_escalation", "escalation"),
)

PAIR_TABLES = (dyad_pairs,)
