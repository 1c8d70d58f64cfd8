"""RSS 2.0, Atom, broken XML, URL lists: links fetched from a local server into Pages."""

from __future__ import annotations

from pathlib import Path

from tests.local_server import LocalServer, Route, fetcher_for_tests
from tests.read.feed_samples import ARTICLE, atom, rss
from wirewatch.read import read_pages
from wirewatch.read.feeds import feed_items
from wirewatch.read.links import Link
from wirewatch.records import Page, Skip


def _serve_articles(server: LocalServer, count: int) -> list[str]:
    paths = [f"/news/a{n}" for n in range(1, count + 1)]
    for number, path in enumerate(paths, start=1):
        server.routes[path] = Route(ARTICLE.format(title=f"Story {number}").encode())
    return paths


def test_rss_items_become_links_with_dates_and_titles() -> None:
    items = list(feed_items("feed.rss", rss("https://news.example", ["/a", "/b"])))
    assert items == [
        Link("https://news.example/a", "feed.rss:1", "page", "2024-03-01", "Story 1 & more"),
        Link("https://news.example/b", "feed.rss:2", "page", "2024-03-02", "Story 2 & more"),
    ]


def test_atom_links_resolve_against_the_base() -> None:
    items = list(feed_items("atom.xml", atom("https://news.example", ["x/1", "/y/2"])))
    assert [(i.url, i.date_hint) for i in items if isinstance(i, Link)] == [
        ("https://news.example/x/1", "2024-05-01"), ("https://news.example/y/2", "2024-05-02")]


def test_full_inline_content_is_a_page_and_teasers_are_fetched() -> None:
    items = list(feed_items("f.rss", rss("https://news.example", ["/a", "/b"], inline_last=True)))
    assert isinstance(items[0], Link)
    page = items[1]
    assert isinstance(page, Page)
    assert page.url == "https://news.example/b" and page.date_hint == "2024-03-02"
    assert page.form == "html" and "Paragraph 19 of the full story" in page.content


def test_broken_xml_keeps_what_the_lenient_parser_reads_and_garbage_is_a_skip() -> None:
    broken = rss("https://news.example", ["/a", "/b"]).replace(b"</channel></rss>", b"<item><ti")
    links = [i for i in feed_items("broken.rss", broken) if isinstance(i, Link)]
    assert [link.url for link in links] == ["https://news.example/a", "https://news.example/b"]
    (skip,) = feed_items("junk.rss", b"<rss><channel><<<>>> &&& not xml")
    assert isinstance(skip, Skip) and skip.reason in {"bad_feed", "empty"}


def test_an_item_without_a_web_link_is_a_skip() -> None:
    data = rss("https://news.example", ["/a"]).replace(b"https://news.example/a",
                                                       b"javascript:alert(1)")
    (skip,) = feed_items("f.rss", data)
    assert isinstance(skip, Skip) and skip.reason == "no_link"


def test_a_served_feed_is_fetched_into_pages(server: LocalServer) -> None:
    paths = _serve_articles(server, 3)
    server.routes["/feed.rss"] = Route(rss(server.url(""), paths),
                                       content_type="application/rss+xml")
    with fetcher_for_tests() as fetcher:
        items = list(read_pages([server.url("/feed.rss")], fetcher=fetcher))
    pages = [item for item in items if isinstance(item, Page)]
    assert [page.url for page in pages] == [server.url(path) for path in paths]
    assert [page.date_hint for page in pages] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert "<title>Story 2</title>" in pages[1].content
    assert all(server.hits[path] == 1 for path in paths)


def test_a_feed_file_on_disk_with_fetching_off_records_each_link(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_bytes(rss("https://news.example", ["/a", "/b"]))
    items = list(read_pages([path], fetch=False))
    assert [(i.source, i.reason) for i in items if isinstance(i, Skip)] == [
        ("https://news.example/a", "not_fetched"), ("https://news.example/b", "not_fetched")]


def test_an_xml_named_feed_and_a_url_list_are_sniffed(tmp_path: Path, server: LocalServer) -> None:
    paths = _serve_articles(server, 2)
    (tmp_path / "feed.xml").write_bytes(atom(server.url(""), paths[:1]))
    (tmp_path / "urls.txt").write_text(
        f"# today's list\n{server.url(paths[1])}\n\n{server.url('/gone')}\n", encoding="utf-8")
    with fetcher_for_tests() as fetcher:
        items = list(read_pages([tmp_path], fetcher=fetcher))
    pages = [item for item in items if isinstance(item, Page)]
    skips = [item for item in items if isinstance(item, Skip)]
    assert sorted(page.url or "" for page in pages) == sorted(server.url(p) for p in paths)
    assert [(s.source, s.reason, s.detail) for s in skips] == [
        (server.url("/gone"), "http_status", "HTTP 404")]


def test_a_link_seen_twice_is_fetched_once(server: LocalServer) -> None:
    paths = _serve_articles(server, 1)
    server.routes["/f.rss"] = Route(rss(server.url(""), paths * 2))
    with fetcher_for_tests() as fetcher:
        items = list(read_pages([server.url("/f.rss")], fetcher=fetcher))
    assert sorted(type(item).__name__ for item in items) == ["Page", "Skip"]
    assert [item.reason for item in items if isinstance(item, Skip)] == ["duplicate"]
    assert server.hits[paths[0]] == 1
