"""extract_page dispatches on the page form; extract_path turns failures into Skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.html_sample import PARAGRAPHS, news_html
from wirewatch.errors import NoArticleError
from wirewatch.extract import extract_page, extract_pages, extract_path
from wirewatch.records import Article, Page, Skip


def test_html_page_goes_to_the_html_extractor() -> None:
    article = extract_page(Page(source="a.html", form="html", content=news_html()))
    assert article.extractor.startswith("wirewatch.html/")
    assert article.body == PARAGRAPHS


def test_text_page_goes_to_the_text_cleaner(seed_path: Path) -> None:
    (article,) = extract_path(seed_path)
    assert isinstance(article, Article)
    assert article.extractor.startswith("wirewatch.text/")
    assert article.form == "text"
    assert article.published is not None and article.published.startswith("2021-12-02")


def test_no_article_raises_with_a_reason() -> None:
    with pytest.raises(NoArticleError) as caught:
        extract_page(
            Page(source="m.html", form="html", content="<html><body><nav>Home</nav></body></html>")
        )
    assert caught.value.reason == "no_article"


def test_extract_path_mixes_articles_and_skips(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(news_html(), encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    results = extract_path(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "Skip", "Skip"]
    assert [r.reason for r in results if isinstance(r, Skip)] == ["no_article", "empty"]


def test_extract_pages_passes_skips_through() -> None:
    skip = Skip("x", "binary", "binary content")
    assert extract_pages([skip]) == [skip]
