"""Export formats: JSON Lines, CSV and Parquet hold the same rows as the database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from tests.store.conftest import make_analysis
from wirewatch.errors import QueryError
from wirewatch.store import Store
from wirewatch.store.export import EXPORT_TABLES, export_table


@pytest.fixture
def filled(store: Store) -> Store:
    for i in range(3):
        store.save_analysis(make_analysis(f"a{i}", n_events=i))
    return store


def test_jsonl_articles_decode_json_columns(filled: Store) -> None:
    out = io.BytesIO()
    assert export_table(filled, "articles", "jsonl", out) == 3
    rows = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a0", "a1", "a2"]
    original = make_analysis("a1").article
    assert rows[1]["body"] == list(original.body)
    assert rows[1]["authors"] == list(original.authors)


def test_csv_events_round_trip(filled: Store) -> None:
    out = io.BytesIO()
    assert export_table(filled, "events", "csv", out) == 3  # 0 + 1 + 2 events
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert len(rows) == 3
    assert {r["coder"] for r in rows} == {"wirewatch.events/1"}
    assert orjson.loads(rows[0]["source_actors"])[0]["code"] == "USA"


def test_parquet_has_typed_columns(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        assert export_table(filled, "events", "parquet", out) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3
    assert str(table.schema.field("intensity").type) == "double"
    assert sorted(table.column("intensity").to_pylist()) == [-4.0, -3.0, -3.0]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_every_table_exports_even_when_empty(store: Store, tmp_path: Path, fmt: str,
                                             table: str) -> None:
    path = tmp_path / f"{table}.{fmt}"
    with path.open("wb") as out:
        assert export_table(store, table, fmt, out) == 0  # type: ignore[arg-type]
    if fmt == "parquet":
        assert pq.read_table(path).num_rows == 0


def test_unknown_table_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        export_table(store, "schema_migrations", "jsonl", io.BytesIO())
