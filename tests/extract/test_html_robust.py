"""Whatever the markup, the HTML extractor returns an Article or raises NoArticleError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.html_sample import news_html
from wirewatch.errors import NoArticleError
from wirewatch.extract.html.article import extract_html_page
from wirewatch.records import Article, Page

TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<figure><figcaption>",
        "<h1>",
        "<meta charset='x'>",
        "<!--",
        "-->",
        "<script>",
        "<table><tr><td>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<html lang='zz-ZZ'>",
        "&amp;",
    ]
)
PIECES = st.lists(st.one_of(TAGS, st.text(max_size=60)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(pieces=PIECES)
def test_any_markup_is_an_article_or_no_article(pieces: list[str]) -> None:
    page = Page(source="x.html", form="html", content="".join(pieces))
    try:
        article = extract_html_page(page)
    except NoArticleError as error:
        assert error.reason == "no_article"
        return
    assert isinstance(article, Article)
    assert all(paragraph.strip() for paragraph in article.body)


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(news_html())))
def test_truncated_page_never_raises_anything_else(cut: int) -> None:
    page = Page(source="cut.html", form="html", content=news_html()[:cut])
    try:
        article = extract_html_page(page)
    except NoArticleError:
        return
    assert article.body


def test_a_page_of_menus_and_links_is_no_article() -> None:
    items = "".join(f"<li><a href='/s{i}'>Section {i} news</a></li>" for i in range(12))
    html = f"<html><body><nav><ul>{items}</ul></nav><footer>Privacy policy</footer></body></html>"
    try:
        extract_html_page(Page(source="menu.html", form="html", content=html))
    except NoArticleError as error:
        assert error.reason == "no_article"
    else:
        raise AssertionError("a page of short menu items became an article")


def test_one_real_paragraph_is_enough() -> None:
    text = "The foreign ministers met in Vienna on Monday and agreed to resume talks next month."
    html = f"<html><body><article><h1>Talks</h1><p>{text}</p></article></body></html>"
    article = extract_html_page(Page(source="one.html", form="html", content=html))
    assert article.body == (text,)
