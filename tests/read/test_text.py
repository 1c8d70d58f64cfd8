"""The optional ``date YYYY-MM-DD`` first line of scraped-text pages."""

from __future__ import annotations

from pathlib import Path

from wirewatch.read import read_pages
from wirewatch.read.text import page_from_text, split_date_line, valid_date
from wirewatch.records import Page, Skip


def test_date_line_with_junk_keeps_the_junk_as_first_line() -> None:
    split = split_date_line(" date 2021-12-02  icon bookmark-bicon camera\nHeadline\nBody.")
    assert split.date == "2021-12-02"
    assert split.rest == "icon bookmark-bicon camera\nHeadline\nBody."


def test_bare_date_line_is_removed_whole() -> None:
    split = split_date_line("date 2024-03-09\r\nHeadline\r\n")
    assert split.date == "2024-03-09"
    assert split.rest == "Headline\r\n"


def test_no_date_line_leaves_text_alone() -> None:
    text = "Headline\ndate 2024-03-09\nBody"
    assert split_date_line(text).date is None
    assert split_date_line(text).rest == text


def test_impossible_date_is_not_a_date_line() -> None:
    text = "date 2024-13-40\nBody"
    assert split_date_line(text).date is None
    assert split_date_line(text).rest == text
    assert valid_date("2024-02-30T10:00") == "2024-02-30"  # day range only, not a calendar


def test_only_a_date_line_is_empty() -> None:
    skip = page_from_text("a.txt", "date 2024-01-01\n\n  \n")
    assert isinstance(skip, Skip)
    assert skip.reason == "empty"


def test_seed_page(seed_path: Path) -> None:
    (page,) = list(read_pages([seed_path]))
    assert isinstance(page, Page)
    assert page.form == "text"
    assert page.date_hint == "2021-12-02"
    assert page.source == str(seed_path)
    assert not page.content.lstrip().startswith("date")
    assert "Europe may be returning" in page.content


def test_text_without_date_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nA body paragraph.\n", encoding="utf-8")
    (page,) = list(read_pages([tmp_path / "a.txt"]))
    assert isinstance(page, Page)
    assert page.date_hint is None
    assert page.content.startswith("Headline")
