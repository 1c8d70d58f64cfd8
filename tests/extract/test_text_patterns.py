"""Sample pages of our own, in the seed's scraped-text form, one for each chrome pattern of the
catalogue in docs/extraction-text.md (patterns seen on real scraped news pages; the text here
is invented). Each asserts the title, the first and last paragraph and the chrome's drop reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.extract.text.clean import clean_text_page
from wirewatch.extract.text.edges import trim_edges
from wirewatch.extract.text.lines import make_lines, stopwords
from wirewatch.records import Article, Page

TITLE = "Harbour council delays breakwater vote after granite shortage"
FIRST = (
    "The harbour council postponed its vote on the new breakwater on Tuesday after engineers "
    "said a shortage of granite blocks would push the work back by at least a year."
)
MIDDLE = (
    "Engineers told councillors that the local quarry had flooded during the spring rains and "
    "that blocks would now have to be shipped from across the bay at twice the cost."
)
LAST = (
    "Fishermen who use the harbour said they had lost weeks of work while the entrance was "
    "closed, and asked the council to waive this year's mooring fees in compensation."
)
EN = stopwords()["en"]
MENU = "Home\nWorld\nBusiness\nSport\nOpinion\nVideo"
FOOTER = "About us\nContact\nPrivacy policy\nTerms of use\n© 2023 Harbour Daily Media"


def page(head: str, body: str = "", foot: str = FOOTER) -> str:
    body = body or f"{FIRST}\n\n{MIDDLE}\n\n{LAST}"
    return f"{MENU}\n\n{head}\n\n{body}\n\n{foot}\n"


def clean(text: str) -> Article:
    return clean_text_page(Page(source="sample.txt", form="text", content=text))


def reasons(article: Article, text: str) -> set[str]:
    return {d.reason for d in article.drops if text in d.text}


@dataclass(frozen=True)
class Pattern:
    name: str
    text: str
    chrome: str  # a piece of the chrome line
    reason: str  # its expected drop reason (prefix)
    title: str = TITLE
    first: str = FIRST
    last: str = LAST


PATTERNS = [
    Pattern(
        "view counter", page(f"1 016 15\n{TITLE}\n12 March 2023"), "1 016 15", "chrome.counter"
    ),
    Pattern(
        "reading-time counter",
        page(f"{TITLE}\nBy Ana Reyes\n12 March 2023\n4 min read"),
        "4 min read",
        "chrome.counter",
    ),
    Pattern(
        "date stamps line",
        page(f"{TITLE}\nPublished : Mar 12, 2023 - 10:00 Updated : Mar 12, 2023 - 11:06"),
        "Published : Mar 12, 2023",
        "meta.date",
    ),
    Pattern(
        "breadcrumb glued to the headline",
        page(f"HomeWorld{TITLE}\n12 March 2023"),
        "Home > World",
        "meta.section",
    ),
    Pattern(
        "login and password prompt",
        page(f"{TITLE}\n12 March 2023"),
        "Forgot your password?",
        "chrome.login",
        last=LAST,
    ),
    Pattern(
        "subscription prompt",
        page(f"{TITLE}\n12 March 2023"),
        "This item is available in full to subscribers",
        "chrome.subscription",
    ),
    Pattern(
        "listen promo",
        page(f"{TITLE}\n12 March 2023\nListen to this article"),
        "Listen to this article",
        "chrome.audio",
    ),
    Pattern(
        "audio player",
        page(f"Play Live Radio\nNext Up:\n0:00 0:00\n{TITLE}\n12 March 2023"),
        "0:00 0:00",
        "chrome.audio",
    ),
    Pattern(
        "highlights box",
        page(
            f"{TITLE}\n12 March 2023\nHighlights\nVote moved to next month\n"
            "Granite blocks to come from across the bay"
        ),
        "Vote moved to next month",
        "chrome.summary",
    ),
    Pattern(
        "syndication line",
        page(f"{TITLE}\n12 March 2023"),
        "This article was originally published",
        "chrome.syndication",
    ),
    Pattern(
        "reporting credit",
        page(f"{TITLE}\n12 March 2023"),
        "(Reporting by Ana Reyes",
        "chrome.credit",
    ),
    Pattern(
        "photo headline with credit",
        page(
            f"{TITLE}\n12 March 2023\nWaves break over the old harbour wall on Monday. "
            "(Photo: Tom Hale/Harbour Daily)"
        ),
        "Waves break over the old harbour wall",
        "meta.caption",
    ),
    Pattern(
        "numbered advertisement",
        page(f"Advertisement 1\n{TITLE}\n12 March 2023"),
        "Advertisement 1",
        "chrome.advert",
    ),
    Pattern(
        "slideshow furniture",
        page(f"{TITLE}\n12 March 2023\nSlideshow\n1 / 12"),
        "1 / 12",
        "chrome.slideshow",
    ),
    Pattern(
        "newsletter line",
        page(f"{TITLE}\n12 March 2023"),
        "Sign up for our newsletter",
        "chrome.newsletter",
    ),
    Pattern(
        "section label above the headline",
        page(f"Politics\n{TITLE}\n12 March 2023"),
        "Politics",
        "meta.section",
    ),
    Pattern(
        "headline repeated as paragraph one",
        page(f"{TITLE}\n12 March 2023", f"{TITLE}\n\n{FIRST}\n\n{MIDDLE}\n\n{LAST}"),
        TITLE,
        "meta.title",
    ),
    Pattern(
        "Updated stamp glued to paragraph one",
        page(TITLE, f"Updated: 12 March 2023 10:15 {FIRST}\n\n{MIDDLE}\n\n{LAST}"),
        "Updated: 12 March 2023",
        "meta.date",
    ),
    Pattern(
        "headline ending in - Reports",
        page("Council to shelve breakwater plan - Reports\n12 March 2023"),
        "12 March 2023",
        "meta.date",
        title="Council to shelve breakwater plan - Reports",
    ),
]
# chrome lines placed inside or after the body (the page() head holds the others)
_BODY_CHROME = {
    "login and password prompt": "Log in to continue reading\nForgot your password?",
    "subscription prompt": "This item is available in full to subscribers.\nSubscribe now",
    "syndication line": "This article was originally published at Harbour Weekly.",
    "reporting credit": "(Reporting by Ana Reyes; Editing by Tom Hale)",
    "newsletter line": "Sign up for our newsletter",
}


def _text(pattern: Pattern) -> str:
    extra = _BODY_CHROME.get(pattern.name)
    if extra is None:
        return pattern.text
    return pattern.text.replace(f"{LAST}\n", f"{LAST}\n\n{extra}\n")


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_page(pattern: Pattern) -> None:
    article = clean(_text(pattern))
    assert article.title == pattern.title
    assert article.body[0] == pattern.first
    assert article.body[-1] == pattern.last
    assert pattern.chrome not in "\n".join(article.body[1:])
    found = reasons(article, pattern.chrome)
    assert any(r.startswith(pattern.reason) for r in found), found


def test_updated_stamp_becomes_the_date() -> None:
    text = page(TITLE, f"Updated: 12 March 2023 10:15 {FIRST}\n\n{MIDDLE}\n\n{LAST}")
    assert clean(text).published == "2023-03-12T10:15"


_WORD = st.sampled_from(
    [
        "council",
        "harbour",
        "granite",
        "vote",
        "delay",
        "engineers",
        "quarry",
        "bay",
        "fishermen",
        "fees",
        "storm",
        "wall",
        "minister",
        "talks",
        "river",
        "bridge",
        "budget",
        "report",
    ]
)
_HEADLINE = st.lists(_WORD, min_size=4, max_size=10).map(lambda ws: " ".join(ws).capitalize())


@settings(max_examples=40, deadline=None)
@given(headline=_HEADLINE, repeat=st.booleans(), dated=st.booleans())
def test_the_headline_never_is_paragraph_one(headline: str, repeat: bool, dated: bool) -> None:
    head = headline + ("\n12 March 2023" if dated else "")
    body = (f"{headline}\n\n" if repeat else "") + f"{FIRST}\n\n{MIDDLE}\n\n{LAST}"
    article = clean(page(head, body))
    assert article.body[0] != article.title
    assert article.body[0] != headline
    assert article.body[0] == FIRST


def test_standfirst_above_the_byline_is_not_paragraph_one() -> None:
    dek = "Engineers say the blocks must now come from a quarry across the bay, at twice the cost."
    text = page(TITLE, f"{dek}\nBy Ana Reyes\n12 March 2023\n\n{FIRST}\n\n{MIDDLE}\n\n{LAST}")
    article = clean(text)
    assert article.body[0] == FIRST
    assert reasons(article, dek)  # scored out of the region here
    # inside the region, above the byline the metadata rules took: the standfirst rule
    lines = make_lines([(i, t) for i, t in enumerate([dek, "By Ana Reyes", FIRST, LAST])], EN)
    body_pos, taken = [0, 2, 3], {1: "meta.byline"}
    trim_edges(lines, body_pos, taken)
    assert (body_pos, taken[0]) == ([2, 3], "meta.standfirst")


def test_other_headlines_at_the_edges_are_not_the_article() -> None:
    teaser = "Ferry timetable changes for the winter season"
    related = "Related coverage"
    body = f"{teaser}\n\n{FIRST}\n\n{MIDDLE}\n\n{LAST}\n\n{related}"
    article = clean(page(f"{TITLE}\n12 March 2023", body))
    assert (article.body[0], article.body[-1]) == (FIRST, LAST)
    assert reasons(article, teaser) and reasons(article, related)


def test_photo_description_at_the_top_is_a_caption() -> None:
    photo = "The harbour master, pictured at the old breakwater in 2021, has called for a new vote"
    article = clean(page(f"{TITLE}\n12 March 2023", f"{photo}\n\n{FIRST}\n\n{MIDDLE}\n\n{LAST}"))
    assert article.body[0] == FIRST
    assert "meta.caption_other" in reasons(article, photo)
