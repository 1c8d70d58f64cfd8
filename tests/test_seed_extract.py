"""Golden test: every field the issue names for the seed page, through clean_text_page."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.extract.text.clean import clean_text_page
from wirewatch.ids import article_id
from wirewatch.records import Article, Page


@pytest.fixture(scope="module")
def seed_article(seed_path: Path) -> Article:
    page = Page(source=str(seed_path), form="text", content=seed_path.read_text(encoding="utf-8"))
    return clean_text_page(page)


def test_title(seed_article: Article) -> None:
    assert seed_article.title == (
        "Russia warns about ‘nightmare scenario’ of military confrontation in Europe"
    )


def test_published(seed_article: Article) -> None:
    assert seed_article.published == "2021-12-02T11:07"


def test_authors(seed_article: Article) -> None:
    assert seed_article.authors == ("Jonny Tickle",)


def test_section(seed_article: Article) -> None:
    assert seed_article.section == "Russia & Former Soviet Union"


def test_site(seed_article: Article) -> None:
    assert seed_article.site == "RT"


def test_image_caption_and_credit(seed_article: Article) -> None:
    assert seed_article.image_caption is not None
    assert seed_article.image_caption.startswith("Soldiers from the US Army, Georgia and Bulgaria")
    assert "©" not in seed_article.image_caption
    assert seed_article.image_credit == "REUTERS / Spasiyana Sergieva"


def test_related(seed_article: Article) -> None:
    assert "US reveals response to a Russian invasion of Ukraine" in seed_article.related


def test_body_is_exactly_the_six_paragraphs(seed_article: Article) -> None:
    body = seed_article.body
    assert len(body) == 6
    assert body[0].startswith("Europe may be returning to a situation")
    assert body[-1].endswith('aggressive actions against Ukraine."')
    assert body[2].startswith("“NATO refuses to consider our proposals")


@pytest.mark.parametrize(
    "unwanted",
    [
        "icon",  # icon-font names
        "Get short URL",  # share widget
        "nightmare scenario’ of military",  # repeated headline
        "Jonny Tickle",  # byline
        "Spasiyana",  # caption credit
        "READ MORE",  # inserted link
        "Podcasts",
        "News App",
        "рус",  # language links
        "All rights reserved",
        "cookies",
        "Accept cookies",
        "HomeRussia",
    ],
)
def test_body_has_no_chrome(seed_article: Article, unwanted: str) -> None:
    assert unwanted not in seed_article.body_text


def test_identity_language_and_provenance(seed_article: Article, seed_path: Path) -> None:
    assert seed_article.id == article_id(str(seed_path), seed_article.body_text)
    assert seed_article.form == "text"
    assert seed_article.language == "en"
    assert seed_article.extractor == "wirewatch.text/1"


def test_every_discarded_line_is_a_drop_with_a_reason(
    seed_article: Article, seed_path: Path
) -> None:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    non_empty = {i for i, line in enumerate(lines) if line.strip()}
    body_lines = {i for i, line in enumerate(lines) if " ".join(line.split()) in seed_article.body}
    dropped = {d.line for d in seed_article.drops}
    assert dropped == non_empty - body_lines
    reasons = {d.reason for d in seed_article.drops}
    assert {"meta.title", "meta.title_repeat", "meta.byline", "meta.caption", "meta.related"} <= (
        reasons
    )
    assert "chrome.cookie" in reasons
    assert all(d.reason.count(".") == 1 for d in seed_article.drops)


def test_without_the_date_line_the_reader_hint_is_used(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8").split("\n", 1)[1]
    text = text.replace("2 Dec, 2021 11:07", "")
    page = Page(source="seed", form="text", content=text, date_hint="2021-12-02")
    article = clean_text_page(page)
    assert article.published == "2021-12-02"
    assert len(article.body) == 6
