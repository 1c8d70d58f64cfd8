"""Metadata rules over lines: byline, caption, related inserts, site, title, section."""

from __future__ import annotations

import pytest

from tests.extract.text_pages import news_page
from wirewatch.extract.text.captions import is_caption, split_caption
from wirewatch.extract.text.chrome import (
    mark_chrome,
)
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.extract.text.lines import (
    Line,
    make_line,
    make_lines,
    stopwords,
)
from wirewatch.extract.text.meta import find_site, related_headline
from wirewatch.extract.text.names import bare_name, parse_byline
from wirewatch.records import Page

EN = stopwords()["en"]


def line(text: str) -> Line:
    return make_line(0, text, EN)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By\u00a0Jonny Tickle", ("Jonny Tickle",)),
        ("By Jane Roe and John Doe | Reuters", ("Jane Roe", "John Doe")),
        ("BY JESSICA HOLLY, GAIL LEVY, 7 NEWS", ("JESSICA HOLLY", "GAIL LEVY")),
        ("Written by Grant Tinsley, PhD on April 29, 2018", ("Grant Tinsley",)),
        ("By Evan Halper Staff Writer", ("Evan Halper",)),
        ("By Rob Picheta, CNN", ("Rob Picheta",)),
        ("by the way, this is not a byline at all", ()),
        ("Bystanders said the fire spread quickly", ()),
    ],
)
def test_parse_byline(text: str, names: tuple[str, ...]) -> None:
    assert parse_byline(text) == names


def test_bare_name_line() -> None:
    assert bare_name(line("Nathanael Johnson")) == ("Nathanael Johnson",)
    assert bare_name(line("Read the full report.")) == ()
    assert bare_name(line("Home")) == ()


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Soldiers at a drill in Bulgaria. © REUTERS / Spasiyana Sergieva",
            "Soldiers at a drill in Bulgaria.",
            "REUTERS / Spasiyana Sergieva",
        ),
        ("The harbour at dawn. Photo: Jane Roe", "The harbour at dawn.", "Jane Roe"),
        (
            "Protesters march in the capital (Getty Images)",
            "Protesters march in the capital",
            "Getty Images",
        ),
    ],
)
def test_split_caption(text: str, caption: str, credit: str) -> None:
    assert split_caption(text) == (caption, credit)


def test_no_caption_in_prose() -> None:
    assert split_caption("The minister said the talks would continue next week.") is None


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("US reveals response READ MORE: US reveals response", "US reveals response"),
        ("Read more: Ministers to meet again in Geneva", "Ministers to meet again in Geneva"),
        ("RELATED: Border trade falls by a third", "Border trade falls by a third"),
        ("He said: the talks will go on", None),
        ("Other words READ MORE: a different headline", None),
    ],
)
def test_related_headline(text: str, headline: str | None) -> None:
    assert related_headline(line(text)) == headline


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        (
            "This website uses cookies. Read Example Daily Privacy policy to find out more.",
            "Example Daily",
        ),
        ("Example News App", "Example"),
        ("Download the Daily Planet app", "Daily Planet"),
    ],
)
def test_site_from_generic_footer_phrases(footer: str, site: str) -> None:
    lines = make_lines([(0, "Some text"), (1, footer)], EN)
    mark_chrome(lines)
    assert find_site(lines) == site


def test_full_page_metadata() -> None:
    article = clean_text_page(Page(source="t", form="text", content=news_page()))
    assert article.title == "Ministers agree to reopen border crossing for aid convoys"
    assert article.published == "2021-03-03T14:05"
    assert article.authors == ("Ann Writer", "Bob Scribe")
    assert article.section == "World"
    assert article.site == "Example Daily"
    assert article.language == "en"


def test_title_suffix_gives_the_site() -> None:
    text = (
        news_page()
        .replace(
            "Ministers agree to reopen border crossing for aid convoys",
            "Ministers agree to reopen border crossing for aid convoys | The Courier",
        )
        .replace("Read the Example Daily Privacy policy", "Read our policy")
    )
    article = clean_text_page(Page(source="t", form="text", content=text))
    assert article.title == "Ministers agree to reopen border crossing for aid convoys"
    assert article.site in {"The Courier", "Example Daily"}


def test_url_slug_helps_pick_the_title() -> None:
    text = news_page().replace("World\n", "Breaking coverage from our desk\n")
    page = Page(
        source="t",
        form="text",
        content=text,
        url="https://example.org/2021/03/ministers-agree-reopen-border-crossing",
    )
    article = clean_text_page(page)
    assert article.title == "Ministers agree to reopen border crossing for aid convoys"


@pytest.mark.parametrize(
    ("crumb", "section"),
    [
        ("HomeRussia & Former Soviet Union", "Russia & Former Soviet Union"),
        ("Home > World > Europe", "Europe"),
        ("Home » Business", "Business"),
    ],
)
def test_breadcrumb_section(crumb: str, section: str) -> None:
    text = news_page().replace("World\n", crumb + "\n", 1)
    article = clean_text_page(Page(source="t", form="text", content=text))
    assert article.section == section


def test_glued_byline_is_case_sensitive() -> None:
    assert parse_byline("ByAlex Bozarjian") == ("Alex Bozarjian",)
    assert parse_byline("Bystanders said the fire spread quickly") == ()


@pytest.mark.parametrize(
    "text", ["View All Travel", "Get The Local App", "Scottish SPCA", "Subscribe Search My Account"]
)
def test_furniture_is_not_a_name(text: str) -> None:
    assert bare_name(line(text)) == ()


def test_desk_role_after_a_name() -> None:
    assert bare_name(line("Richard Roe Education editor")) == ("Richard Roe",)
    assert parse_byline("By Alejandro Villamor Last updated 3 May") == ("Alejandro Villamor",)


def test_name_line_next_to_the_date_is_the_author() -> None:
    text = news_page().replace("By Ann Writer and Bob Scribe", "Ann Writer")
    article = clean_text_page(Page(source="t", form="text", content=text))
    assert article.authors == ("Ann Writer",)
    assert "Ann Writer" not in article.body_text


def test_date_in_the_url_wins() -> None:
    page = Page(
        source="t", form="text", content=news_page(), url="https://example.org/2021/03/04/story"
    )
    assert clean_text_page(page).published == "2021-03-04"


@pytest.mark.parametrize(
    "text",
    [
        "In this Dec. 12, 2006, file photo, astronauts work outside the station.",
        "2of4A shopper looks at extension cords at a hardware store",
        "The harbour at dawn. Photo: Jane Roe",
    ],
)
def test_captions_inside_the_article(text: str) -> None:
    assert is_caption(text)
    assert not is_caption("The minister said the talks would continue next week.")
