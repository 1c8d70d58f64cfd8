"""The tables of the continuous mode (``wirewatch watch``): what it polls and what it has seen.

- ``poll_sources``: one row per feed, sitemap or URL list polled: its conditional-GET
  validators (saved only once a cycle has processed every link the source gave, so a watcher
  killed mid-cycle is asked for the full source again) and its last outcome;
- ``poll_seen``: one row per URL processed (normalised): its canonical URL, the SHA-256 of its
  content, the article stored from it, and its outcome. A URL, canonical URL or content hash
  found here is not processed again;
- ``poll_cycles``: one row per cycle, what ``/status`` and the cycle log line report.
"""

from __future__ import annotations

import sqlalchemy as sa

poll_metadata = sa.MetaData()

poll_sources = sa.Table(
    "poll_sources",
    poll_metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_polled", sa.Text),
    sa.Column("last_status", sa.Text),  # ok, not_modified, or a skip reason
    sa.Column("last_detail", sa.Text),
    sa.Column("links", sa.Integer, nullable=False, server_default="0"),  # in the last answer
)

poll_seen = sa.Table(
    "poll_seen",
    poll_metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("canonical_url", sa.Text),
    sa.Column("content_hash", sa.Text),
    sa.Column("article_id", sa.Text),
    sa.Column("status", sa.Text, nullable=False),  # stored, skipped
    sa.Column("reason", sa.Text),
    sa.Column("found_in", sa.Text),  # the source (feed) that listed it first
    sa.Column("cycle_id", sa.Integer, nullable=False),
    sa.Column("seen_at", sa.Text, nullable=False),
    sa.Index("ix_poll_seen_canonical", "canonical_url"),
    sa.Index("ix_poll_seen_hash", "content_hash"),
)

poll_cycles = sa.Table(
    "poll_cycles",
    poll_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.Text, nullable=False),
    sa.Column("finished", sa.Text),
    sa.Column("status", sa.Text, nullable=False),  # running, done, failed
    sa.Column("sources", sa.Integer, nullable=False, server_default="0"),
    sa.Column("not_modified", sa.Integer, nullable=False, server_default="0"),
    sa.Column("links", sa.Integer, nullable=False, server_default="0"),
    sa.Column("new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
    sa.Column("unchanged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Text, nullable=False, server_default="{}"),  # JSON {reason: n}
    sa.Column("seconds", sa.Float),
)

POLL_TABLES = (poll_sources, poll_seen, poll_cycles)
