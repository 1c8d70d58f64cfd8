"""Fetching pages over HTTP(S) with httpx: polite, bounded, and behind the SSRF guard.

>>> with Fetcher() as fetcher:                                   # doctest: +SKIP
...     result = fetcher.fetch("https://example.org/news/1")     # Fetched or Skip

- only http and https; every URL (the first and each redirect target) passes the guard's URL
  check, and every connection goes to the address the guard resolved and checked
  (``GuardedTransport``): a DNS answer cannot change between the check and the connection;
- robots.txt honoured per origin (``robots.py``), ``Crawl-delay`` capped at ``max_crawl_delay``;
- at most ``per_host`` requests at once per host, ``workers`` in all (``fetch_many``);
- conditional GET: the ETag / Last-Modified of the last 200 for a URL are sent back, and a 304
  is the Skip ``not_modified``;
- retries with exponential backoff (``Retry-After`` honoured) on timeouts, failed connections,
  429 and 5xx; redirects followed by hand, at most ``max_redirects``;
- size and time limits: a declared ``Content-Length`` over ``max_bytes`` is refused before the
  body, the body is streamed and dropped as soon as it passes ``max_bytes`` (decompressed), and
  the whole fetch, retries included, ends at ``total_timeout``.
Every refusal or failure is a ``Skip(url, reason, detail)``; nothing raises for one bad URL.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import httpx

from wirewatch.errors import InputError
from wirewatch.read.guard import AddressGuard
from wirewatch.read.robots import ROBOTS_MAX_BYTES, RobotsAnswer, RobotsCache
from wirewatch.read.transport import GuardedTransport
from wirewatch.records import Skip

USER_AGENT = "wirewatch/0.1 (news research reader; robots.txt honoured)"
ROBOTS_TOKEN = "wirewatch"
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_REFUSALS = frozenset({"address_refused", "scheme_refused", "bad_url", "dns_failed"})
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss",
               "application/atom", "application/gzip", "application/x-gzip",
               "application/octet-stream", "application/warc", "application/json")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits and manners of the fetcher (times in seconds)."""

    user_agent: str = USER_AGENT
    max_bytes: int = 20 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 2
    backoff: float = 1.0
    max_backoff: float = 30.0
    per_host: int = 2
    workers: int = 8
    max_redirects: int = 5
    obey_robots: bool = True
    max_crawl_delay: float = 10.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched document: the URL asked for, where it ended, and its bytes."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Validator:
    """What a conditional GET sends back: the last ETag and Last-Modified seen for a URL."""

    etag: str | None
    last_modified: str | None


class Validators(Protocol):
    """Where validators are kept between fetches (memory here; the store for ``watch``)."""

    def get(self, url: str) -> Validator | None: ...

    def put(self, url: str, validator: Validator) -> None: ...


class MemoryValidators:
    """Validators kept for the fetcher's lifetime."""

    def __init__(self) -> None:
        self._known: dict[str, Validator] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validator | None:
        with self._lock:
            return self._known.get(url)

    def put(self, url: str, validator: Validator) -> None:
        with self._lock:
            self._known[url] = validator


