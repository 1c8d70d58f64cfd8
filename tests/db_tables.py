"""Every table of two SQLite databases written by wirewatch, compared row by row.

What a run writes that is not its output is left out: run ids, the times rows were stored,
updated, migrated or built (``VOLATILE``). Rows are compared in insertion order (``rowid``),
row ids included, so a change in what is written or in the order it is written shows; floats
within a tolerance. Also a command line, to compare the databases of two versions:

    PYTHONPATH=src .venv/bin/python -m tests.db_tables before.db after.db
"""

from __future__ import annotations

import argparse
import math
import sqlite3
from pathlib import Path
from typing import Any

# Columns whose values differ between any two runs (ids of runs, clock times).
VOLATILE = frozenset({"run_id", "stored_at", "updated_at", "applied_at", "started",
                      "finished", "built_at"})
# (table, key column, key value) rows whose ``value`` is a clock time
VOLATILE_VALUES = frozenset({("watch_state", "key", "built_at")})
FLOAT_TOLERANCE = 1e-9


def table_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Each table's compared columns and its rows in insertion order."""
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        for name in names:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
            if name == "runs":
                kept = [c for c in columns if c != "id" and c not in VOLATILE]
            else:
                kept = [c for c in columns if c not in VOLATILE]
            rows = [_masked(name, kept, row) for row in conn.execute(
                f"SELECT {', '.join(kept)} FROM {name} ORDER BY rowid")]
            tables[name] = (kept, rows)
    return tables


def _masked(table: str, columns: list[str], row: tuple[Any, ...]) -> tuple[Any, ...]:
    values = dict(zip(columns, row, strict=True))
    for name, key, key_value in VOLATILE_VALUES:
        if name == table and values.get(key) == key_value and "value" in values:
            values["value"] = "<time>"
    return tuple(values[c] for c in columns)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (isinstance(a, int | float) and isinstance(b, int | float)
                and math.isclose(a, b, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE))
    return bool(a == b)


def differences(a: Path, b: Path, *, limit: int = 20) -> list[str]:
    """Where the two databases differ (empty: every table the same), at most ``limit`` lines."""
    left, right = table_rows(a), table_rows(b)
    found: list[str] = []
    for name in sorted(set(left) | set(right)):
        if name not in left or name not in right:
            found.append(f"{name}: only in {a if name in left else b}")
            continue
        (cols_a, rows_a), (cols_b, rows_b) = left[name], right[name]
        if cols_a != cols_b:
            found.append(f"{name}: columns {cols_a} != {cols_b}")
            continue
        if len(rows_a) != len(rows_b):
            found.append(f"{name}: {len(rows_a)} rows != {len(rows_b)} rows")
        for n, (x, y) in enumerate(zip(rows_a, rows_b, strict=False)):
            bad = [c for c, u, v in zip(cols_a, x, y, strict=True) if not _same(u, v)]
            if bad:
                found.append(f"{name} row {n}: {', '.join(bad)} differ")
                break
    return found[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    args = parser.parse_args()
    found = differences(args.a, args.b)
    counts = {name: len(rows) for name, (_, rows) in table_rows(args.a).items()}
    print(f"{len(counts)} tables, {sum(counts.values())} rows in {args.a}")
    print("\n".join(found) if found else "every table the same")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
