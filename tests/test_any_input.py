"""Any bytes as a file name or as content give a stored article or a recorded reason (issue 13).

Each example is one file in a fresh folder, run through ``run_paths`` into a SQLite store: the
run must end, and every input it read must have its row in ``inputs``, either ``stored`` with
an article or ``skipped`` with a reason; two different names never share a row.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.read.source import source_name
from wirewatch.run import run_paths
from wirewatch.store import open_store

PROSE = (b"Diplomats met in Geneva on Monday to resume talks on the ceasefire, officials said, "
         b"and the ministers agreed to meet again next week in Vienna. ")
NAME_BYTES = st.binary(min_size=1, max_size=40).filter(
    lambda name: b"/" not in name and b"\x00" not in name and name not in (b".", b".."))
SUFFIXES = st.sampled_from([b"", b".txt", b".html", b".jsonl", b".gz", b".html.gz", b".png"])
PREFIXES = st.sampled_from([b"", PROSE * 3, b"\x1f\x8b", b"<html><body><p>" + PROSE * 2,
                            b'{"text": "' + PROSE * 2 + b'"}\n', b"\xef\xbb\xbf", b"\xff\xfe"])


def _rows(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    with open_store(db) as store, store.connect() as conn:
        from sqlalchemy import text

        return [tuple(row) for row in conn.execute(
            text("SELECT source, status, reason, article_id FROM inputs ORDER BY source"))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(NAME_BYTES, min_size=1, max_size=2, unique=True), suffix=SUFFIXES,
       prefix=PREFIXES, data=st.binary(max_size=512))
def test_any_name_and_content_give_an_article_or_a_reason(names: list[bytes], suffix: bytes,
                                                          prefix: bytes, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        written = {Path(os.fsdecode(os.fsencode(folder) + b"/" + name + suffix))
                   for name in names}
        for path in written:
            path.write_bytes(prefix + data)
        expected = {source_name(path) for path in written}
        db = Path(tmp) / "run.db"
        with open_store(db) as store:
            summary = run_paths([str(folder)], store, analyze=False, watch=False)
        rows = _rows(db)
    assert len(rows) == summary.pages_read >= len(written)
    for source, status, reason, article_id in rows:
        assert (status, bool(article_id)) == ("stored", True) or (
            status == "skipped" and reason), (source, status, reason)
    assert len(expected) == len(written)  # two names never share a source
    for source, *_ in rows:
        assert source in expected or source.rsplit(":", 1)[0] in expected, source
    for wanted in expected:  # every file has its own row(s)
        assert any(s == wanted or s.rsplit(":", 1)[0] == wanted for s, *_ in rows), wanted
