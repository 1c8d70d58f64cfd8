"""The same database from every executor (issue 13): loop, process pool and Ray over all of
examples/, every table compared row for row after the watch tables are rebuilt.

A pool or Ray stores batches in the order they finish; every read that feeds a decision is
ordered and every tie has a rule (``watch.merge.most_common``), so the tables must not depend
on that order. Only what differs by design is left out: run ids, clock times and
autoincrement keys, and the tables that record runs themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from wirewatch.run import run_paths
from wirewatch.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"
RUN_COLUMNS = {"run_id", "stored_at", "updated_at", "applied_at", "started", "finished"}
RUN_TABLES = {"runs", "schema_migrations", "watch_state"}


def _tables(store: Store) -> dict[str, list[str]]:
    with store.connect() as conn:
        inspector = sa.inspect(conn)
        return {name: [c["name"] for c in inspector.get_columns(name)]
                for name in inspector.get_table_names() if name not in RUN_TABLES}


def everything(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, without run-specific columns nor integer row ids, sorted."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.connect() as conn:
        for name, columns in _tables(store).items():
            rows = conn.execute(sa.text(f'SELECT * FROM "{name}"')).mappings()
            kept = [tuple((k, v) for k, v in row.items() if k not in RUN_COLUMNS
                          and not (k == "id" and isinstance(v, int)))
                    for row in rows]
            out[name] = sorted(kept, key=repr)
            assert columns  # a table the comparison could not read would pass silently
    return out


def test_loop_pool_and_ray_store_the_same_tables(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'wirewatch[ray]')")
    results = {}
    for executor in ("loop", "pool", "ray"):
        with open_store(tmp_path / f"{executor}.db") as store:
            summary = run_paths([str(EXAMPLES)], store, executor=executor, workers=2,
                                batch_size=3)
            assert summary.articles_stored > 0 and summary.events_stored > 0
            results[executor] = everything(store)
    assert results["loop"]["merged_events"], "the examples must give merged events"
    for executor in ("pool", "ray"):
        for table, rows in results["loop"].items():
            assert results[executor][table] == rows, f"{executor}: table {table} differs"
