"""The one-pass author fallback gives trafilatura's ``extract_author``."""

from __future__ import annotations

import copy
import gzip
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from wirewatch.extract.html.article import parse_html
from wirewatch.extract.html.author import author_in_place


def _theirs(tree: HtmlElement) -> str | None:
    from trafilatura.metadata import extract_author

    return extract_author(copy.deepcopy(tree))  # type: ignore[no-any-return]


PAGES = [
    # byline class, a date and a comment block that the pruning removes first
    "<html><body><div class='comments'><span class='author'>Commenter X</span></div>"
    "<p class='byline'>By Jane Roe <time>5 May</time></p><p>Text.</p></body></html>",
    # the first XPath's literal tests, the //author element, rel='me' children
    "<html><body><a rel='author' href='/j'>John Smith</a></body></html>",
    "<html><body><author>Ann Lee</author><span class='authorName'>Bo Ek</span></body></html>",
    "<html><body><div><rel>me</rel>Cy Twombly</div></body></html>",
    "<html><body><span itemprop='author name'>Di Ng</span></body></html>",
    # second and third XPaths: ids, itemprop, data-component, writer
    "<html><body><h4 id='zuozhe-box'>Wang Fang</h4></body></html>",
    "<html><body><section data-component='Byline'>Ed Ford</section></body></html>",
    "<html><body><em class='writer'>Flo Grey</em><i itemprop='authors'>X</i></body></html>",
    # too short, too long, inside a figure, in a sidebar: nothing
    "<html><body><span class='author'>AB</span><figure><span class='author'>In Fig</span>"
    "</figure><div class='sidebar'><a class='author'>Side Bar</a></div></body></html>",
    "<html><body><p class='byline'>" + "word " * 40 + "</p><!-- c --></body></html>",
]


@pytest.mark.parametrize("html", PAGES)
def test_pages_we_wrote(html: str) -> None:
    tree = parse_html(html)
    assert author_in_place(copy.deepcopy(tree)) == _theirs(tree)


def test_the_first_pages_find_an_author() -> None:
    found = [author_in_place(parse_html(html)) for html in PAGES[:8]]
    assert all(found), found
    assert found[0] == "Jane Roe" and found[1] == "John Smith"


def test_corpus_pages(corpora: Path) -> None:
    pages = sorted((corpora / "trafilatura-eval-en" / "pages").glob("*.html"))[:40]
    pages += sorted((corpora / "aeb" / "html").glob("*.html.gz"))[:40]
    found = 0
    for path in pages:
        raw = path.read_bytes()
        html = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")
        tree = parse_html(html)
        ours = author_in_place(copy.deepcopy(tree))
        assert ours == _theirs(tree), path.name
        found += ours is not None
    assert found > 10  # the comparison covers pages where an author is found
