"""Export a table as JSON Lines, CSV or Parquet, streaming rows (no whole table in memory).

Columns that hold JSON text in the database (authors, body, actor lists...) become real lists
and objects in JSON Lines, and stay JSON text in CSV and Parquet (a flat, portable shape).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import islice
from typing import Any, BinaryIO, Literal

import orjson
import sqlalchemy as sa

from wirewatch.errors import QueryError
from wirewatch.store import schema
from wirewatch.store.core import Store

ExportFormat = Literal["jsonl", "csv", "parquet"]
EXPORT_TABLES = ("articles", "drops", "quotes", "events", "actors", "inputs", "runs")
# The watch stage's derived tables (rebuilt from the ones above; docs/watch.md).
DERIVED_TABLES = ("stories", "story_members", "duplicates", "merged_events", "event_mentions",
                  "dyad_days", "alerts", "dyad_pairs")
JSON_COLUMNS = {
    "stories": ("sites",),
    "articles": ("authors", "body", "related"),
    "events": ("source_actors", "target_actors", "attribution"),
    "runs": ("skipped",),
}
PARQUET_BATCH = 5_000


def _table(name: str) -> sa.Table:
    from wirewatch.store.watch_index_schema import index_metadata
    from wirewatch.store.watch_schema import watch_metadata

    if name not in (*EXPORT_TABLES, *DERIVED_TABLES):
        raise QueryError(f"cannot export {name!r}: choose one of "
                         f"{', '.join((*EXPORT_TABLES, *DERIVED_TABLES))}")
    return {**schema.metadata.tables, **watch_metadata.tables, **index_metadata.tables}[name]


def _jsonl(rows: Iterator[dict[str, Any]], table: str, out: BinaryIO) -> int:
    json_columns = JSON_COLUMNS.get(table, ())
    n = 0
    for row in rows:
        for column in json_columns:
            if row[column] is not None:
                row[column] = orjson.loads(row[column])
        out.write(orjson.dumps(row, option=orjson.OPT_NON_STR_KEYS) + b"\n")
        n += 1
    return n


def _csv(rows: Iterator[dict[str, Any]], columns: list[str], out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    text.flush()
    text.detach()  # leave ``out`` open for the caller
    return n


def _arrow_type(column: sa.Column[Any]) -> Any:
    import pyarrow as pa

    if isinstance(column.type, sa.Boolean):
        return pa.bool_()
    if isinstance(column.type, sa.Integer):
        return pa.int64()
    if isinstance(column.type, sa.Float):
        return pa.float64()
    return pa.string()


def _parquet(rows: Iterator[dict[str, Any]], table: sa.Table, out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_schema = pa.schema([(c.name, _arrow_type(c)) for c in table.columns])
    n = 0
    with pq.ParquetWriter(out, arrow_schema) as parquet:
        while chunk := list(islice(rows, PARQUET_BATCH)):
            parquet.write_table(pa.Table.from_pylist(chunk, schema=arrow_schema))
            n += len(chunk)
        if n == 0:
            parquet.write_table(arrow_schema.empty_table())
    return n


def export_table(store: Store, table: str, fmt: ExportFormat, out: BinaryIO) -> int:
    """Write every row of ``table`` to ``out`` in ``fmt``; return the number of rows."""
    t = _table(table)
    rows = store.iter_rows(table)
    if fmt == "jsonl":
        return _jsonl(rows, table, out)
    if fmt == "csv":
        return _csv(rows, [c.name for c in t.columns], out)
    if fmt == "parquet":
        return _parquet(rows, t, out)
    raise QueryError(f"unknown export format {fmt!r}: choose jsonl, csv or parquet")
