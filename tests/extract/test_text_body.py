"""Body selection: line classes, context, the main region and comment sections."""

from __future__ import annotations

import pytest

from tests.extract.text_pages import FOOTER, MENU, PARAGRAPHS, news_page
from wirewatch.errors import NoArticleError
from wirewatch.extract.text.body import BodyOptions, classify, main_region, select_body
from wirewatch.extract.text.chrome import (
    mark_chrome,
)
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.extract.text.lines import (
    Line,
    make_lines,
    stopwords,
)
from wirewatch.records import Page

EN = stopwords()["en"]
RULES_ONLY = BodyOptions(use_model=False)


def lines_of(raw: list[str]) -> list[Line]:
    lines = make_lines([(i, r) for i, r in enumerate(raw) if r.strip()], EN)
    mark_chrome(lines)
    return lines


def test_classify_families() -> None:
    long_prose, short, menu_item, chrome = lines_of(
        [PARAGRAPHS[0] + " " + PARAGRAPHS[1], "What comes next", "  * Gardening tips", "Share this"]
    )
    opts = BodyOptions()
    assert classify(long_prose, True, opts) == "good"
    assert classify(lines_of([PARAGRAPHS[0]])[0], True, opts) == "near"
    assert classify(short, True, opts) == "short"
    assert classify(menu_item, True, opts) == "short"
    assert classify(chrome, True, opts) == "bad"
    no_prose = lines_of(["Price list 10 20 30 40 50 60 70 80 90 100 110 120 130 140 150 " * 3])[0]
    assert classify(no_prose, True, opts) == "bad"


@pytest.mark.parametrize("options", [RULES_ONLY, BodyOptions()], ids=["rules", "model"])
def test_article_between_menu_and_comments(options: BodyOptions) -> None:
    raw = [*MENU, "Headline of the day", "", *PARAGRAPHS, *FOOTER]
    lines = lines_of(raw)
    keep, (start, end) = select_body(lines, True, options)
    kept = [lines[p].text for p in keep]
    assert kept[-4:] == PARAGRAPHS  # the headline may stay here: metadata takes it later
    assert start <= keep[0] and keep[-1] < end
    article = clean_text_page(
        Page(source="t", form="text", content="\n".join(raw)), options=options
    )
    assert article.body == tuple(PARAGRAPHS)
    assert article.title == "Headline of the day"


@pytest.mark.parametrize("options", [RULES_ONLY, BodyOptions()], ids=["rules", "model"])
def test_subheading_inside_the_article_is_kept(options: BodyOptions) -> None:
    article = clean_text_page(
        Page(source="t", form="text", content=news_page(subheading=True)), options=options
    )
    assert "What comes next" in article.body
    assert article.body.index("What comes next") == 2


def test_comment_section_after_the_article_is_cut() -> None:
    article = clean_text_page(Page(source="t", form="text", content=news_page()))
    assert "waste of time" not in article.body_text
    assert "Finally some good news" not in article.body_text
    assert any(d.reason == "chrome.comments" for d in article.drops)


def test_main_region_prefers_the_dense_block() -> None:
    raw = ["A teaser paragraph that is long enough to count as text on its own, more or less."]
    raw += MENU * 3 + PARAGRAPHS
    lines = lines_of(raw)
    select_body(lines, True, RULES_ONLY)
    start, end = main_region(lines, RULES_ONLY)
    assert lines[start].text == PARAGRAPHS[0]
    assert end == len(lines)


def test_no_body_raises() -> None:
    page = Page(source="menu.txt", form="text", content="\n".join(MENU + FOOTER[-3:]))
    with pytest.raises(NoArticleError) as info:
        clean_text_page(page)
    assert info.value.reason == "no_body"


def test_empty_page_raises() -> None:
    with pytest.raises(NoArticleError):
        clean_text_page(Page(source="empty.txt", form="text", content="\n\n  \n"))


def test_the_shipped_line_model_loads() -> None:
    from wirewatch.extract.text.model import FEATURES, STACK_FEATURES, load_model

    model = load_model()
    assert model is not None, "line_model.json is missing or for another feature set"
    assert len(model.first.weights) == len(FEATURES)
    assert model.second is not None and len(model.second.weights) == len(STACK_FEATURES)
    assert 0.0 < model.first.threshold < 1.0
