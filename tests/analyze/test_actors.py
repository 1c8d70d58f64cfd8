"""Actor coding: names on their own (resolve_name) and mentions in context (ArticleActors)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.analyze.actors.mentions import ArticleActors, resolve_name
from wirewatch.analyze.actors.tables import lookup_country_variant, lookup_person_variant
from wirewatch.analyze.nlp.load import parse
from wirewatch.records import Actor


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Russian", "RUS", None),
        ("Russia", "RUS", None),
        ("the Kremlin", "RUS", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Beijing", "CHN", "GOV"),
        ("U.S.", "USA", None),
        ("NATO", "NATO", None),
        ("the United Nations", "UN", None),
        ("OSCE", "OSCE", None),
        ("Hungarian officials", "HUN", "GOV"),
        ("Israeli soldiers", "ISR", "MIL"),
        ("Egyptian police", "EGY", "COP"),
        ("police", None, "COP"),
        ("some Western media outlets", None, "JRN"),
        ("Foreign Minister Sergey Lavrov", "RUS", "GOV"),
        ("NATO Secretary-General Jens Stoltenberg", "NATO", "GOV"),
        ("British Defence Secretary Tom King", "GBR", "GOV"),
        ("Former Israeli Prime Minister Ehud Barak", "ISR", "ELI"),
    ],
)
def test_resolve_name_codes(text: str, code: str | None, sector: str | None) -> None:
    actor = resolve_name(text)
    assert actor is not None
    assert (actor.code, actor.sector) == (code, sector)


def test_person_named_after_a_title_keeps_the_name() -> None:
    actor = resolve_name("British Defence Secretary Tom King")
    assert actor == Actor(name="Tom King", code="GBR", sector="GOV")


@pytest.mark.parametrize("text", ["", "us", "the weather", "turkey sandwich", "Mr Smith", "..."])
def test_resolve_name_returns_none_for_non_actors(text: str) -> None:
    assert resolve_name(text) is None


def test_modifier_before_a_group_is_not_its_affiliation() -> None:
    actor = resolve_name("Russian-backed separatists")
    assert actor is not None
    assert actor.code is None
    assert actor.sector == "REB"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_resolve_name_never_raises(text: str) -> None:
    actor = resolve_name(text)
    assert actor is None or isinstance(actor, Actor)


TEXT = (
    "NATO Secretary-General Jens Stoltenberg met Foreign Minister Sergey Lavrov in Stockholm. "
    "Lavrov said the alliance was moving closer. He said the Kremlin disagreed.\n\n"
    "Stoltenberg replied that the US-led bloc would not move. The minister left."
)


@pytest.fixture(scope="module")
def article() -> ArticleActors:
    return ArticleActors.from_doc(parse(TEXT))


def _at(article: ArticleActors, phrase: str, nth: int = 0) -> Actor | None:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return article.actor_for_span(start, start + len(phrase))


def test_titled_people_take_their_affiliation(article: ArticleActors) -> None:
    lavrov = _at(article, "Foreign Minister Sergey Lavrov")
    assert lavrov == Actor(name="Sergey Lavrov", code="RUS", sector="GOV")
    stoltenberg = _at(article, "Jens Stoltenberg")
    assert stoltenberg is not None
    assert (stoltenberg.code, stoltenberg.sector) == ("NATO", "GOV")


def test_later_mentions_resolve_to_the_same_actor(article: ArticleActors) -> None:
    lavrov = _at(article, "Foreign Minister Sergey Lavrov")
    assert _at(article, "Lavrov", 1) == lavrov
    assert _at(article, "He") == lavrov  # the most recent person before it
    assert _at(article, "the alliance") is not None
    assert _at(article, "the alliance") == _at(article, "NATO")
    assert _at(article, "the US-led bloc") == _at(article, "NATO")
    assert _at(article, "The minister") == lavrov
    assert _at(article, "Stoltenberg", 1) == _at(article, "Jens Stoltenberg")


def test_places_after_prepositions_are_not_actors(article: ArticleActors) -> None:
    codes = {a.code for a in article.actors}
    assert "SWE" not in codes
    assert {"NATO", "RUS"} <= codes


def test_definite_description_with_a_country_finds_the_titled_person() -> None:
    text = (
        "Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken in Geneva. "
        "The Russian foreign minister said little. The US president was not there."
    )
    article = ArticleActors.from_doc(parse(text))
    start = text.index("The Russian foreign minister")
    lavrov = article.actor_for_span(start, start + len("The Russian foreign minister"))
    assert lavrov is not None
    assert lavrov.name == "Sergey Lavrov"
    start = text.index("The US president")
    president = article.actor_for_span(start, start + len("The US president"))
    assert president is not None
    assert president.name != "Sergey Lavrov"
    assert president.code == "USA"


def test_apposition_gives_an_untitled_person_an_affiliation() -> None:
    text = "Ivan Petrovsky, the Russian deputy foreign minister, said the talks would go on."
    article = ArticleActors.from_doc(parse(text))
    actor = article.actor_for_span(0, len("Ivan Petrovsky"))
    assert actor is not None
    assert actor.name == "Ivan Petrovsky"
    assert (actor.code, actor.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("text", "own", "generic"),
    [("NATO", "NATO", "IGO"), ("the U.N. Security Council", "UNSC", "IGO"),
     ("European Union", "EU", "IGO"), ("Amnesty International", "AMNESTY", "NGO"),
     ("Kofi Annan", "UN", "IGO"), ("Russia", "RUS", "RUS")],
)
def test_organisations_have_own_codes_and_a_plover_class(text: str, own: str, generic: str) -> None:
    from wirewatch.analyze.actors.tables import plover_code

    actor = resolve_name(text)
    assert actor is not None and actor.code == own
    assert plover_code(actor.code) == generic


def test_own_organisation_codes_are_distinct() -> None:
    codes = [resolve_name(n) for n in ("NATO", "World Health Organization", "OSCE", "IAEA")]
    assert len({a.code for a in codes if a is not None}) == 4


@pytest.mark.parametrize(
    ("name", "known"),
    [("Francois Mitterand", "Francois Mitterrand"), ("François Mitterrand", "Francois Mitterrand"),
     ("Helmut Khol", "Helmut Kohl"), ("Moammar Gadafi", "Muammar Gaddafi"),
     ("Helmut Schmitt", "Helmut Schmidt"), ("Jim Carter", None), ("John Smith", None)],
)
def test_a_spelling_variant_of_a_known_person_is_that_person(name: str, known: str | None) -> None:
    entry = lookup_person_variant(name)
    assert (entry.name if entry is not None else None) == known


def test_a_misspelt_office_holder_keeps_his_country_in_context() -> None:
    text = "President Helmut Khol welcomed the Polish leader on Thursday."
    article = ArticleActors.from_doc(parse(text))
    start = text.index("Helmut")
    actor = article.actor_for_span(start, start + len("Helmut Khol"))
    assert actor is not None and actor.code == "DEU"


@pytest.mark.parametrize(
    ("word", "code"),
    [("Afganistan", "AFG"), ("Indonesain", "IDN"), ("Kazakstan", "KAZ"),
     ("Dominican", None), ("Nigerien", None), ("Washington", None)],
)
def test_a_spelling_variant_of_a_long_country_name_is_that_country(
    word: str, code: str | None
) -> None:
    entry = lookup_country_variant(word)
    assert (entry.code if entry is not None else None) == code


def test_resolve_name_reads_a_misspelt_country() -> None:
    actor = resolve_name("Afganistan")
    assert actor is not None and actor.code == "AFG"


def test_a_known_text_gives_the_same_actors_as_doc_text() -> None:
    text = ("NATO Secretary-General Jens Stoltenberg met Foreign Minister Sergey Lavrov. "
            "The minister said the alliance was wrong, and he left.")
    doc = parse(text)
    given_text = ArticleActors.from_doc(doc, text)
    rebuilt = ArticleActors.from_doc(doc)
    assert given_text.text == rebuilt.text == doc.text
    assert given_text.mentions == rebuilt.mentions and given_text.actors
    start = text.index("he left")
    assert given_text.actor_for_span(start, start + 2) == rebuilt.actor_for_span(start, start + 2)
