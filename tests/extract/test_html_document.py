"""Our trafilatura metadata steps give what trafilatura's own extract_metadata gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirewatch.extract.html.article import _date_params, parse_html
from wirewatch.extract.html.document import finish_metadata, head_metadata

FIELDS = ("title", "author", "url", "hostname", "sitename", "date", "categories")

PAGE = """<html lang="en"><head><title>Talks stall | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://wire.example.org/world/talks-stall">
</head><body><div class="byline"><span class="author">By Jane Roe</span></div>
<time>2023-04-05</time>
<div class="post-meta"><a href="https://wire.example.org/category/world/">World</a></div>
<article><p>Negotiators left the capital on Tuesday without an agreement, officials said,
and no new round of talks has been scheduled for the coming weeks.</p></article>
</body></html>"""


def _ours(html: str, *, categories: bool = True) -> Any:
    tree = parse_html(html)
    head = head_metadata(tree, None)
    return finish_metadata(head, tree, date_params=_date_params(True), categories=categories)


def _theirs(html: str) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        parse_html(html), with_metadata=True, date_extraction_params=_date_params(True)
    )


def _fields(document: Any) -> dict[str, Any]:
    return {name: getattr(document, name) for name in FIELDS}


def test_a_page_we_wrote_gives_trafilaturas_fields() -> None:
    ours = _ours(PAGE)
    assert _fields(ours) == _fields(_theirs(PAGE))
    assert ours.author == "Jane Roe"  # from the byline: the in-place author fallback ran
    assert ours.categories == ["World"]
    assert ours.tags is None or ours.tags == []  # tags are not collected
    assert ours.license is None


def test_categories_are_skipped_when_not_asked() -> None:
    assert not _ours(PAGE, categories=False).categories


def test_the_author_fallback_consumes_the_tree() -> None:
    tree = parse_html(PAGE)
    finish_metadata(head_metadata(tree, None), tree, date_params=_date_params(True),
                    categories=False)
    assert not tree.xpath("//time")  # pruned in place: the tree is not to be used afterwards


def test_corpus_pages_give_trafilaturas_fields(corpora: Path) -> None:
    pages = sorted((corpora / "trafilatura-eval-en" / "pages").glob("*.html"))[:12]
    assert pages
    for path in pages:
        html = path.read_bytes().decode("utf-8", errors="replace")
        assert _fields(_ours(html)) == _fields(_theirs(html)), path.name


@pytest.mark.parametrize(
    "html", ["<html><body><p>x</p></body></html>", PAGE.replace("<title>", "")]
)
def test_sparse_pages_match_too(html: str) -> None:
    assert _fields(_ours(html)) == _fields(_theirs(html))


def test_related_links_in_one_walk_are_the_xpaths(corpora: Path) -> None:
    from lxml.etree import XPath

    from wirewatch.extract.html.meta import related_links

    reference = XPath(  # the definition the walk replaces
        "//*[self::aside or self::section or self::div or self::ul or self::nav]"
        "[contains(translate(@class, 'RELATED', 'related'), 'related')"
        " or contains(translate(@id, 'RELATED', 'related'), 'related')]//a"
    )

    written = parse_html(
        "<html><body><div class='Related-Box'><ul id='x'><li><a>One two three</a></li></ul>"
        "<section class='RELATED'><a>Nested link here</a></section></div>"
        "<nav id='reLated'><a>Other link words</a></nav><div class='unrelated-ish'>"
        "<a>Still related by name</a></div><aside><a>Not related at all</a></aside>"
        "</body></html>")
    assert related_links(written) == reference(written)
    assert [a.text for a in related_links(written)] == [
        "One two three", "Nested link here", "Other link words", "Still related by name"]
    pages = sorted((corpora / "trafilatura-eval-en" / "pages").glob("*.html"))[:30]
    for path in pages:
        tree = parse_html(path.read_bytes().decode("utf-8", errors="replace"))
        assert related_links(tree) == reference(tree), path.name
