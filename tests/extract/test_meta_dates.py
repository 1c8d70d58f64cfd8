"""Dates written in page text, to ISO 8601 as precise as given."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.extract.text.dates import date_from_url, date_hint_line, find_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2 Dec, 2021 11:07", "2021-12-02T11:07"),
        ("October 9, 2018 at 9:40 am", "2018-10-09T09:40"),
        ("Posted Oct. 9, 2018 at 9:40 pm", "2018-10-09T21:40"),
        ("Updated: Nov. 19, 2019 5:03 p.m. ET", "2019-11-19T17:03"),
        ("2021-12-02", "2021-12-02"),
        ("2019-05-03T10:00:00Z", "2019-05-03T10:00"),
        ("19.11.2019, 08:57", "2019-11-19T08:57"),
        ("21/06/2014 Tony Carter", "2014-06-21"),
        ("01.21.2020 07:00 AM", "2020-01-21T07:00"),
        ("Mon 20 Jan 2020 06.05 GMT", "2020-01-20T06:05"),
        ("12 de março de 2018", "2018-03-12"),
        ("3rd March 2020", "2020-03-03"),
    ],
)
def test_formats(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None
    assert found[0] == iso


@pytest.mark.parametrize("text", ["Published 1 day ago", "in May 2021 they", "99/99/2020", ""])
def test_not_a_date(text: str) -> None:
    assert find_date(text) is None


def test_offsets_cover_the_date() -> None:
    text = "Posted on 2 Dec, 2021 by the desk"
    iso, start, end = find_date(text) or ("", 0, 0)
    assert iso == "2021-12-02"
    assert text[start:end].startswith("2 Dec, 2021")


def test_date_hint_line() -> None:
    assert date_hint_line(" date 2021-12-02  icon bookmark") == "2021-12-02"
    assert date_hint_line("date: tomorrow") is None
    assert date_hint_line("The date 2021-12-02 was set") is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip_of_written_dates(day: date) -> None:
    for text in (day.isoformat(), day.strftime("%d %B %Y"), day.strftime("%B %d, %Y")):
        found = find_date(text)
        assert found is not None and found[0] == day.isoformat(), text


@given(st.text(max_size=60))
def test_any_text_gives_a_valid_date_or_none(text: str) -> None:
    found = find_date(text)
    if found is not None:
        date.fromisoformat(found[0][:10])


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://example.org/education/2020/jan/20/a-story", "2020-01-20"),
        ("https://example.org/20200428/a-story", "2020-04-28"),
        ("https://example.org/a/2020-08-14/b", "2020-08-14"),
        ("https://example.org/2019/05/a-story", None),
        ("https://example.org/p/12345678/", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, iso: str | None) -> None:
    assert date_from_url(url) == iso
