"""The database tables as SQLAlchemy Core objects: one definition for SQLite and PostgreSQL.

These describe the *current* shape of each table. Tables are created by the numbered
migrations in ``migrations.py``, never by ``create_all`` on the whole metadata: a table added
later gets its own migration. An index added later is declared here and created by its own
migration with ``checkfirst`` (a new database already has it from migration 1). Lists
(authors, body paragraphs, actor lists) are JSON text, so the schema stays portable; the
columns that the API filters on are plain indexed columns.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("started", sa.Text, nullable=False),
    sa.Column("finished", sa.Text),
    sa.Column("status", sa.Text, nullable=False),  # running, done, failed
    sa.Column("analyzed", sa.Boolean, nullable=False),
    sa.Column("pages_read", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_stored", sa.Integer, nullable=False, server_default="0"),
    sa.Column("unchanged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Text, nullable=False, server_default="{}"),  # JSON {reason: count}
)

# One row per input (a file, "path:N" for a JSONL line, "-" for stdin): its latest state.
inputs = sa.Table(
    "inputs",
    metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text),  # sha256 of the page content; NULL when unreadable
    sa.Column("status", sa.Text, nullable=False),  # stored, skipped
    sa.Column("reason", sa.Text),  # skip reason code (empty, binary, no_article, ...)
    sa.Column("detail", sa.Text),  # one human-readable line
    sa.Column("article_id", sa.Text),
    sa.Column("run_id", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Index("ix_inputs_status_reason", "status", "reason"),
    sa.Index("ix_inputs_run", "run_id"),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("form", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("authors", sa.Text, nullable=False),  # JSON list of strings
    sa.Column("section", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("image_caption", sa.Text),
    sa.Column("image_credit", sa.Text),
    sa.Column("body", sa.Text, nullable=False),  # JSON list of paragraphs
    sa.Column("related", sa.Text, nullable=False),  # JSON list
    sa.Column("extractor", sa.Text, nullable=False),
    # Article.short (added by migration 4; server default for rows stored before it)
    sa.Column("short", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("analyzed", sa.Boolean, nullable=False),
    sa.Column("run_id", sa.Text, nullable=False),
    sa.Column("stored_at", sa.Text, nullable=False),
    sa.Index("ix_articles_site", "site"),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_source", "source"),
)

drops = sa.Table(
    "drops",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Index("ix_drops_article", "article_id"),
    sa.Index("ix_drops_reason", "reason"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_code", sa.Text),
    sa.Column("speaker_sector", sa.Text),
    sa.Column("cue", sa.Text),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    # Quote.speaker_start/speaker_end (added by migration 6; null for rows stored before it)
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Index("ix_quotes_article", "article_id"),
    sa.Index("ix_quotes_speaker_code", "speaker_code"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("source_actors", sa.Text, nullable=False),  # JSON list of {name, code, sector}
    sa.Column("target_actors", sa.Text, nullable=False),
    sa.Column("source_code", sa.Text),  # first source actor's code, for indexing
    sa.Column("target_code", sa.Text),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("attribution", sa.Text),  # JSON {name, code, sector} or NULL
    sa.Column("intensity", sa.Float, nullable=False),
    sa.Column("quad", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("coder", sa.Text, nullable=False),
    sa.Column("location", sa.Text),
    sa.Column("date", sa.Text),
    # Event.confidence (added by migration 8; null for rows stored before it, read as 1.0)
    sa.Column("confidence", sa.Float),
    # Denormalised from the article so the API filters on one table: the event's own date or
    # else the article's publication date (YYYY-MM-DD), and the article's site.
    sa.Column("day", sa.Text),
    sa.Column("site", sa.Text),
    sa.Index("ix_events_article", "article_id"),
    sa.Index("ix_events_source_code", "source_code", "day"),
    sa.Index("ix_events_target_code", "target_code", "day"),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_modality", "modality"),
    sa.Index("ix_events_day", "day"),
    sa.Index("ix_events_site", "site"),
    # Added by migration 3: the API filters on one of these and pages newest day first.
    sa.Index("ix_events_type_day", "type", "day"),
    sa.Index("ix_events_modality_day", "modality", "day"),
    sa.Index("ix_events_site_day", "site", "day"),
    sa.Index("ix_events_quad_day", "quad", "day"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("code", sa.Text),
    sa.Column("sector", sa.Text),
    sa.Index("ix_actors_article", "article_id"),
    sa.Index("ix_actors_code", "code"),
)

# The tables the first migration creates, in dependency order.
V1_TABLES = (schema_migrations, runs, inputs, articles, drops, quotes, events, actors)
# Tables holding one article's children: replaced as a whole when the article is re-stored.
CHILD_TABLES = (drops, quotes, events, actors)
