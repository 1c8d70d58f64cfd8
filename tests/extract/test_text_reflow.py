"""Renderer habits undone before the lines are judged (extract/text/reflow.py)."""

from __future__ import annotations

import textwrap

from wirewatch.extract.text.clean import clean_text_page
from wirewatch.extract.text.reflow import reflow, wrap_width
from wirewatch.records import Page

PARAGRAPHS = [
    "The harbour authority said on Monday that the new breakwater would be finished before "
    "the storm season, two years later than first planned and at twice the cost.",
    "Engineers blamed the delay on a shortage of granite blocks, which had to be shipped from "
    "a quarry across the bay after the local one flooded during the spring rains.",
    "Fishermen who use the harbour said they had lost weeks of work while the entrance was "
    "closed, and asked the council to waive this year's mooring fees in compensation.",
    "A council spokesman said the request would be discussed at the next meeting, but warned "
    "that the budget for the year had already been spent on the repairs themselves.",
]


def numbered(text: str) -> list[tuple[int, str]]:
    return [(i, raw) for i, raw in enumerate(text.splitlines()) if raw.strip()]


def lynx_dump() -> str:
    blocks = [
        "[1]Home [2]World [3]Business [4]Sport [5]Video",
        "Breakwater delayed by granite shortage",
    ]
    blocks += [
        textwrap.fill(p, width=76, initial_indent="   ", subsequent_indent="   ")
        for p in PARAGRAPHS
    ]
    refs = "\n".join(f"  {n}. https://example.org/section/{n}" for n in range(1, 6))
    return "\n\n".join(blocks) + "\n\nReferences\n\n" + refs + "\n"


def test_hard_wrapped_paragraphs_are_joined_and_keep_their_first_line_number() -> None:
    lines = numbered(lynx_dump())
    assert wrap_width(lines) is not None
    out = reflow(lines)
    texts = [" ".join(raw.split()) for _, raw in out]
    for paragraph in PARAGRAPHS:
        assert paragraph in texts
    first = next(i for i, raw in lines if "harbour authority" in raw)
    assert (first, "   " + PARAGRAPHS[0]) in out


def test_link_numbers_are_removed() -> None:
    out = reflow(numbered(lynx_dump()))
    assert not any("[1]" in raw or "[3]" in raw for _, raw in out)
    assert any(raw.strip() == "Home World Business Sport Video" for _, raw in out)


def test_unwrapped_prose_is_not_reflowed() -> None:
    page = "Headline of the day\n\n" + "\n\n".join(PARAGRAPHS * 4)
    lines = numbered(page)
    assert wrap_width(lines) is None
    assert reflow(lines) == lines


def test_one_text_node_a_line_is_joined_into_sentences() -> None:
    page = "Menu\nWorld\nThe minister\nsaid\n, on Monday,\nthat talks would resume.\nNext line"
    texts = [raw for _, raw in reflow(numbered(page))]
    assert "The minister said, on Monday, that talks would resume." in texts
    assert "Menu" in texts and "World" in texts  # capitalised lines stay apart


def test_second_level_bullets_are_not_joined() -> None:
    page = "  * News\n          o Local\n          o World\n  * Sport"
    lines = numbered(page)
    assert reflow(lines) == lines


def test_a_lynx_style_dump_cleans_to_the_paragraphs() -> None:
    article = clean_text_page(Page(source="lynx.txt", form="text", content=lynx_dump()))
    assert article.body[0] == PARAGRAPHS[0]
    assert article.body[-1] == PARAGRAPHS[-1]


def test_a_glued_menu_is_cut_into_its_items() -> None:
    from wirewatch.extract.text.glued import split_menu

    raw = "NewsWorldVideoCartoonsListen LiveSearchHarbour council delays the breakwater vote"
    assert split_menu(raw)[-1] == "Harbour council delays the breakwater vote"
    assert split_menu(raw)[:3] == ["News", "World", "Video"]
    prose = "The iPhone maker and McDonald's said on Monday that YouTube and PlayStation grew."
    assert split_menu(prose) == [prose]
