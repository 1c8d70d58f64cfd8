"""The tables that the stories and tension stage writes (migration 2 of the store).

They are derived data: :func:`wirewatch.watch.rebuild.rebuild_watch` replaces their contents
as a whole from the articles and events tables, so they never need their own data migrations.
"""

from __future__ import annotations

import sqlalchemy as sa

watch_metadata = sa.MetaData()

stories = sa.Table(
    "stories",
    watch_metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("first_seen", sa.Text),
    sa.Column("last_seen", sa.Text),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("n_sites", sa.Integer, nullable=False),
    sa.Column("sites", sa.Text, nullable=False),  # JSON list
    sa.Index("ix_stories_first_seen", "first_seen"),
)

story_members = sa.Table(
    "story_members",
    watch_metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("story_id", sa.Text, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Index("ix_story_members_story", "story_id"),
)

duplicates = sa.Table(
    "duplicates",
    watch_metadata,
    sa.Column("copy_id", sa.Text, primary_key=True),
    sa.Column("original_id", sa.Text, nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Index("ix_duplicates_original", "original_id"),
)

merged_events = sa.Table(
    "merged_events",
    watch_metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("source_code", sa.Text),
    sa.Column("target_code", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("first_seen", sa.Text),
    sa.Column("outlets", sa.Integer, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("story_id", sa.Text),
    sa.Column("intensity", sa.Float, nullable=False),
    sa.Column("quad", sa.Text, nullable=False),
    sa.Index("ix_merged_events_pair", "source_code", "target_code", "date"),
    sa.Index("ix_merged_events_story", "story_id"),
)

event_mentions = sa.Table(
    "event_mentions",
    watch_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("merged_id", sa.Text, nullable=False),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("site", sa.Text),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Index("ix_event_mentions_merged", "merged_id"),
    sa.Index("ix_event_mentions_article", "article_id"),
)

dyad_days = sa.Table(
    "dyad_days",
    watch_metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("target", sa.Text, primary_key=True),
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("verbal_cooperation", sa.Integer, nullable=False),
    sa.Column("material_cooperation", sa.Integer, nullable=False),
    sa.Column("verbal_conflict", sa.Integer, nullable=False),
    sa.Column("material_conflict", sa.Integer, nullable=False),
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("intensity_sum", sa.Float, nullable=False),
    sa.Column("intensity_mean", sa.Float, nullable=False),
    sa.Column("tension", sa.Float, nullable=False),
    # Added by migration 9: the store's last day (max) without reading every row.
    sa.Index("ix_dyad_days_day", "day"),
)

alerts = sa.Table(
    "alerts",
    watch_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("day", sa.Text, nullable=False),
    sa.Column("tension", sa.Float, nullable=False),
    sa.Column("baseline", sa.Float, nullable=False),
    sa.Column("threshold", sa.Float, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Index("ix_alerts_pair", "source", "target", "day"),
    sa.Index("ix_alerts_day", "day"),
)

# One row: what the derived tables were built from, so readers can tell when they are stale.
watch_state = sa.Table(
    "watch_state",
    watch_metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

WATCH_TABLES = (
    stories,
    story_members,
    duplicates,
    merged_events,
    event_mentions,
    dyad_days,
    alerts,
    watch_state,
)
