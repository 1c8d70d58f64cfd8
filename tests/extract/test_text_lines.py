"""Line features and the chrome phrase rules of the scraped-text cleaner, family by family."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.extract.text.chrome import (
    chrome_reason,
    mark_chrome,
)
from wirewatch.extract.text.lines import (
    Line,
    guess_language,
    make_line,
    make_lines,
    normalise_key,
    stopwords,
)

EN = stopwords()["en"]


def line(text: str) -> Line:
    return make_line(0, text, EN)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("This website uses cookies. Read our Privacy policy to find out more.", "chrome.cookie"),
        ("Accept cookies", "chrome.cookie"),
        ("We value your privacy", "chrome.cookie"),
        ("Share this article", "chrome.share"),
        ("Get short URL", "chrome.share"),
        ("Tweet", "chrome.share"),
        ("Podcasts", "chrome.promo"),
        ("Sign up for our newsletter", "chrome.newsletter"),
        ("Download the app now", "chrome.promo"),
        ("© 2021 Example Media Ltd. All rights reserved.", "chrome.copyright"),
        ("Copyright 2019 Some Publisher", "chrome.copyright"),
        ("Skip to content", "chrome.nav"),
        ("Related articles", "chrome.nav"),
        ("Home", "chrome.nav"),
        ("Leave a Reply", "chrome.comments"),
        ("12 Comments", "chrome.comments"),
        ("Jane Doe on March 3, 2020 at 5:20 pm said:", "chrome.comments"),
    ],
)
def test_phrase_families(text: str, reason: str) -> None:
    assert chrome_reason(line(text)) == reason


def test_icon_font_names() -> None:
    icons = "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon"
    assert chrome_reason(line(icons)) == "chrome.icons"
    assert chrome_reason(line("The icon of the movement spoke on Monday.")) is None


def test_glued_language_links() -> None:
    assert chrome_reason(line("العربيةespрусdefr")) == "chrome.language"
    assert chrome_reason(line("Moscow")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Europe may be returning to a situation of military confrontation, Lavrov claimed.",
        "The company said it would share the results with regulators next week.",
        "Officials said cookies were served at the meeting.",
        "He wrote the report in Stockholm.",
    ],
)
def test_prose_is_not_chrome(text: str) -> None:
    assert chrome_reason(line(text)) is None


def test_long_cookie_notice_is_chrome_but_not_a_story_about_cookies() -> None:
    notice = (
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are stored "
        "on your browser as they are essential for the working of the website."
    )
    assert chrome_reason(line(notice)) == "chrome.cookie"
    story = "The bakery sold cookies and cakes to hundreds of visitors who queued for hours " * 2
    assert chrome_reason(line(story)) is None


def test_short_lines_repeated_three_times_are_chrome() -> None:
    raw = ["Whatsapp Facebook Pin", "A long paragraph of text here.", "Whatsapp Facebook Pin"]
    raw += ["Another paragraph.", "Whatsapp Facebook Pin", "Unique line"]
    lines = make_lines(list(enumerate(raw)), EN)
    mark_chrome(lines)
    assert [ln.chrome for ln in lines].count("chrome.repeated") == 3
    assert lines[5].chrome is None


def test_bullets_are_stripped_and_flagged() -> None:
    lines = make_lines([(0, "  * Politics"), (1, " 3. Third point here"), (2, "Plain")], EN)
    assert [ln.text for ln in lines] == ["Politics", "Third point here", "Plain"]
    assert [ln.bullet for ln in lines] == [True, True, False]
    assert lines[1].key == "third point here"


def test_features() -> None:
    ln = line("The cat sat on the mat. It was happy!")
    assert ln.words == 9
    assert ln.sentence_end
    assert ln.sentences == 2
    assert 0.3 < ln.stop_ratio < 0.7
    assert line("  Hello\u00a0  world  ").text == "Hello world"


def test_cjk_length_counts_more() -> None:
    cjk = line("先日、不正に改造したiPhoneを販売したとして")
    latin = line("x" * len(cjk.text))
    assert cjk.length > latin.length


def test_normalise_key() -> None:
    assert normalise_key("  Share: THIS—article! ") == "share this article"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the minister said that the talks would go on and that it was not over", "en"),
        ("der Minister sagte, dass die Gespräche mit den Partnern nicht zu Ende sind", "de"),
        ("le ministre a dit que les discussions ne sont pas finies pour la France", "fr"),
        ("12345 67890", None),
    ],
)
def test_guess_language(text: str, lang: str | None) -> None:
    assert guess_language(text.lower().split()) == lang


@given(st.lists(st.text(max_size=80), max_size=20))
def test_any_lines_make_lines_and_chrome_never_raise(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip() and "\n" not in r]
    numbered = [(i, r) for i, r in numbered if len(r.splitlines()) == 1]
    lines = make_lines(numbered, EN)
    mark_chrome(lines)
    assert len(lines) == len(numbered)
    for ln in lines:
        assert ln.length >= 0
        assert 0.0 <= ln.stop_ratio <= 1.0
        assert ln.chrome is None or ln.chrome.startswith("chrome.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Imran Khan-led govt’s days are numbered KARACHI: Firebrand cleric said", "chrome.teaser"),
        ("NFL suspends the player for the rest of the year (130)", "chrome.teaser"),
        (
            "Get the magazine delivered every month and sign up for our free daily newsletter "
            "to read the best of the week's stories before anyone else does.",
            "chrome.promo",
        ),
        ("[ 167 comments ]", "chrome.comments"),
    ],
)
def test_teasers_long_promotions_and_comment_counts(text: str, reason: str) -> None:
    assert chrome_reason(line(text)) == reason


@pytest.mark.parametrize(
    "text",
    [
        "KARACHI: Firebrand cleric Fazlur Rehman said on Monday that the government would fall.",
        "The bill passed by 52 votes to 48 (after a long debate).",
        "Readers who subscribe to newspapers are older, the survey of 2,000 adults found.",
    ],
)
def test_article_lines_are_not_teasers_or_promotions(text: str) -> None:
    assert chrome_reason(line(text)) is None
