"""One migrating process at a time: two runs creating one new database both succeed.

Without a lock, two processes opening the same new database both find no
``schema_migrations`` table and both create it (``table schema_migrations already exists``,
``UNIQUE constraint failed``: 6 in 10 tries in issue 13's probe). ``migration_lock`` holds
- PostgreSQL: a session advisory lock (``pg_advisory_lock``) on a key of wirewatch's own;
- SQLite: an exclusive ``flock`` on the folder that holds the database file. Not on the file
  itself: SQLite's own POSIX locks are dropped when any descriptor of the file is closed in the
  process, so wirewatch never opens the database file outside SQLite. ``flock`` on a folder
  leaves nothing behind and only ever blocks another migration. On systems without ``flock``
  (Windows) and for in-memory databases no lock is taken.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# pg_advisory_lock key: a constant of wirewatch's own (a signed 64-bit integer).
ADVISORY_KEY = 0x5F1D3A8C2B7E4D61


def _sqlite_folder(engine: sa.Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve().parent


@contextmanager
def migration_lock(engine: sa.Engine) -> Iterator[None]:
    """Hold the database's migration lock (blocking until it is free) for the body."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                conn.commit()
        return
    folder = _sqlite_folder(engine) if engine.dialect.name == "sqlite" else None
    if folder is None or fcntl is None or not folder.is_dir():
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock
