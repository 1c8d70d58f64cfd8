"""``wirewatch watch`` and ``wirewatch run`` on feeds, URL lists and WARC, through CliRunner,
and the watcher's state at the API's ``/status``."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from tests.local_server import LocalServer
from tests.news_site import build_site
from tests.read.warc_samples import news_warc
from wirewatch.cli import main
from wirewatch.store import open_store

ALLOW = ["--allow-address", "127.0.0.1/32"]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


def _watch(db: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(main, ["watch", "--db", str(db), "--once", "--no-analyze",
                                       "--no-watch", *ALLOW, *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_watch_once_logs_one_line_and_status_shows_the_state(
        tmp_path: Path, server: LocalServer) -> None:
    feeds = build_site(server, feeds=3, pages=12)
    sources = tmp_path / "sources.txt"
    sources.write_text("# feeds\n" + "\n".join(feeds[1:]) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    (first,) = _watch(db, feeds[0], "--sources", str(sources))
    (second,) = _watch(db, "--sources", str(sources), feeds[0])
    assert first.startswith("cycle 1: 3 sources (0 not modified), 12 links, 12 new: 12 stored")
    assert second.startswith("cycle 2: 3 sources (3 not modified), 0 links, 0 new: 0 stored")

    status = asyncio.run(_status(db))
    assert status["cycles_done"] == 2 and status["sources"] == 3
    assert status["seen"] == {"stored": 12}
    assert status["last_cycle"]["status"] == "done"
    assert status["counts"]["articles"] == 12


async def _status(db: Path) -> Any:
    from wirewatch.web.api import create_app

    app = create_app(str(db), dashboard=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        response = await client.get("/status")
    app.state.store.close()
    assert response.status_code == 200, response.text
    return response.json()


def test_watch_without_feeds_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "w.db"), "--once"])
    assert result.exit_code == 2
    assert "give FEEDS or --sources FILE" in result.output


def test_watch_refuses_the_local_server_without_allow_address(
        tmp_path: Path, server: LocalServer) -> None:
    feeds = build_site(server, feeds=1, pages=2)
    result = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "w.db"), "--once",
                                       "--no-analyze", "--no-watch", feeds[0]])
    assert result.exit_code == 0, result.output
    assert "0 links" in result.output
    with open_store(tmp_path / "w.db") as store:
        from wirewatch.store.poll_io import source_states

        state = source_states(store, feeds)[feeds[0]]
    assert state.last_status == "address_refused"
    assert sum(server.hits.values()) == 0


def test_run_reads_a_warc_and_a_url_list(tmp_path: Path, server: LocalServer) -> None:
    build_site(server, feeds=1, pages=3)
    (tmp_path / "crawl.warc.gz").write_bytes(news_warc(gzip=True))
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(server.url(f"/news/{n}?utm_source=rss") for n in range(3)) + "\n",
                    encoding="utf-8")
    db = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["run", "--db", str(db), "--no-analyze", "--no-watch",
                                       "--no-progress", *ALLOW, str(tmp_path / "crawl.warc.gz"),
                                       str(urls)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        urls_stored = sorted(a.url or "" for a in store.iter_articles())
    assert urls_stored == sorted([f"https://news.example/a{n}" for n in (1, 2, 3)]
                                 + [server.url(f"/news/{n}?utm_source=rss") for n in range(3)])
