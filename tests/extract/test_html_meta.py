"""Titles without the site name, caption credits, precise publication times."""

from __future__ import annotations

import lxml.html
import pytest

from wirewatch.extract.html.article import split_authors
from wirewatch.extract.html.meta import clean_title, html_extras, published_time, split_credit


@pytest.mark.parametrize(
    ("title", "kwargs", "expected"),
    [
        ("Talks resume | The Daily Example", {"site": "The Daily Example"}, "Talks resume"),
        ("The Daily Example - Talks resume", {"site": "The Daily Example"}, "Talks resume"),
        ("Talks resume — Example Times", {"host": "www.exampletimes.co.uk"}, "Talks resume"),
        (
            "Talks resume - Local 7 | Weather, Sport | Town",
            {"site": "Local 7 | Weather, Sport | Town"},
            "Talks resume",
        ),
        ("Part 1 - The Start - Blog", {"h1": "Part 1 - The Start"}, "Part 1 - The Start"),
        # not the site, not the h1: a dash inside a headline stays
        ("Ukraine war - live updates", {"site": "The Daily Example"}, "Ukraine war - live updates"),
        ("Peace: a long road", {"site": "Peace"}, "Peace: a long road"),
        ("No separator here", {}, "No separator here"),
    ],
)
def test_clean_title(title: str, kwargs: dict[str, str], expected: str) -> None:
    assert clean_title(title, **kwargs) == expected


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("Troops at the border. Photo: AP / Jane Doe", "Troops at the border.", "AP / Jane Doe"),
        ("Soldiers on parade © REUTERS / Some One", "Soldiers on parade", "REUTERS / Some One"),
        ("Leaders meet (Image credit: Example Agency)", "Leaders meet", "Example Agency"),
        ("A plain caption with no credit", "A plain caption with no credit", None),
        (
            "Voters queue. Credit...Some Photographer/Example Times",
            "Voters queue.",
            "Some Photographer/Example Times",
        ),
    ],
)
def test_split_credit(caption: str, text: str, credit: str | None) -> None:
    got = split_credit(caption)
    assert (got.text, got.credit) == (text, credit)


def test_published_time_from_meta_and_json_ld() -> None:
    meta = lxml.html.fromstring(
        '<html><head><meta property="article:published_time" content="2023-07-01T08:15:00Z">'
        "</head><body><p>x</p></body></html>"
    )
    assert published_time(meta) == "2023-07-01T08:15:00"
    ld = lxml.html.fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2022-11-30 21:05"}</script></head><body><p>x</p></body></html>'
    )
    assert published_time(ld) == "2022-11-30T21:05"
    assert published_time(lxml.html.fromstring("<html><body><p>x</p></body></html>")) is None


def test_extras_without_figures_or_related() -> None:
    tree = lxml.html.fromstring(
        '<html lang="fr-FR"><head><meta property="og:image:alt" content="Une photo"></head>'
        "<body><h1>Titre</h1><p>x</p></body></html>"
    )
    extras = html_extras(tree)
    assert extras.language == "fr"
    assert extras.image_caption == "Une photo"
    assert extras.image_credit is None
    assert extras.related == ()
    assert extras.h1 == "Titre"


@pytest.mark.parametrize(
    ("value", "site", "expected"),
    [
        ("Jane Roe; PhD", None, ("Jane Roe",)),
        ("Rob Example; CNN", "CNN", ("Rob Example",)),
        ("Ph.D.; J.R. Stone; Unknown", None, ("J.R. Stone",)),
        ("A. Writer; A. Writer; B. Writer", None, ("A. Writer", "B. Writer")),
        (None, None, ()),
    ],
)
def test_split_authors(value: str | None, site: str | None, expected: tuple[str, ...]) -> None:
    assert split_authors(value, site=site) == expected
