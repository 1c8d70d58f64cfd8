"""Which form an input is (feed, sitemap, URL list, WARC) and URL identity for "seen"."""

from __future__ import annotations

import pytest

from wirewatch.read.canonical import canonical_url, normalize_url
from wirewatch.read.sniff import form_from_name, looks_like_url_list, sniff_form


@pytest.mark.parametrize(("text", "form"), [
    ('<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>', "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
    ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "feed"),
    ('<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><urlset xmlns="x"/>', "sitemap"),
    ("<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>",
     "sitemap"),
    ("https://a.example/1\n# a comment\n\nhttp://b.example/2?x=1\n", "urls"),
    ("Ministers met.\nhttps://a.example/1\n", "text"),
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
])
def test_content_decides_the_form(text: str, form: str) -> None:
    assert sniff_form(text) == form


@pytest.mark.parametrize(("name", "form", "gzipped"), [
    ("CC-NEWS-2024.warc.gz", "warc", True), ("x.wet", "warc", False),
    ("world.rss", "feed", False), ("a.atom", "feed", False), ("sitemap.xml.gz", "unknown", True),
])
def test_names_announce_forms(name: str, form: str, gzipped: bool) -> None:
    announced = form_from_name(name)
    assert (announced.form, announced.gzipped) == (form, gzipped)


def test_a_url_list_needs_only_urls_and_at_least_one() -> None:
    assert looks_like_url_list("https://a.example/x\r\nhttps://b.example/y")
    assert not looks_like_url_list("# nothing but comments\n\n")
    assert not looks_like_url_list("https://a.example/x\nftp://b.example/y")


@pytest.mark.parametrize(("url", "normal"), [
    ("HTTPS://News.Example:443/World/A?id=3&utm_source=rss&UTM_MEDIUM=x#top",
     "https://news.example/World/A?id=3"),
    ("http://news.example:8080?fbclid=1&gclid=2", "http://news.example:8080/"),
    ("http://[2001:db8::1]:80/a?page=2", "http://[2001:db8::1]/a?page=2"),
])
def test_normalised_urls_drop_only_tracking(url: str, normal: str) -> None:
    assert normalize_url(url) == normal


def test_the_declared_canonical_url_is_read_and_resolved() -> None:
    html = ('<html><head><link rel="stylesheet" href="/s.css">'
            "<link href='/world/story?utm_campaign=x' rel='canonical'></head></html>")
    assert canonical_url(html, "https://news.example/amp/story") == (
        "https://news.example/world/story")
    assert canonical_url('<link rel="canonical" href="javascript:x">', "https://a.example/") is None
    assert canonical_url("<p>no head</p>", "https://a.example/") is None
