"""A made-up news site on the local server, and a watcher killed and restarted against it.

Used by the watcher's tests and by ``bench/bench_watch_feeds.py``. Feed ``k`` lists the pages
``k, k + feeds, k + 2 * feeds, ...``; every page has its own words (no two bodies alike), a
canonical link, and a few pages are listed by two feeds (the watcher must store them once).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.local_server import LocalServer, Route

_WORDS = ("ministers", "talks", "border", "ceasefire", "envoy", "summit", "sanctions", "trade",
          "election", "parliament", "protest", "treaty", "aid", "troops", "harbour", "grain")


def article_html(number: int, url: str) -> bytes:
    words = " ".join(_WORDS[(number >> shift) % len(_WORDS)] for shift in range(0, 24, 3))
    return (f"<!DOCTYPE html><html><head><title>Report {number}</title>"
            f'<link rel="canonical" href="{url}"></head><body><article><h1>Report {number}</h1>'
            f"<p>Report {number}: officials from both governments met again on Monday to "
            f"discuss {words}, according to a statement published after the meeting.</p>"
            f"<p>Further talks on item {number} are planned for next week, the statement "
            "said, while observers expect little change before the end of the month.</p>"
            "</article></body></html>").encode()


def feed_xml(base: str, numbers: list[int], *, query: str = "?utm_source=rss",
             path: str = "/news/") -> bytes:
    items = "".join(f"<item><title>Report {n}</title><link>{base}{path}{n}{query}"
                    f"</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>"
                    for n in numbers)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def build_site(server: LocalServer, *, feeds: int, pages: int) -> list[str]:
    """Serve ``pages`` articles in ``feeds`` feeds (page 0 in two feeds); the feed URLs."""
    base = server.url("")
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                         content_type="text/plain")
    for number in range(pages):
        url = f"{base}/news/{number}"
        server.routes[f"/news/{number}?utm_source=rss"] = Route(article_html(number, url))
    urls = []
    for feed in range(feeds):
        numbers = list(range(feed, pages, feeds))
        if feed == 1:
            numbers.append(0)  # listed twice across feeds
        server.routes[f"/feeds/{feed}.rss"] = Route(feed_xml(base, numbers),
                                                    content_type="application/rss+xml",
                                                    etag=f'"feed-{feed}-{len(numbers)}"')
        urls.append(server.url(f"/feeds/{feed}.rss"))
    return urls


@dataclass
class KillRun:
    """What a watcher killed and restarted did: its cycles' log lines and the final store."""

    kills: int = 0
    killed_at: list[int] = field(default_factory=list)  # articles stored when each kill came
    lines: list[str] = field(default_factory=list)
    runs: int = 0


def stored_articles(db: Path) -> int:
    """Articles in the SQLite store now (0 before the first batch), read beside the writer."""
    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:  # the tables are not there yet
            return 0


def watch_with_kills(db: Path, sources: Path, *, kill_after: list[int], src: Path,
                     extra: list[str] | None = None, timeout: float = 600.0) -> KillRun:
    """Run ``wirewatch watch --once`` in a child process, SIGKILL it when the store holds
    ``kill_after[i]`` articles (for each i), restart it each time, then let it finish."""
    command = [sys.executable, "-c", "from wirewatch.cli import main; main()", "watch",
               "--db", str(db), "--sources", str(sources), "--once", "--no-analyze",
               "--no-watch", "--allow-address", "127.0.0.1/32", *(extra or [])]
    env = {**os.environ, "PYTHONPATH": str(src)}
    run = KillRun()
    deadline = time.monotonic() + timeout
    for threshold in [*kill_after, None]:
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        run.runs += 1
        while threshold is not None and child.poll() is None and time.monotonic() < deadline:
            if stored_articles(db) >= threshold:
                child.send_signal(signal.SIGKILL)
                run.kills += 1
                run.killed_at.append(stored_articles(db))
                break
            time.sleep(0.05)
        out, _ = child.communicate(timeout=max(deadline - time.monotonic(), 1.0))
        run.lines += [line for line in out.splitlines() if line.startswith("cycle ")]
    return run
