"""Exports of the watch stage's output: derived tables, GDELT-order rows, PLOVER JSON."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import orjson
import sqlalchemy as sa

from tests.store import conftest as store_fixtures
from tests.watch.synthetic import base_texts, make_analysis, vocabulary
from wirewatch.store import InputResult, Store, open_store
from wirewatch.store.export import DERIVED_TABLES, export_table
from wirewatch.store.export_events import (
    GDELT_COLUMNS,
    cameo_codes,
    cameo_of,
    export_gdelt,
    export_plover,
)
from wirewatch.store.watch_schema import merged_events
from wirewatch.watch.rebuild import update_watch

store_url = store_fixtures.store_url


def _filled(store: Store, n: int = 40) -> None:
    rng = random.Random(5)
    vocab = vocabulary(150)
    bases = base_texts(rng, 5, 30, vocab)
    analyses = [make_analysis(rng, i, bases, vocab, days=6) for i in range(n)]
    store.save_batch([InputResult(a.article.source, a.article.id, analysis=a)
                      for a in analyses], run_id="test")
    update_watch(store)


def test_gdelt_rows_have_the_event_tables_columns_and_codes(store_url: str) -> None:
    with open_store(store_url) as store:
        _filled(store)
        out = io.BytesIO()
        n = export_gdelt(store, out)
        with store.connect() as conn:
            merged = {r["id"]: r for r in conn.execute(sa.select(merged_events)).mappings()}
    assert len(GDELT_COLUMNS) == 61
    rows = list(csv.reader(io.StringIO(out.getvalue().decode()), delimiter="\t"))
    assert n == len(rows) == len(merged) > 0
    by_id = {int(m[1:], 16): m for m in merged}
    for row in rows:
        assert len(row) == 61
        fields = dict(zip(GDELT_COLUMNS, row, strict=True))
        event = merged[by_id[int(fields["GlobalEventID"])]]
        assert fields["QuadClass"] in {"1", "2", "3", "4"}
        assert fields["EventRootCode"] == fields["EventCode"][:2]
        assert cameo_of(event["type"], event["mode"]) == (fields["EventCode"],
                                                          fields["EventRootCode"])
        assert fields["NumMentions"] == str(event["mentions"])
        assert fields["NumSources"] == str(event["outlets"])
        assert fields["Actor1Code"] == (event["source_code"] or "")
        assert fields["GoldsteinScale"] == "" and fields["AvgTone"] == ""
        if event["date"]:
            assert fields["Day"] == event["date"].replace("-", "")
        assert fields["SOURCEURL"]


def test_every_plover_type_has_a_cameo_root() -> None:
    types = {t for t, mode in cameo_codes() if not mode}
    assert len(types) == 16
    assert cameo_of("ACCUSE", "no-such-mode") == cameo_of("ACCUSE", None)


def test_plover_json_records(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.db") as store:
        _filled(store)
        out = io.BytesIO()
        n = export_plover(store, out)
    records = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records) > 0
    for rec in records:
        assert {"id", "date", "actor", "recipient", "event", "quad_code"} <= set(rec)
        assert rec["quad_code"] in (1, 2, 3, 4)
        assert len(rec["text_info"]) == len(rec["cite_info"]) == rec["mentions"]


def test_derived_tables_export(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.db") as store:
        _filled(store)
        for table in DERIVED_TABLES:
            out = io.BytesIO()
            n = export_table(store, table, "jsonl", out)
            assert n == len(out.getvalue().splitlines())
        out = io.BytesIO()
        export_table(store, "stories", "jsonl", out)
        first = orjson.loads(out.getvalue().splitlines()[0])
        assert isinstance(first["sites"], list)
