"""Links to Pages: fetch what feeds, sitemaps, URL lists and URL arguments point to.

Links are fetched in batches (the fetcher's ``workers`` at a time, ``per_host`` per host) and
what comes back is read like a file: an HTML page is a Page (``url`` = where the fetch ended,
``date_hint`` = the date the feed or sitemap gave), a feed or sitemap gives more Links, one
level deeper. Links past ``max_depth`` (a sitemap index -> sitemaps -> pages is depth 2), or
already fetched in this read, are Skips (``too_deep``, ``duplicate``); so is every refused or
failed fetch (the fetcher's reasons). With ``fetch`` off, each Link is a ``not_fetched`` Skip.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from wirewatch.read.files import pages_from_bytes
from wirewatch.read.links import Link
from wirewatch.read.sniff import InputForm, NameForm, form_from_name
from wirewatch.records import Page, Skip

if TYPE_CHECKING:
    from wirewatch.read.fetch import Fetched, Fetcher

MAX_DEPTH = 2
_BATCH = 64
_TYPE_FORMS: dict[str, InputForm] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed",
}


def name_form(fetched: Fetched) -> NameForm:
    """The form a fetched document announces: its content type, else its URL's file name."""
    by_name = form_from_name(PurePosixPath(urlsplit(fetched.final_url).path).name)
    form = _TYPE_FORMS.get(fetched.content_type)
    if form is None:
        form = by_name.form if by_name.form not in ("unsupported", "jsonl") else "unknown"
    return NameForm(form, gzipped=by_name.gzipped)


def fetched_items(link: Link, fetched: Fetched, *, max_bytes: int) -> Iterator[Page | Skip | Link]:
    """What a fetched document holds, its Pages given the URL and the finder's date."""
    items = pages_from_bytes(fetched.url, fetched.content, name_form(fetched),
                             max_bytes=max_bytes, base_url=fetched.final_url)
    for item in items:
        if isinstance(item, Page):
            yield dataclasses.replace(item, url=item.url or fetched.final_url,
                                      date_hint=item.date_hint or link.date_hint)
        else:
            yield item


class LinkResolver:
    """Fetches Links into Pages, remembering which URLs this read has already fetched."""

    def __init__(self, fetcher: Fetcher, *, max_depth: int = MAX_DEPTH) -> None:
        self.fetcher = fetcher
        self.max_depth = max_depth
        self.seen: set[str] = set()

    def resolve(self, links: list[Link], depth: int = 0) -> Iterator[Page | Skip]:
        """Pages and Skips from a batch of links found at ``depth``, breadth first."""
        level: list[Link] = []
        for link in links:
            if depth > self.max_depth:
                yield Skip(link.url, "too_deep", f"found at link depth {depth} (limit "
                           f"{self.max_depth}) in {link.source}")
            elif link.url in self.seen:
                yield Skip(link.url, "duplicate", f"already fetched in this read ({link.source})")
            else:
                self.seen.add(link.url)
                level.append(link)
        if not level:
            return
        found: list[Link] = []
        by_url = {link.url: link for link in level}
        max_bytes = self.fetcher.options.max_bytes
        for url, result in self.fetcher.fetch_many(by_url):
            if isinstance(result, Skip):
                yield result
                continue
            for item in fetched_items(by_url[url], result, max_bytes=max_bytes):
                if isinstance(item, Link):
                    found.append(item)
                else:
                    yield item
        for start in range(0, len(found), _BATCH):
            yield from self.resolve(found[start : start + _BATCH], depth + 1)


def resolve_links(items: Iterable[Page | Skip | Link], *, fetcher: Fetcher | None = None,
                  fetch: bool = True, max_depth: int = MAX_DEPTH) -> Iterator[Page | Skip]:
    """Pages and Skips, with every Link fetched and read (a default ``Fetcher`` is made, and
    closed, on the first Link when none is given)."""
    made: list[LinkResolver] = []  # made on the first Link: no client for a run without one

    def resolved(batch: list[Link]) -> Iterator[Page | Skip]:
        if not made:
            if fetcher is None:
                from wirewatch.read.fetch import Fetcher  # lazy: httpx only for links

                made.append(LinkResolver(Fetcher(), max_depth=max_depth))
            else:
                made.append(LinkResolver(fetcher, max_depth=max_depth))
        return made[0].resolve(batch)

    batch: list[Link] = []
    try:
        for item in items:
            if not isinstance(item, Link):
                yield item
            elif not fetch:
                yield Skip(item.url, "not_fetched", f"fetching is off ({item.source})")
            else:
                batch.append(item)
                if len(batch) >= _BATCH:
                    yield from resolved(batch)
                    batch = []
        if batch:
            yield from resolved(batch)
    finally:
        if fetcher is None and made:
            made[0].fetcher.close()
