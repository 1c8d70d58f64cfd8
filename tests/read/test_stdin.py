"""Standard input (``-``): sniffed as JSONL, HTML or text; sources ``-`` and ``-:N``."""

from __future__ import annotations

import gzip
import io
import json

from wirewatch.read import read_pages
from wirewatch.records import Page, Skip


def _read(data: bytes) -> list[Page | Skip]:
    return list(read_pages(["-"], stdin=io.BytesIO(data)))


def test_stdin_text_with_date_line() -> None:
    (page,) = _read(b"date 2022-02-24\nHeadline\nBody line.\n")
    assert isinstance(page, Page)
    assert (page.source, page.form, page.date_hint) == ("-", "text", "2022-02-24")


def test_stdin_html() -> None:
    (page,) = _read(b"<!doctype html><html><body><p>Hello</p></body></html>")
    assert isinstance(page, Page) and page.form == "html"


def test_stdin_jsonl() -> None:
    lines = [json.dumps({"text": "One."}), "oops", json.dumps({"html": "<p>Two</p>"})]
    items = _read(("\n".join(lines)).encode())
    assert [(i.source, type(i).__name__) for i in items] == [
        ("-:1", "Page"),
        ("-:2", "Skip"),
        ("-:3", "Page"),
    ]


def test_stdin_gzip_and_empty() -> None:
    (page,) = _read(gzip.compress(b"Some scraped text."))
    assert isinstance(page, Page) and page.content == "Some scraped text."
    (skip,) = _read(b"")
    assert isinstance(skip, Skip) and (skip.source, skip.reason) == ("-", "empty")


def test_stdin_over_the_limit() -> None:
    (skip,) = list(read_pages(["-"], stdin=io.BytesIO(b"x" * 200), max_bytes=100))
    assert isinstance(skip, Skip) and skip.reason == "too_large"
