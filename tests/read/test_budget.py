"""Degenerate runs are collapsed with a note; ordinary pages pass untouched."""

from __future__ import annotations

from pathlib import Path

from wirewatch.read import read_pages
from wirewatch.read.budget import (
    MAX_DEPTH,
    MAX_ENTITY_RUN,
    MAX_PUNCTUATION_RUN,
    blank_punctuation_runs,
    bound_content,
    flatten_nesting,
)
from wirewatch.records import Page

PARAGRAPH = "Diplomats met in Geneva on Monday to resume talks on the ceasefire, officials said."
ARTICLE = f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"


def _html(body: str) -> str:
    return f"<html><head><title>Talks</title></head><body>{body}</body></html>"


def test_an_ordinary_page_is_untouched() -> None:
    page = _html(ARTICLE + "<table>" + "<tr><td>1</td><td>22</td></tr>" * 50 + "</table>")
    bounded = bound_content(page, "html")
    assert bounded.content == page and bounded.notes == ()


def test_a_run_of_tiny_elements_is_removed_and_the_article_stays(tmp_path: Path) -> None:
    path = tmp_path / "tiny.html"
    path.write_text(_html(ARTICLE + "<p>a</p>" * 30_000), encoding="utf-8")
    [page] = list(read_pages([path]))
    assert isinstance(page, Page)
    assert "<p>a</p>" not in page.content and PARAGRAPH in page.content
    assert [note.reason for note in page.notes] == ["read.tiny_elements"]


def test_an_entity_flood_keeps_its_first_entities() -> None:
    bounded = bound_content(_html(ARTICLE + "<p>" + "&amp;" * 100_000 + "</p>"), "html")
    assert bounded.content.count("&amp;") == MAX_ENTITY_RUN
    assert [note.reason for note in bounded.notes] == ["read.entity_run"]


def test_a_huge_attribute_is_emptied_and_the_article_stays() -> None:
    bounded = bound_content(_html('<div data-blob="' + "x" * 2_000_000 + '"></div>' + ARTICLE),
                            "html")
    assert 'data-blob=""' in bounded.content and ARTICLE in bounded.content
    assert [note.reason for note in bounded.notes] == ["read.long_attribute"]


def test_a_punctuation_run_is_blanked_past_its_limit_keeping_offsets() -> None:
    text = PARAGRAPH + " " + "&<" * 20_000 + " " + PARAGRAPH
    bounded = blank_punctuation_runs(text)
    assert len(bounded.content) == len(text)
    assert bounded.content.endswith(" " + PARAGRAPH)
    assert bounded.content.split()[-len(PARAGRAPH.split()) - 1] == "&<" * (
        MAX_PUNCTUATION_RUN // 2)
    assert [note.reason for note in bounded.notes] == ["analysis.punctuation_run"]


def test_deep_nesting_is_flattened_below_the_limit_and_keeps_the_text() -> None:
    html = _html("<div>" * 5000 + ARTICLE + "</div>" * 5000 + "<p>after</p>")
    bounded = flatten_nesting(html)
    assert bounded.content.count("<div>") == MAX_DEPTH
    assert bounded.content.count("</div>") == MAX_DEPTH
    assert bounded.content.count(f"<p>{PARAGRAPH}</p>") == 2  # <p> never counts for depth
    assert "<p>after</p>" in bounded.content
    assert [note.reason for note in bounded.notes] == ["read.deep_nesting"]


def test_nesting_within_the_limit_is_not_flattened() -> None:
    html = _html("<div>" * 50 + ARTICLE + "</div>" * 50)
    assert flatten_nesting(html).content == html