class _StatusError(InputError):
    """A final HTTP status that is not a page (carries the status and a Retry-After):
    reason ``server_error`` for 5xx and 429, ``http_status`` for the others."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        # 5xx and 429 say "not now" (worth another try later); other statuses say "not here"
        reason = "server_error" if status in _RETRY_STATUSES or status >= 500 else "http_status"
        super().__init__(reason, f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


def _retry_after(value: str | None) -> float | None:
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())


class Fetcher:
    """Fetches URLs into ``Fetched`` documents or ``Skip`` records; a context manager.

    ``guard``: the SSRF guard (``AddressGuard()`` by default; tests inject one that allows
    127.0.0.1); ``validators``: conditional-GET memory; ``sleep``: injectable for tests.
    """

    def __init__(self, options: FetchOptions | None = None, *, guard: AddressGuard | None = None,
                 validators: Validators | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or FetchOptions()
        self.guard = guard or AddressGuard()
        self.validators: Validators = validators or MemoryValidators()
        self._sleep = sleep
        limits = httpx.Limits(max_connections=max(self.options.workers, 1) * 2,
                              max_keepalive_connections=self.options.workers)
        self._client = httpx.Client(
            transport=GuardedTransport(self.guard, limits=limits),
            headers={"User-Agent": self.options.user_agent},
            timeout=httpx.Timeout(self.options.read_timeout,
                                  connect=self.options.connect_timeout),
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address pinning
        )
        self._robots = RobotsCache(self._load_robots, ROBOTS_TOKEN)
        self._host_lock = threading.Lock()
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._host_next: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, conditional: bool = True) -> Fetched | Skip:
        """One URL, redirects followed: a ``Fetched``, or a ``Skip`` saying why not."""
        try:
            return self._fetch(url, conditional=conditional, robots=self.options.obey_robots,
                               max_bytes=self.options.max_bytes)
        except InputError as error:
            return Skip(url, error.reason, error.detail)

    def fetch_many(self, urls: Iterable[str], *,
                   conditional: bool = True) -> Iterator[tuple[str, Fetched | Skip]]:
        """(url, result) pairs in the order given, ``workers`` fetches at a time."""
        workers = max(self.options.workers, 1)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            window: deque[tuple[str, Future[Fetched | Skip]]] = deque()
            for url in urls:
                window.append((url, pool.submit(self.fetch, url, conditional=conditional)))
                if len(window) >= 4 * workers:
                    first, future = window.popleft()
                    yield first, future.result()
            while window:
                first, future = window.popleft()
                yield first, future.result()

    def _fetch(self, url: str, *, conditional: bool, robots: bool, max_bytes: int) -> Fetched:
        deadline = time.monotonic() + self.options.total_timeout
        current = url
        validator = self.validators.get(url) if conditional else None
        for _ in range(self.options.max_redirects + 1):
            host = self.guard.check_url(current)
            delay = 0.0
            if robots:
                rules = self._robots.rules(current)
                if not rules.allows(ROBOTS_TOKEN, current):
                    raise InputError("robots_refused",
                                     rules.reason or f"robots.txt disallows {current[:200]}")
                delay = min(rules.crawl_delay(ROBOTS_TOKEN), self.options.max_crawl_delay)
            outcome = self._with_retries(current, host, validator, deadline, max_bytes, delay)
            if isinstance(outcome, Fetched):
                fetched = Fetched(url, current, outcome.status, outcome.content,
                                  outcome.content_type, outcome.etag, outcome.last_modified)
                if conditional and (fetched.etag or fetched.last_modified):
                    self.validators.put(url, Validator(fetched.etag, fetched.last_modified))
                return fetched
            current = str(httpx.URL(current).join(outcome.location))
            validator = None
        raise InputError("too_many_redirects",
                         f"more than {self.options.max_redirects} redirects from {url[:200]}")

    def _with_retries(self, url: str, host: str, validator: Validator | None, deadline: float,
                      max_bytes: int, delay: float) -> Fetched | _Redirect:
        attempt = 0
        while True:
            try:
                return self._on_host(host, delay, lambda: self._get_once(
                    url, validator, deadline, max_bytes))
            except _StatusError as error:
                if error.status not in _RETRY_STATUSES:
                    raise
                failure: InputError = error
                wait = error.retry_after
            except InputError as error:
                if error.reason not in ("fetch_timeout", "connect_failed"):
                    raise
                failure, wait = error, None
            if attempt >= self.options.retries:
                raise failure
            pause = min(wait if wait is not None else self.options.backoff * 2**attempt,
                        self.options.max_backoff)
            if time.monotonic() + pause >= deadline:
                raise failure
            self._sleep(pause)
            attempt += 1

    def _on_host(self, host: str, delay: float,
                 call: Callable[[], Fetched | _Redirect]) -> Fetched | _Redirect:
        with self._host_lock:
            slot = self._host_slots.setdefault(
                host, threading.BoundedSemaphore(max(self.options.per_host, 1)))
        with slot:
            if delay > 0:
                with self._host_lock:
                    start = max(self._host_next.get(host, 0.0), time.monotonic())
                    self._host_next[host] = start + delay
                if start > time.monotonic():
                    self._sleep(start - time.monotonic())
            return call()

    def _get_once(self, url: str, validator: Validator | None, deadline: float,
                  max_bytes: int) -> Fetched | _Redirect:
        headers = {}
        if validator is not None and validator.etag:
            headers["If-None-Match"] = validator.etag
        if validator is not None and validator.last_modified:
            headers["If-Modified-Since"] = validator.last_modified
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read_response(url, response, deadline, max_bytes)
        except httpx.TimeoutException as error:
            raise InputError("fetch_timeout", f"{type(error).__name__} on {url[:200]}") from error
        except httpx.InvalidURL as error:
            raise InputError("bad_url", str(error)[:200]) from error
        except httpx.DecodingError as error:
            raise InputError("bad_encoding", str(error)[:200]) from error
        except httpx.TransportError as error:
            raise InputError("connect_failed",
                             f"{type(error).__name__}: {str(error)[:200]}") from error

    def _read_response(self, url: str, response: httpx.Response, deadline: float,
                       max_bytes: int) -> Fetched | _Redirect:
        status = response.status_code
        if status in _REDIRECTS and response.headers.get("location"):
            return _Redirect(response.headers["location"])
        if status == 304:
            raise InputError("not_modified", "304: unchanged since the last fetch")
        if status >= 300:
            raise _StatusError(status, _retry_after(response.headers.get("retry-after")))
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and not content_type.startswith(_TEXT_TYPES):
            raise InputError("unsupported", f"content type {content_type}, not a page")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise InputError("too_large", f"declares {declared} bytes, over {max_bytes}")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise InputError("too_large", f"body over {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise InputError("fetch_timeout", f"over {self.options.total_timeout:g} s in all")
        return Fetched(url, url, status, bytes(body), content_type,
                       response.headers.get("etag"), response.headers.get("last-modified"))

    def _load_robots(self, robots_url: str) -> RobotsAnswer:
        try:
            fetched = self._fetch(robots_url, conditional=False, robots=False,
                                  max_bytes=ROBOTS_MAX_BYTES)
        except _StatusError as error:
            return RobotsAnswer(error.status)
        except InputError as error:
            if error.reason in _REFUSALS:  # the page itself would be refused the same way
                raise
            if error.reason == "too_large":  # RFC 9309: parse what fits (here: all or none)
                return RobotsAnswer(200, "")
            return RobotsAnswer(0)
        return RobotsAnswer(200, fetched.content.decode("utf-8", "replace"))
