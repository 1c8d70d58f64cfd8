"""Whatever the bytes, a reader yields Pages or Skips and never raises."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.read import read_pages
from wirewatch.records import Page, Skip

NAMES = st.sampled_from(["a.txt", "a.html", "a.htm.gz", "a.jsonl", "a.jsonl.gz", "noext", "a.gz"])
PREFIXES = st.sampled_from([b"", b"\x1f\x8b", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>", b'{"text":'])


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2048), prefix=PREFIXES, name=NAMES)
def test_any_file_bytes_give_pages_or_skips(data: bytes, prefix: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(prefix + data)
        items = list(read_pages([path]))
    assert items
    assert all(isinstance(item, Page | Skip) for item in items)
    for item in items:
        if isinstance(item, Skip):
            assert item.reason and "\n" not in item.detail
        else:
            assert item.content.strip()


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2048), prefix=PREFIXES)
def test_any_stdin_bytes_give_pages_or_skips(data: bytes, prefix: bytes) -> None:
    items = list(read_pages(["-"], stdin=io.BytesIO(prefix + data)))
    assert items
    assert all(isinstance(item, Page | Skip) for item in items)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_text_in_a_unicode_encoding_round_trips(text: str, encoding: str) -> None:
    items = list(read_pages(["-"], stdin=io.BytesIO(("Page: " + text).encode(encoding))))
    assert all(isinstance(item, Page | Skip) for item in items)
