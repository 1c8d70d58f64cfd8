"""A real ``wirewatch watch`` process SIGKILLed twice mid-cycle and restarted: every page is
stored exactly once (the small version of bench/bench_watch_feeds.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.local_server import LocalServer
from tests.news_site import build_site, watch_with_kills


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


def test_killed_twice_every_page_is_stored_exactly_once(tmp_path: Path,
                                                         server: LocalServer) -> None:
    pages = 120
    feeds = build_site(server, feeds=4, pages=pages)
    sources = tmp_path / "sources.txt"
    sources.write_text("\n".join(feeds) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    run = watch_with_kills(db, sources, kill_after=[15, 60], src=ROOT / "src",
                           extra=["--batch", "10"], timeout=240)
    with sqlite3.connect(db) as conn:
        sources_stored = [row[0] for row in conn.execute("SELECT source FROM articles")]
        seen = conn.execute("SELECT count(*), count(DISTINCT url) FROM poll_seen").fetchone()
        cycles = dict(conn.execute("SELECT status, count(*) FROM poll_cycles GROUP BY status"))
    assert run.runs == 3
    assert len(sources_stored) == pages
    assert sorted(sources_stored) == sorted(server.url(f"/news/{n}") for n in range(pages))
    assert seen == (pages, pages)
    assert cycles.get("done") == 1
    assert cycles.get("interrupted", 0) == run.kills  # each killed cycle is marked on restart
    (last,) = run.lines  # only the finished run got to log its cycle
    assert last.startswith(f"cycle 3: 4 sources (0 not modified), {pages} links,")
