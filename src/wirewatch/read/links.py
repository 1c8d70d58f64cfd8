"""Links: URLs a reader found (in a feed, a sitemap, a URL list) that still have to be fetched.

Readers of feeds, sitemaps and URL lists give ``Link`` records beside ``Page`` and ``Skip``;
``wirewatch.read.resolve`` fetches them (behind the SSRF guard) and reads what comes back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from wirewatch.records import Skip

LinkKind = Literal["page", "sitemap", "any"]
_URL = re.compile(r"\Ahttps?://[^\s<>\"']+\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """A URL to fetch, where it was found, and what the finder knew about it.

    ``kind``: ``page`` (an article), ``sitemap`` (a child sitemap of an index) or ``any``
    (read whatever comes back: a page, a feed, a sitemap); ``date_hint`` is YYYY-MM-DD.
    """

    url: str
    source: str
    kind: LinkKind = "page"
    date_hint: str | None = None
    title: str | None = None


def is_web_url(text: str) -> bool:
    """An absolute http(s) URL without spaces.

    >>> is_web_url("https://example.org/a?b=1"), is_web_url("ftp://example.org/")
    (True, False)
    """
    return bool(_URL.match(text.strip()))


def url_list_items(source: str, text: str) -> Iterator[Link | Skip]:
    """One Link per URL line (``#`` comments and blank lines ignored); a Skip per bad line."""
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        found = True
        if is_web_url(stripped):
            yield Link(stripped, f"{source}:{number}", "any")
        else:
            yield Skip(f"{source}:{number}", "bad_url", f"not an http(s) URL: {stripped[:100]!r}")
    if not found:
        yield Skip(source, "empty", "a URL list without URLs")
