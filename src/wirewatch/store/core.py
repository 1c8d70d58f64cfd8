"""The Store: one database (SQLite file or PostgreSQL URL) behind one small interface.

SQLite is opened in WAL mode with a busy timeout, so readers (the web app) never block the one
writer (``wirewatch run``). Every write goes through ``transaction()``; SQLAlchemy errors are
re-raised as StoreError with a one-line message.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from wirewatch.errors import StoreError
from wirewatch.records import Analysis, Article, Skip
from wirewatch.store import batch, reader, schema, writer
from wirewatch.store.migrations import migrate, schema_version

BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True, slots=True)
class InputResult:
    """What became of one input: an analysed article or a skip, keyed by source and content."""

    source: str
    content_hash: str | None
    analysis: Analysis | None = None
    skip: Skip | None = None
    analyzed: bool = True  # False: the article was stored without quotes/events analysis
    note: str | None = None  # one line kept as the input's detail (e.g. why analysis failed)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def stored_at_now() -> str:
    # Microseconds: the watch stage tells a re-stored article by its changed stored_at, and an
    # article can be stored twice within one second.
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _scrub(value: Any) -> Any:
    return writer.clean_text(value) if isinstance(value, str) else value


def _clean_parameters(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               executemany: bool) -> tuple[str, Any]:
    """Bound strings go through ``writer.clean_text``: NUL and lone surrogates become U+FFFD.

    PostgreSQL text cannot hold NUL and no driver encodes a lone surrogate; SQLite gets the
    same treatment so both stores hold the same text.
    """
    def clean(params: Any) -> Any:
        if isinstance(params, dict):
            return {k: _scrub(v) for k, v in params.items()}
        if isinstance(params, list | tuple):
            return type(params)(_scrub(v) for v in params)
        return params

    if executemany and isinstance(parameters, list | tuple):
        return statement, type(parameters)(clean(p) for p in parameters)
    return statement, clean(parameters)


def database_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL: URLs pass through, anything else is a SQLite file path."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


class Store:
    """A migrated database. Use ``open_store``; close it (or use ``with``) when done."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """A connection in a transaction: committed on success, rolled back on error."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot write the database: {_one_line(exc)}") from exc

    @contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        """A connection for reading."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot read the database: {_one_line(exc)}") from exc

    def schema_version(self) -> int:
        return schema_version(self.engine)

    # -- writing ----------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis, *, run_id: str = "manual") -> None:
        """Store one article with its quotes, events and actors (re-storing replaces them)."""
        with self.transaction() as conn:
            writer.save_analysis(conn, analysis, analyzed=True, run_id=run_id,
                                 now=stored_at_now())

    def save_skip(self, skip: Skip, *, run_id: str = "manual") -> None:
        """Record an input that produced no article, with its reason."""
        self.save_batch([InputResult(skip.source, None, skip=skip)], run_id=run_id)

    def save_batch(self, items: Sequence[InputResult], *, run_id: str) -> None:
        """Store a batch of inputs' results in one transaction (all or nothing)."""
        now, stored_at = now_iso(), stored_at_now()
        with self.transaction() as conn:
            batch.save_results(conn, items, run_id=run_id, now=now, stored_at=stored_at)

    def start_run(self, *, analyzed: bool) -> str:
        run_id = uuid.uuid4().hex[:16]
        with self.transaction() as conn:
            conn.execute(sa.insert(schema.runs).values(
                id=run_id, started=now_iso(), status="running", analyzed=analyzed))
        return run_id

    def finish_run(self, run_id: str, *, status: str, pages_read: int, articles_stored: int,
                   unchanged: int, skipped: dict[str, int]) -> None:
        with self.transaction() as conn:
            conn.execute(sa.update(schema.runs).where(schema.runs.c.id == run_id).values(
                finished=now_iso(), status=status, pages_read=pages_read,
                articles_stored=articles_stored, unchanged=unchanged,
                skipped=writer.to_json(skipped)))

    # -- reading ----------------------------------------------------------------------------
    def is_unchanged(self, source: str, content_hash: str, *, analyzed: bool = False) -> bool:
        """True when this source with this exact content was already stored or skipped.

        With ``analyzed=True`` an article stored without analysis does not count: a run
        with analysis after a ``--no-analyze`` run analyses it.
        """
        i, a = schema.inputs, schema.articles
        query = (sa.select(i.c.content_hash, i.c.status, a.c.analyzed)
                 .select_from(i.outerjoin(a, a.c.id == i.c.article_id))
                 .where(i.c.source == source))
        with self.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.content_hash != content_hash:
            return False
        return not analyzed or row.status == "skipped" or bool(row.analyzed)

    def get_article(self, article_id: str) -> Analysis:
        """The stored article with its quotes, events and actors (NotFoundError if absent)."""
        with self.connect() as conn:
            return reader.get_article(conn, article_id)

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article with its drops, in id order."""
        with self.connect() as conn:
            yield from reader.iter_articles(conn)

    def iter_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Raw rows of one table, in primary-key order (for export)."""
        from wirewatch.store.watch_index_schema import index_metadata
        from wirewatch.store.watch_schema import watch_metadata

        known = {**schema.metadata.tables, **watch_metadata.tables, **index_metadata.tables}
        if table not in known:
            raise StoreError(f"no table {table!r}")
        t = known[table]
        with self.connect() as conn:
            query = sa.select(t).order_by(*t.primary_key.columns)
            # Server-side cursor on PostgreSQL: exports stream instead of loading the table.
            streamed = conn.execution_options(stream_results=True, yield_per=1000)
            for row in streamed.execute(query).mappings():
                yield dict(row)

    def list_articles(self, filters: reader.ArticleFilter | None = None, *, limit: int = 50,
                      offset: int = 0) -> list[Article]:
        with self.connect() as conn:
            return reader.list_articles(conn, filters or reader.ArticleFilter(), limit=limit,
                                        offset=offset)

    def list_events(self, filters: reader.EventFilter | None = None, *, limit: int = 50,
                    offset: int = 0) -> list[reader.StoredEvent]:
        with self.connect() as conn:
            return reader.list_events(conn, filters or reader.EventFilter(), limit=limit,
                                      offset=offset)

    def counts(self) -> dict[str, int]:
        with self.connect() as conn:
            return reader.counts(conn)


def open_store(url_or_path: str | Path, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) a SQLite file or a PostgreSQL URL.

    ``create=False`` (for commands that only read) refuses a SQLite file that does not exist
    instead of creating an empty database.

    >>> store = open_store("wirewatch.db")                          # doctest: +SKIP
    >>> store = open_store("postgresql+psycopg://u@localhost/ww")   # doctest: +SKIP
    """
    url = database_url(url_or_path)
    if not create and "://" not in str(url_or_path) and not Path(url_or_path).exists():
        raise StoreError(f"no database at {url_or_path}")
    try:
        engine = sa.create_engine(url)
    except (sa.exc.SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open the database {url_or_path}: {_one_line(exc)}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    sa.event.listen(engine, "before_cursor_execute", _clean_parameters, retval=True)
    try:
        migrate(engine)
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database {url_or_path}: {_one_line(exc)}") from exc
    return Store(engine)
