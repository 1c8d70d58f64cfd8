"""Relative and absolute dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.analyze.events.dates import find_dates, parse_published, resolve

PUB = date(2021, 12, 2)  # a Thursday


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("on Thursday", "2021-12-02"),
        ("on Monday", "2021-11-29"),
        ("last Thursday", "2021-11-25"),
        ("yesterday", "2021-12-01"),
        ("today", "2021-12-02"),
        ("last month", "2021-11"),
        ("next month", "2022-01"),
        ("last year", "2020"),
        ("last week", "2021-W47"),
        ("May 31, 2021", "2021-05-31"),
        ("31 May 2021", "2021-05-31"),
        ("November 17", "2021-11-17"),
        ("25 January", "2021-01-25"),  # more than a month ahead: this past January
        ("2021-10-05", "2021-10-05"),
        ("February 30, 2021", None),
    ],
)
def test_resolve(expr: str, expected: str | None) -> None:
    assert resolve(expr, PUB) == expected


def test_future_weekday_looks_ahead() -> None:
    assert resolve("on Monday", PUB, future=True) == "2021-12-06"
    assert resolve("next Thursday", PUB) == "2021-12-09"


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve("on Thursday", None) is None
    assert resolve("May 31, 2021", None) == "2021-05-31"


def test_find_dates_offsets_and_modal_may() -> None:
    text = "Lavrov spoke on Thursday; talks may resume on 5 May 2022 or last month."
    found = find_dates(text)
    assert [m.text for m in found] == ["on Thursday", "5 May 2022", "last month"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_parse_published() -> None:
    assert parse_published("2021-12-02T11:07") == PUB
    assert parse_published("2 Dec 2021") is None
    assert parse_published(None) is None


@given(st.text(max_size=300), st.dates(min_value=date(1900, 1, 1)))
def test_any_text_gives_valid_mentions_and_never_raises(text: str, published: date) -> None:
    for mention in find_dates(text):
        assert text[mention.start : mention.end] == mention.text
        value = resolve(mention.text, published)
        assert value is None or value[:1].isdigit()
