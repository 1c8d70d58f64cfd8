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


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=500)


@settings(max_examples=100, deadline=None)
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "utf-32"]))
def test_any_text_in_a_unicode_encoding_round_trips(text: str, encoding: str) -> None:
    content = "Page: " + text
    items = list(read_pages(["-"], stdin=io.BytesIO(content.encode(encoding))))
    assert len(items) == 1
    page = items[0]
    assert isinstance(page, Page)
    assert page.content == content


WORDS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "talks",
        "Genève",
        "réunion",
        "café",
        "naïve",
        "“quoted”",
        "–",
        "5 €",
        "déjà",
        "Zürich",
        "señor",
        "and",
        "of",
        "peace",
        "week’s",
        "über",
        "…",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(WORDS, min_size=3, max_size=80), encoding=st.sampled_from(["cp1252", "latin-1"])
)
def test_western_single_byte_text_round_trips(words: list[str], encoding: str) -> None:
    content = "Report: " + " ".join(words)
    try:
        data = content.encode(encoding)
    except UnicodeEncodeError:  # latin-1 lacks curly quotes, dashes and the euro sign
        data = content.encode("cp1252")
    (page,) = list(read_pages(["-"], stdin=io.BytesIO(data)))
    assert isinstance(page, Page)
    assert page.content == content
