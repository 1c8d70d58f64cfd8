"""RSS and Atom feeds (``feedparser``): each item's link becomes a Link to fetch.

An item whose feed carries the full article (``content:encoded``, Atom ``content``) of at
least ``INLINE_MIN_WORDS`` words becomes a Page at once, with the item's link as URL, instead
of a fetch; summaries shorter than that are teasers and the link is fetched. Item dates
(published, else updated) become ``date_hint``. Relative links are resolved against
``base_url`` (the feed's own URL when it was fetched).

feedparser is always given bytes, never a string: given a string it would fetch it as a URL
itself, past the fetcher's SSRF guard. Broken XML is read by feedparser's lenient parser;
a feed that yields no item at all is one Skip (``bad_feed``, or ``empty`` when well formed).
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any

from wirewatch.read.links import Link, is_web_url
from wirewatch.read.text import page_from_text
from wirewatch.records import Page, Skip

INLINE_MIN_WORDS = 150
MAX_ITEMS = 10_000
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def _day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _inline_html(entry: Any) -> str | None:
    """The item's full content as HTML when it is long enough to be the article."""
    contents = entry.get("content") or []
    values = [str(part.get("value", "")) for part in contents if part.get("value")]
    if not values:
        return None
    body = max(values, key=len)
    if len(_WORD.findall(_TAG.sub(" ", body))) < INLINE_MIN_WORDS:
        return None
    title = html.escape(str(entry.get("title", "")))
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>")


def feed_items(source: str, data: bytes, *, base_url: str | None = None,
               inline: bool = True) -> Iterator[Page | Skip | Link]:
    """The items of one RSS/Atom document, as Links (or Pages for full inline content)."""
    import feedparser  # lazy: slow to import

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    entries = parsed.entries[:MAX_ITEMS]
    if not entries:
        if parsed.get("bozo"):
            error = parsed.get("bozo_exception")
            yield Skip(source, "bad_feed", f"not a readable feed: {error}"[:300])
        else:
            yield Skip(source, "empty", "a feed without items")
        return
    if len(parsed.entries) > MAX_ITEMS:
        yield Skip(source, "too_large", f"{len(parsed.entries)} items, the first {MAX_ITEMS} read")
    for number, entry in enumerate(entries, start=1):
        where = f"{source}:{number}"
        link = str(entry.get("link") or "").strip()
        url = link if is_web_url(link) else None
        day = _day(entry)
        title = str(entry.get("title") or "") or None
        content = _inline_html(entry) if inline else None
        if content is not None:
            yield page_from_text(where, content, form="html", url=url, date_hint=day)
        elif url is not None:
            yield Link(url, where, "page", date_hint=day, title=title)
        else:
            yield Skip(where, "no_link", f"an item without an http(s) link: {link[:100]!r}")
