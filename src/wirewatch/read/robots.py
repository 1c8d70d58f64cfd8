"""robots.txt rules per origin, as RFC 9309 says to read them.

A robots.txt that answers 2xx is parsed (Python's ``urllib.robotparser``, matched against the
fetcher's product token); 4xx means no rules (everything allowed); 5xx, a refused address or
a network failure means the site is unreachable and everything is disallowed for this run.
Each origin's file is fetched once and kept for 24 hours (RFC 9309 section 2.4: a long-running
watcher reads it again); ``Crawl-delay`` is read and capped.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: at least 500 KiB must be read
ROBOTS_MAX_AGE = 24 * 3600.0  # RFC 9309: a cached robots.txt is used for at most 24 hours


@dataclass(frozen=True, slots=True)
class RobotsAnswer:
    """What fetching ``/robots.txt`` gave: the HTTP status (0 when unreachable) and text."""

    status: int
    text: str = ""


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one origin; ``parser`` None means all allowed or (``blocked``) none."""

    parser: urllib.robotparser.RobotFileParser | None
    blocked: bool = False
    reason: str = ""

    def allows(self, agent: str, url: str) -> bool:
        if self.parser is None:
            return not self.blocked
        return self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else 0.0


def rules_from_answer(answer: RobotsAnswer) -> RobotsRules:
    """RFC 9309 section 2.3.1: 2xx parse, 4xx allow all, otherwise disallow all."""
    if 200 <= answer.status < 300:
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(answer.text.splitlines())
        return RobotsRules(parser)
    if 400 <= answer.status < 500:
        return RobotsRules(None)
    reason = f"robots.txt unreachable (HTTP {answer.status})" if answer.status else (
        "robots.txt unreachable")
    return RobotsRules(None, blocked=True, reason=reason)


def origin_of(url: str) -> str:
    """``scheme://host:port`` of a URL, the key robots.txt rules are kept under."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


class RobotsCache:
    """Rules per origin, loaded by ``load(robots_url)`` once per ``max_age`` seconds, even
    with many threads (``clock`` is injectable for tests)."""

    def __init__(self, load: Callable[[str], RobotsAnswer], agent: str, *,
                 max_age: float = ROBOTS_MAX_AGE,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._load = load
        self.agent = agent
        self._max_age = max_age
        self._clock = clock
        self._rules: dict[str, tuple[float, RobotsRules]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            kept = self._rules.get(origin)
            if kept is None or self._clock() - kept[0] > self._max_age:
                parts = urlsplit(url)
                rules = rules_from_answer(self._load(f"{parts.scheme}://{parts.netloc}/robots.txt"))
                kept = (self._clock(), rules)
                self._rules[origin] = kept
            return kept[1]
