"""The continuous mode: new pages only, nothing lost or repeated across restarts, state kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.local_server import LocalServer, Route, fetcher_for_tests
from tests.news_site import article_html, build_site, feed_xml
from tests.store.conftest import store_url  # noqa: F401 - the sqlite/postgres fixture
from wirewatch.run import poll
from wirewatch.run.poll import PollOptions, poll_cycle, watch
from wirewatch.store import Store, open_store
from wirewatch.store.poll_io import poll_status


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


def _article_sources(store: Store) -> list[str]:
    with store.connect() as conn:
        rows = conn.execute(sa.text("SELECT source FROM articles ORDER BY source"))
        return [str(row[0]) for row in rows]


def test_one_cycle_stores_every_page_once_and_the_next_finds_nothing_new(
        store_url: str, server: LocalServer) -> None:  # noqa: F811
    feeds = build_site(server, feeds=4, pages=24)
    options = PollOptions(analyze=False, batch=7)
    with open_store(store_url) as store, fetcher_for_tests() as fetcher:
        first = poll_cycle(store, feeds, fetcher, options)
        second = poll_cycle(store, feeds, fetcher, options)
        sources = _article_sources(store)
        status = poll_status(store)
    assert first.links == 24 and first.new == 24 and first.stored == 24
    assert sorted(sources) == sorted(server.url(f"/news/{n}") for n in range(24))
    assert second.not_modified == 4 and second.new == 0 and second.stored == 0
    assert all(server.hits[f"/news/{n}?utm_source=rss"] == 1 for n in range(24))
    assert status["cycles_done"] == 2 and status["seen"] == {"stored": 24}
    assert status["last_cycle"]["not_modified"] == 4


def test_a_feed_that_grows_gives_only_its_new_items(tmp_path: Path, server: LocalServer) -> None:
    base = server.url("")
    for number in range(6):
        server.routes[f"/news/{number}"] = Route(article_html(number, f"{base}/news/{number}"))
    server.routes["/f.rss"] = Route(feed_xml(base, [0, 1, 2], query=""), etag='"a"')
    options = PollOptions(analyze=False)
    with open_store(tmp_path / "w.db") as store, fetcher_for_tests() as fetcher:
        poll_cycle(store, [server.url("/f.rss")], fetcher, options)
        server.routes["/f.rss"] = Route(feed_xml(base, [3, 4, 5, 2, 1], query=""), etag='"b"')
        grown = poll_cycle(store, [server.url("/f.rss")], fetcher, options)
        assert len(_article_sources(store)) == 6
    assert (grown.links, grown.new, grown.stored) == (5, 3, 3)


def test_same_content_or_canonical_under_another_url_is_a_duplicate(
        tmp_path: Path, server: LocalServer) -> None:
    base = server.url("")
    page = article_html(1, f"{base}/news/1")
    server.routes["/news/1"] = Route(page)
    server.routes["/mirror/1"] = Route(page)  # same bytes
    server.routes["/amp/1"] = Route(page.replace(b"Monday", b"Sunday"))  # canonical -> /news/1
    for name, path in (("f", "/news/"), ("g", "/mirror/"), ("h", "/amp/")):
        server.routes[f"/{name}.rss"] = Route(feed_xml(base, [1], query="", path=path))
    feeds = [server.url(p) for p in ("/f.rss", "/g.rss", "/h.rss")]
    with open_store(tmp_path / "w.db") as store, fetcher_for_tests() as fetcher:
        report = poll_cycle(store, feeds, fetcher, PollOptions(analyze=False))
        assert _article_sources(store) == [server.url("/news/1")]
    assert report.stored == 1 and report.skipped["duplicate"] == 2


def test_a_watcher_that_dies_mid_cycle_loses_and_repeats_nothing(
        store_url: str, server: LocalServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    feeds = build_site(server, feeds=3, pages=30)
    options = PollOptions(analyze=False, batch=8)
    real_mark = poll._Cycle.mark_seen
    calls = {"n": 0}

    def dying_mark(self: poll._Cycle, chunk: list[poll._Found]) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second 8 are written, then the process "dies"
            raise KeyboardInterrupt
        real_mark(self, chunk)

    with open_store(store_url) as store:
        monkeypatch.setattr(poll._Cycle, "mark_seen", dying_mark)
        with fetcher_for_tests() as fetcher, pytest.raises(KeyboardInterrupt):
            poll_cycle(store, feeds, fetcher, options)
        monkeypatch.setattr(poll._Cycle, "mark_seen", real_mark)
        with fetcher_for_tests() as fetcher:  # a new process: nothing kept in memory
            reports = watch(store, feeds, options=options, fetcher=fetcher, once=True)
        sources = _article_sources(store)
        status = poll_status(store)
    assert sorted(sources) == sorted(server.url(f"/news/{n}") for n in range(30))
    assert reports[0].not_modified == 0  # validators of the dead cycle were never saved
    assert reports[0].new == 30 - 8  # the first 8 were marked seen before the death
    # written before the death but not marked: fetched again, found unchanged, not stored twice
    assert reports[0].unchanged >= 8
    assert reports[0].unchanged + reports[0].stored == reports[0].new
    assert status["seen"] == {"stored": 30}


def test_transient_failures_are_retried_next_cycle(tmp_path: Path, server: LocalServer) -> None:
    base = server.url("")
    server.routes["/news/0"] = Route(b"busy", status=503)
    server.routes["/f.rss"] = Route(feed_xml(base, [0], query=""))
    options = PollOptions(analyze=False)
    with open_store(tmp_path / "w.db") as store, fetcher_for_tests(retries=0) as fetcher:
        failed = poll_cycle(store, [server.url("/f.rss")], fetcher, options)
        server.routes["/news/0"] = Route(article_html(0, f"{base}/news/0"))
        retried = poll_cycle(store, [server.url("/f.rss")], fetcher, options)
    assert failed.skipped["server_error"] == 1 and failed.stored == 0
    assert retried.new == 1 and retried.stored == 1
