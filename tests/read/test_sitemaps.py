"""Sitemaps: index -> (gzipped) news sitemaps -> pages, from a local server."""

from __future__ import annotations

import gzip

from tests.local_server import LocalServer, Route, fetcher_for_tests
from tests.read.feed_samples import ARTICLE, news_sitemap, plain_sitemap, sitemap_index
from wirewatch.read import read_pages
from wirewatch.read.links import Link
from wirewatch.read.sitemaps import sitemap_items
from wirewatch.records import Page, Skip


def test_a_news_sitemap_gives_links_with_publication_dates() -> None:
    data = news_sitemap([("https://news.example/a", "2024-06-01"),
                         ("https://news.example/b", "2024-06-02")])
    assert list(sitemap_items("s.xml", data)) == [
        Link("https://news.example/a", "s.xml:1", "page", "2024-06-01", "Title of a"),
        Link("https://news.example/b", "s.xml:2", "page", "2024-06-02", "Title of b")]


def test_an_index_gives_sitemap_links_and_lastmod_dates_plain_ones() -> None:
    index = list(sitemap_items("i.xml", sitemap_index(["https://news.example/s1.xml"])))
    assert index == [Link("https://news.example/s1.xml", "i.xml:1", "sitemap")]
    plain = list(sitemap_items("p.xml", plain_sitemap([("https://news.example/c", "2024-02-03")])))
    assert plain == [Link("https://news.example/c", "p.xml:1", "page", "2024-02-03")]


def test_bad_documents_are_skips_and_entities_are_not_expanded() -> None:
    (not_sitemap,) = sitemap_items("x.xml", b"<html><body>hi</body></html>")
    assert isinstance(not_sitemap, Skip) and not_sitemap.reason == "bad_sitemap"
    xxe = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc>&x;</loc></url></urlset>")
    items = list(sitemap_items("xxe.xml", xxe))
    assert all(isinstance(item, Skip) for item in items)
    assert all("root:" not in item.detail for item in items if isinstance(item, Skip))


def test_index_to_gzipped_news_sitemaps_to_pages(server: LocalServer) -> None:
    days = {"/n/a": "2024-06-01", "/n/b": "2024-06-02", "/n/c": "2024-06-03"}
    for number, path in enumerate(days, start=1):
        server.routes[path] = Route(ARTICLE.format(title=f"Story {number}").encode())
    urls = [(server.url(path), day) for path, day in days.items()]
    server.routes["/news-1.xml.gz"] = Route(gzip.compress(news_sitemap(urls[:2])),
                                            content_type="application/gzip")
    server.routes["/news-2.xml"] = Route(news_sitemap(urls[2:]), content_type="application/xml")
    server.routes["/sitemap.xml"] = Route(
        sitemap_index([server.url("/news-1.xml.gz"), server.url("/news-2.xml")]),
        content_type="text/xml")
    with fetcher_for_tests() as fetcher:
        items = list(read_pages([server.url("/sitemap.xml")], fetcher=fetcher))
    pages = [item for item in items if isinstance(item, Page)]
    assert [(page.url, page.date_hint) for page in pages] == [
        (server.url(path), day) for path, day in days.items()]
    assert not [item for item in items if isinstance(item, Skip)]


def test_links_deeper_than_the_limit_are_skips(server: LocalServer) -> None:
    # index -> index -> sitemap -> page: the page's link is at depth 3
    server.routes["/p"] = Route(ARTICLE.format(title="Deep").encode())
    server.routes["/s.xml"] = Route(plain_sitemap([(server.url("/p"), "2024-01-01")]))
    server.routes["/i2.xml"] = Route(sitemap_index([server.url("/s.xml")]))
    server.routes["/i1.xml"] = Route(sitemap_index([server.url("/i2.xml")]))
    with fetcher_for_tests() as fetcher:
        items = list(read_pages([server.url("/i1.xml")], fetcher=fetcher))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [
        ("Skip", "too_deep")]
    assert server.hits["/p"] == 0
