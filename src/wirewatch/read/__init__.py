"""Readers: paths, folders and stdin to ``Page`` records, with a ``Skip`` for every bad input.

>>> from wirewatch.read import read_pages
>>> pages = list(read_pages(["../shared/seed"]))  # doctest: +SKIP

Forms: scraped text (an optional first line ``date YYYY-MM-DD`` becomes ``Page.date_hint``),
HTML (``.html``, ``.htm``, and the same gzipped), JSON Lines (``{"id"?, "url"?, "date"?,
"html" | "text"}``, one page a line), and anything else sniffed from its content. A bad input
(empty, binary, undecodable, over 20 MB, truncated gzip, unreadable, bad JSON line) becomes a
``Skip`` with a short reason code; reading never raises for one bad input and never stops.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from wirewatch.read.decode import Decoded, decode_bytes
from wirewatch.read.files import MAX_BYTES, file_pages, stdin_pages, walk
from wirewatch.read.text import page_from_text, split_date_line
from wirewatch.records import Page, Skip

__all__ = [
    "MAX_BYTES",
    "Decoded",
    "decode_bytes",
    "page_from_text",
    "read_pages",
    "read_path",
    "split_date_line",
]


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Page | Skip]:
    """Pages from one file or folder (recursively, in sorted order)."""
    root = Path(path)
    for item in walk(root):
        if isinstance(item, Skip):
            yield item
        else:
            yield from file_pages(item, max_bytes=max_bytes, walked=item != root)


def read_pages(
    paths: Sequence[str | Path],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Page | Skip]:
    """Pages from files, folders and ``-`` (standard input, or ``stdin`` when given), in order."""
    for path in paths:
        if str(path) == "-":
            yield from stdin_pages(
                stdin if stdin is not None else sys.stdin.buffer, max_bytes=max_bytes
            )
        else:
            yield from read_path(path, max_bytes=max_bytes)
