"""Issue 13's valid pages that came back as no_article, page notes and dates out of reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from wirewatch.extract import extract_page
from wirewatch.extract.bounds import MAX_TEXT_PAGE_CHARS
from wirewatch.extract.html.parse import MAX_TEXT_NODE
from wirewatch.read.text import page_from_text
from wirewatch.records import Article, Drop, Page

PROSE = ("Diplomats met in Geneva on Monday to resume talks on the ceasefire, officials said, "
         "and the ministers agreed to meet again next week in Vienna to continue the work. ")
HEAD = "<html><head><title>Talks resume in Geneva</title></head><body>"
ARTICLE = "<article>" + f"<p>{PROSE * 2}</p>" * 3 + "</article>"


def _extract(html: str) -> Article:
    page = page_from_text("probe.html", html, form="html")
    assert isinstance(page, Page)
    return extract_page(page)


def test_an_article_inside_100k_nested_divs_is_extracted() -> None:
    article = _extract(HEAD + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000)
    assert PROSE.strip() in article.body_text
    assert "read.deep_nesting" in {drop.reason for drop in article.drops}


def test_a_10_mb_single_paragraph_page_is_extracted() -> None:
    paragraph = PROSE * (10_100_000 // len(PROSE))
    article = _extract(HEAD + f"<article><p>{paragraph}</p></article></body></html>")
    assert len(article.body_text) >= MAX_TEXT_NODE // 2  # kept up to the stage's limit
    assert "html.text_truncated" in {drop.reason for drop in article.drops}


def test_a_15_mb_attribute_does_not_hide_the_article() -> None:
    article = _extract(HEAD + '<div data-x="' + "x" * 15_000_000 + '"></div>' + ARTICLE)
    assert PROSE.strip() in article.body_text


def test_the_pages_notes_lead_the_articles_drops() -> None:
    note = Drop("read.mixed_encoding", "1 of 3 lines not UTF-8, read as cp1252")
    page = Page(source="a.html", form="html", content=HEAD + ARTICLE, notes=(note,))
    assert extract_page(page).drops[0] == note


@pytest.mark.parametrize("day", ["1000-06-15", "9999-06-15", "1899-12-31"])
def test_a_date_out_of_reason_is_dropped_with_a_reason(day: str) -> None:
    page = Page(source="a.txt", form="text", content=(PROSE * 3 + "\n") * 2, date_hint=day)
    article = extract_page(page)
    assert article.published is None
    assert [d.reason for d in article.drops if d.reason.startswith("date.")] == [
        "date.out_of_range"]


def test_a_date_within_reason_stays() -> None:
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    for day in ("1900-01-01", "2021-12-02", tomorrow):
        page = Page(source="a.txt", form="text", content=(PROSE * 3 + "\n") * 2, date_hint=day)
        assert extract_page(page).published == day


def test_a_huge_text_page_is_cleaned_up_to_its_limit_at_a_line_end() -> None:
    count = MAX_TEXT_PAGE_CHARS // len(PROSE) + 50
    content = "".join(f"Part {n}: {PROSE.strip()}\n\n" for n in range(count))
    page = Page(source="big.txt", form="text", content=content)
    article = extract_page(page)
    assert len(article.body_text) <= MAX_TEXT_PAGE_CHARS
    assert article.body[0] == f"Part 0: {PROSE.strip()}"
    assert "text.truncated" in {drop.reason for drop in article.drops}
