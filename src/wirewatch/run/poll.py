"""The continuous mode behind ``wirewatch watch``: poll sources, process only what is new.

One cycle:
1. every source (a feed, sitemap or URL-list URL, or a local file) is read; URLs with a
   conditional GET, using the validators stored after the last complete cycle;
2. the links found are normalised (``read.canonical.normalize_url``) and those already in
   ``poll_seen`` (as a URL or as a canonical URL) are dropped;
3. the new ones are fetched (``batch`` at a time, as the run asks for pages) and stored by
   one ``run_pages`` run, the same executor as ``wirewatch run``; a page whose declared
   canonical URL or content hash was already seen is a ``duplicate`` Skip; URLs are marked
   seen, with what came of them, once their batch is committed (the run's progress callback)
   — transient failures (fetch timeouts, refused connections, 5xx) are not, so they are
   retried next cycle;
4. the sources' new validators are saved, and the cycle row is closed with its counts.

Restarts: a watcher killed anywhere loses no link and stores no page twice. Validators are
saved only after step 3, so a restarted watcher gets the whole feed again; a page stored but
not yet marked seen is fetched again and found ``unchanged`` by the run (its input row holds
the same content hash), then marked seen.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from wirewatch.read import path_items
from wirewatch.read.canonical import canonical_url, normalize_url
from wirewatch.read.fetch import Fetched, Fetcher, FetchOptions, MemoryValidators, Validator
from wirewatch.read.links import Link, is_web_url
from wirewatch.read.resolve import fetched_items
from wirewatch.records import Page, Skip
from wirewatch.run.local import run_pages
from wirewatch.store import Store, poll_io

# "timeout" (an extraction past its budget) is not transient: the same page would time out again
TRANSIENT = frozenset({"fetch_timeout", "connect_failed", "server_error", "dns_failed"})
Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class PollOptions:
    """How often and how the watcher works."""

    interval: float = 900.0  # seconds from one cycle's start to the next
    analyze: bool = True
    workers: int = 1
    batch: int = 256  # new URLs fetched and stored per step (and marked seen together)
    watch: bool = True  # update the watch tables (stories, tension) at the end of each run
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass(slots=True)
class CycleReport:
    """What one cycle did."""

    cycle_id: int
    sources: int = 0
    not_modified: int = 0
    links: int = 0
    new: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """The one log line of the cycle."""
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.skipped.items()))
        return (f"cycle {self.cycle_id}: {self.sources} sources ({self.not_modified} not "
                f"modified), {self.links} links, {self.new} new: {self.stored} stored, "
                f"{self.unchanged} unchanged, {sum(self.skipped.values())} skipped"
                f"{f' ({reasons})' if reasons else ''} in {self.seconds:.1f} s")


@dataclass(frozen=True, slots=True)
class _Found:
    """A new URL to process: the link (or a feed's inline page) and where it was listed."""

    url: str
    found_in: str
    link: Link | None = None
    page: Page | None = None


def _content_hash(page: Page) -> str:
    return hashlib.sha256(page.content.encode("utf-8", "surrogatepass")).hexdigest()


class _Cycle:
    def __init__(self, store: Store, fetcher: Fetcher, options: PollOptions,
                 report: CycleReport) -> None:
        self.store, self.fetcher, self.options, self.report = store, fetcher, options, report
        self.meta: dict[str, tuple[str | None, str | None, str]] = {}
        self.cycle_urls: set[str] = set()
        self.cycle_hashes: dict[str, str] = {}

    def poll(self, sources: Sequence[str]) -> tuple[list[_Found], list[poll_io.SourceState]]:
        """Read every source; the links (and inline pages) found, and the sources' states."""
        found: list[_Found] = []
        states: list[poll_io.SourceState] = []
        stored = poll_io.source_states(self.store, sources)
        # Validators from the store only: the last complete cycle's, never a failed cycle's.
        self.fetcher.validators = MemoryValidators()
        for source, state in stored.items():
            if state.etag or state.last_modified:
                self.fetcher.validators.put(source, Validator(state.etag, state.last_modified))
        urls = [source for source in sources if is_web_url(source)]
        results = dict(self.fetcher.fetch_many(urls, conditional=True))
        for source in sources:
            items = (self._source_items(source, results[source]) if source in results
                     else list(path_items(source)))
            status, detail = "ok", None
            if len(items) == 1 and isinstance(items[0], Skip) and items[0].source == source:
                status, detail = items[0].reason, items[0].detail
                self.report.not_modified += status == "not_modified"
            count = 0
            for item in items:
                if isinstance(item, Link):
                    found.append(_Found(normalize_url(item.url), source, link=item))
                    count += 1
                elif isinstance(item, Page):
                    url = normalize_url(item.url) if item.url else f"{source}#{_content_hash(item)}"
                    found.append(_Found(url, source, page=item))
                    count += 1
                elif status == "ok":  # an item of the feed without a link, not a page
                    self.report.skipped[item.reason] += 1
            validator = self.fetcher.validators.get(source)
            states.append(poll_io.SourceState(
                source, validator.etag if validator else None,
                validator.last_modified if validator else None, status, detail, count))
        self.report.sources = len(sources)
        return found, states

    def _source_items(self, source: str, result: Fetched | Skip) -> list[Page | Skip | Link]:
        if isinstance(result, Skip):
            return [result]
        items = list(fetched_items(Link(source, source, "any"), result,
                                   max_bytes=self.fetcher.options.max_bytes))
        children = [item.url for item in items if isinstance(item, Link) and item.kind == "sitemap"]
        # a sitemap index: its sitemaps are read in the same cycle (one level)
        for url, child in self.fetcher.fetch_many(children, conditional=True):
            if isinstance(child, Fetched):
                items += [item for item in fetched_items(Link(url, source, "sitemap"), child,
                                                         max_bytes=self.fetcher.options.max_bytes)
                          if not (isinstance(item, Link) and item.kind == "sitemap")]
        return [item for item in items if not (isinstance(item, Link) and item.kind == "sitemap")]

    def new_only(self, found: list[_Found]) -> list[_Found]:
        unique: dict[str, _Found] = {}
        for item in found:
            unique.setdefault(item.url, item)
        self.report.links = len(unique)
        seen = poll_io.seen_urls(self.store, unique)
        new = [item for url, item in unique.items() if url not in seen]
        self.report.new = len(new)
        return new

    def pages(self, chunk: list[_Found]) -> Iterator[Page | Skip]:
        """Fetch a chunk of new URLs; Pages re-sourced to their URL, duplicates as Skips."""
        links = {item.link.url: item.url for item in chunk if item.link is not None}
        fetched: dict[str, Fetched | Skip] = {
            links[url]: result
            for url, result in self.fetcher.fetch_many(links, conditional=False)}
        for item in chunk:
            result = fetched.get(item.url)
            if isinstance(result, Skip):
                yield dataclasses.replace(result, source=item.url)
                continue
            if item.page is not None:
                pages: list[Page | Skip | Link] = [item.page]
            elif result is not None:
                pages = list(fetched_items(item.link or Link(item.url, item.found_in), result,
                                           max_bytes=self.fetcher.options.max_bytes))
            else:
                continue
            page = next((p for p in pages if isinstance(p, Page)), None)
            if page is None:
                reason = next((p.reason for p in pages if isinstance(p, Skip)), "not_a_page")
                yield Skip(item.url, reason, "the URL holds no page (a feed or a list?)")
                continue
            yield self._checked(dataclasses.replace(page, source=item.url), item)

    def _checked(self, page: Page, item: _Found) -> Page | Skip:
        digest = _content_hash(page)
        canonical = (canonical_url(page.content, page.url or item.url)
                     if page.form == "html" else None)
        self.meta[item.url] = (canonical, digest, item.found_in)
        earlier = self.cycle_hashes.get(digest) or poll_io.seen_hashes(
            self.store, [digest]).get(digest)
        if earlier is not None and earlier != item.url:
            return Skip(item.url, "duplicate", f"same content as {earlier}")
        if canonical is not None and canonical != item.url and (
                canonical in self.cycle_urls or poll_io.seen_urls(self.store, [canonical])):
            return Skip(item.url, "duplicate", f"its canonical URL {canonical} was seen")
        self.cycle_hashes[digest] = item.url
        self.cycle_urls.update({item.url} | ({canonical} if canonical else set()))
        return page

    def process(self, new: list[_Found]) -> None:
        """One run over every new URL (one process pool, one run row), fetched ``batch`` at a
        time as the run asks for pages; URLs are marked seen as their batches are written."""
        if not new:
            return
        by_url = {item.url: item for item in new}
        written: list[_Found] = []

        def on_saved(source: str) -> None:  # called once the source's batch is committed
            item = by_url.get(source)
            if item is not None:
                written.append(item)
            if len(written) >= self.options.batch:
                self.mark_seen(written)
                written.clear()

        def pages() -> Iterator[Page | Skip]:
            for start in range(0, len(new), max(self.options.batch, 1)):
                yield from self.pages(new[start : start + self.options.batch])

        summary = run_pages(pages(), self.store, analyze=self.options.analyze,
                            workers=self.options.workers, progress=on_saved,
                            watch=self.options.watch)
        self.mark_seen(written)
        self.report.stored += summary.articles_stored
        self.report.unchanged += summary.unchanged
        self.report.skipped.update(summary.skipped)

    def mark_seen(self, chunk: list[_Found]) -> None:
        outcomes = poll_io.input_outcomes(self.store, [item.url for item in chunk])
        rows = []
        for item in chunk:
            outcome = outcomes.get(item.url)
            if outcome is None or (outcome.reason or "") in TRANSIENT:
                continue  # never written, or worth another try next cycle
            canonical, digest, found_in = self.meta.get(item.url, (None, None, item.found_in))
            rows.append(poll_io.SeenUrl(item.url, canonical, digest or outcome.content_hash,
                                        outcome.article_id, outcome.status, outcome.reason,
                                        found_in))
        poll_io.record_seen(self.store, rows, cycle_id=self.report.cycle_id)


def poll_cycle(store: Store, sources: Sequence[str], fetcher: Fetcher,
               options: PollOptions | None = None) -> CycleReport:
    """Run one cycle over ``sources`` (URLs or local paths) and return what it did."""
    options = options or PollOptions()
    started = time.perf_counter()
    report = CycleReport(poll_io.start_cycle(store))
    status = "failed"
    try:
        cycle = _Cycle(store, fetcher, options, report)
        found, states = cycle.poll(sources)
        cycle.process(cycle.new_only(found))
        poll_io.save_sources(store, states)
        status = "done"
    finally:
        report.seconds = time.perf_counter() - started
        poll_io.finish_cycle(store, report.cycle_id, status=status, counts={
            "sources": report.sources, "not_modified": report.not_modified,
            "links": report.links, "new": report.new, "stored": report.stored,
            "unchanged": report.unchanged}, skipped=report.skipped, seconds=report.seconds)
    return report


def watch(store: Store, sources: Sequence[str], *, options: PollOptions | None = None,
          fetcher: Fetcher | None = None, once: bool = False, log: Log | None = None,
          stop: threading.Event | None = None) -> list[CycleReport]:
    """Poll ``sources`` every ``options.interval`` seconds until ``stop`` is set (or once).

    ``log`` gets one line per cycle; each cycle's run updates the watch tables at its end
    unless ``options.watch`` is off.
    """
    options = options or PollOptions()
    stop = stop or threading.Event()
    own = fetcher is None
    client = fetcher or Fetcher(options.fetch)
    reports: list[CycleReport] = []
    poll_io.close_interrupted_cycles(store)
    try:
        while True:
            started = time.monotonic()
            report = poll_cycle(store, sources, client, options)
            reports.append(report)
            if log is not None:
                log(report.line())
            if once or stop.wait(max(options.interval - (time.monotonic() - started), 0.0)):
                return reports
    finally:
        if own:
            client.close()
