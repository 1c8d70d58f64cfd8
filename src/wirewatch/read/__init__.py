"""Readers: paths, folders and stdin to ``Page`` records, with a ``Skip`` for every bad input.

>>> from wirewatch.read import read_pages
>>> pages = list(read_pages(["../shared/seed"]))  # doctest: +SKIP

Forms: scraped text (an optional first line ``date YYYY-MM-DD`` becomes ``Page.date_hint``),
HTML (``.html``, ``.htm``, and the same gzipped), JSON Lines (``{"id"?, "url"?, "date"?,
"html" | "text"}``, one page a line), WARC/WET (one page per record), RSS/Atom feeds, sitemaps
and URL lists (their links fetched, behind the SSRF guard), http(s) URLs given as paths, and
anything else sniffed from its content. A bad input (empty, binary, undecodable, over 20 MB,
truncated gzip, unreadable, bad JSON line, refused or failed fetch) becomes a ``Skip`` with a
short reason code; reading never raises for one bad input and never stops.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from wirewatch.read.decode import Decoded, decode_bytes
from wirewatch.read.files import MAX_BYTES, file_pages, stdin_pages, walk
from wirewatch.read.links import Link, is_web_url
from wirewatch.read.resolve import resolve_links
from wirewatch.read.text import page_from_text, split_date_line
from wirewatch.records import Page, Skip

if TYPE_CHECKING:
    from wirewatch.read.fetch import Fetcher

__all__ = [
    "MAX_BYTES",
    "Decoded",
    "Fetcher",
    "Link",
    "decode_bytes",
    "page_from_text",
    "path_items",
    "read_pages",
    "read_path",
    "split_date_line",
]


def __getattr__(name: str) -> Any:
    # The fetcher (httpx, ~0.15 CPU-s to import) is imported when a link is fetched or when
    # ``Fetcher`` is asked for, not for a run over local files.
    if name == "Fetcher":
        from wirewatch.read.fetch import Fetcher

        return Fetcher
    raise AttributeError(f"module 'wirewatch.read' has no attribute {name!r}")


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES, fetcher: Fetcher | None = None,
              fetch: bool = True) -> Iterator[Page | Skip]:
    """Pages from one file, folder (recursively, in sorted order) or URL, links fetched."""
    return resolve_links(path_items(path, max_bytes=max_bytes), fetcher=fetcher, fetch=fetch)


def path_items(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Page | Skip | Link]:
    """What one file, folder or URL holds, with feeds', sitemaps' and URL lists' Links not
    fetched yet; an http(s) URL is itself a Link."""
    if isinstance(path, str) and is_web_url(path):
        yield Link(path.strip(), path.strip(), "any")
        return
    for item in walk(Path(path)):
        if isinstance(item, Skip):
            yield item
        else:
            yield from file_pages(item, max_bytes=max_bytes)


def read_pages(
    paths: Sequence[str | Path],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    fetch: bool = True,
) -> Iterator[Page | Skip]:
    """Pages from files, folders, URLs and ``-`` (standard input, or ``stdin`` when given).

    Links found in feeds, sitemaps and URL lists, and URLs given as paths, are fetched with
    ``fetcher`` (a default, guarded ``Fetcher`` when None); ``fetch=False`` records them as
    ``not_fetched`` Skips instead.
    """
    return resolve_links(_raw_items(paths, stdin, max_bytes), fetcher=fetcher, fetch=fetch)


def _raw_items(paths: Sequence[str | Path], stdin: BinaryIO | None,
               max_bytes: int) -> Iterator[Page | Skip | Link]:
    for path in paths:
        if str(path) == "-":
            yield from stdin_pages(
                stdin if stdin is not None else sys.stdin.buffer, max_bytes=max_bytes
            )
        else:
            yield from path_items(path, max_bytes=max_bytes)
