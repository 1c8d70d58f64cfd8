"""Actors resolved by the article (issue 9, item 5): nationality words before forces, strikes
and officials; acronyms read by the article's country; regional bodies; the two Congos; a
bare surname resolved to the article's own person before any table entry.

Every sentence here is invented for the test (news-like, no corpus text)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from wirewatch.analyze.actors.mentions import ArticleActors, resolve_name
from wirewatch.analyze.actors.names import tag_names
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.records import Actor


def _doc(text: str) -> Doc:
    """The text parsed as the pipeline parses it by default (names from ``tag_names``)."""
    return tag_names(next(pipe_texts([text], disable=("ner",))))


def _actors(text: str) -> ArticleActors:
    return ArticleActors.from_doc(_doc(text))


def _at(text: str, phrase: str, nth: int = 0) -> Actor | None:
    """The actor of the ``nth`` occurrence of ``phrase`` in ``text``, read in context."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return _actors(text).actor_for_span(start, start + len(phrase))


# -- nationality adjectives and demonyms before forces, strikes and officials --------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Indian troops fired on protesters near the border on Sunday.",
         "Indian troops", Actor("Indian troops", "IND", "MIL")),
        ("U.S. air strikes hit militia positions in eastern Syria on Tuesday.",
         "U.S. air strikes", Actor("U.S. air strikes", "USA", "MIL")),
        ("Israeli strikes destroyed two bridges overnight, residents said.",
         "Israeli strikes", Actor("Israeli strikes", "ISR", "MIL")),
        ("Pakistani officials rejected the report on Monday.",
         "Pakistani officials", Actor("Pakistani officials", "PAK", "GOV")),
        ("Russian missiles struck the power station again.",
         "Russian missiles", Actor("Russian missiles", "RUS", "MIL")),
    ],
)
def test_a_nationality_word_before_forces_strikes_or_officials_is_the_actor(
    text: str, phrase: str, expected: Actor
) -> None:
    assert _at(text, phrase) == expected
    assert expected in _actors(text).actors


def test_two_nationality_words_sharing_one_noun_are_two_actors() -> None:
    text = "Thai and Cambodian forces exchanged fire along the disputed frontier."
    found = _actors(text).actors
    assert Actor("Thai forces", "THA", "MIL") in found
    assert Actor("Cambodian forces", "KHM", "MIL") in found
    assert _at(text, "Thai") == Actor("Thai forces", "THA", "MIL")
    assert _at(text, "Cambodian forces") == Actor("Cambodian forces", "KHM", "MIL")


def test_a_bare_attack_noun_names_no_actor() -> None:
    text = "Air strikes hit the market on Friday, killing nine people."
    assert _at(text, "Air strikes") is None
    assert all(a.sector != "MIL" for a in _actors(text).actors)


# -- acronyms read by the article's country ------------------------------------------------


def test_rsf_in_a_sudan_story_is_the_rapid_support_forces() -> None:
    text = ("The RSF seized the town of El Fasher on Sunday.\n\n"
            "Sudan's army said it had pulled back to protect civilians.")
    assert _at(text, "RSF") == Actor("Rapid Support Forces", "SDN", None)


def test_rsf_in_a_press_freedom_story_is_reporters_without_borders() -> None:
    text = "RSF condemned the arrest of two reporters in Istanbul and asked Ankara to free them."
    assert _at(text, "RSF") == Actor("Reporters Without Borders", "RSF", None)


def test_a_region_of_the_country_is_context_enough() -> None:
    text = "RSF fighters attacked a camp for displaced people in North Darfur."
    found = _at(text, "RSF fighters")
    assert found is not None and found.code == "SDN"


def test_sdf_in_a_syria_story_is_the_syrian_democratic_forces() -> None:
    text = "The SDF said it had captured the village near Raqqa, in northeastern Syria."
    assert _at(text, "SDF") == Actor("Syrian Democratic Forces", "SYR", None)


def test_an_acronym_whose_readings_all_need_context_names_nothing_without_it() -> None:
    text = "The PDF was attached to the email he sent on Monday."
    found = _at(text, "PDF")
    assert found is None or (found.code, found.sector) == (None, None)


# -- regional bodies carry their own codes -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ECOWAS", "ECOWAS"),
        ("the Economic Community of West African States", "ECOWAS"),
        ("the African Union", "AU"),
        ("AU", "AU"),
        ("ASEAN", "ASEAN"),
        ("the Shanghai Cooperation Organisation", "SCO"),
        ("SCO", "SCO"),
        ("the Gulf Cooperation Council", "GCC"),
        ("the EU", "EU"),
        ("SADC", "SADC"),
        ("the East African Community", "EAC"),
        ("IGAD", "IGAD"),
        ("the Alliance of Sahel States", "AES"),
    ],
)
def test_regional_bodies_have_their_own_codes(text: str, code: str) -> None:
    found = resolve_name(text)
    assert found is not None and found.code == code


def test_a_regional_body_acting_on_a_member_is_not_that_member() -> None:
    text = ("ECOWAS leaders imposed new sanctions on Niger at a summit in Abuja.\n\n"
            "The West African bloc also closed its borders with the country.")
    assert _at(text, "ECOWAS leaders") == Actor("ECOWAS leaders", "ECOWAS", "GOV")
    assert _at(text, "The West African bloc") == Actor("ECOWAS", "ECOWAS", None)


def test_member_officials_of_a_bloc_take_the_bloc() -> None:
    text = "ASEAN foreign ministers urged both sides to hold their fire."
    assert _at(text, "ASEAN foreign ministers") == Actor("ASEAN foreign ministers", "ASEAN", "GOV")


# -- DR Congo and the Republic of Congo ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("the Democratic Republic of Congo", "COD"),
        ("the Democratic Republic of the Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Kinshasa", "COD"),
        ("Brazzaville", "COG"),
    ],
)
def test_the_two_congos_apart(text: str, code: str) -> None:
    found = resolve_name(text)
    assert found is not None and found.code == code


def test_congo_in_a_kinshasa_story_is_dr_congo() -> None:
    text = ("Congo's army fought M23 rebels near Goma on Monday.\n\n"
            "Kinshasa accuses Rwanda of backing the rebels, which Kigali denies.")
    found = _at(text, "Congo")
    assert found is not None and found.code == "COD"
    assert _at(text, "Congo's army") == Actor("Congo's army", "COD", "MIL")


def test_congo_in_a_brazzaville_story_is_the_republic_of_congo() -> None:
    text = "Congo's parliament met in Brazzaville to approve the budget."
    found = _at(text, "Congo")
    assert found is not None and found.code == "COG"


def test_a_republic_of_congo_title_gives_its_holder_the_country() -> None:
    text = "Republic of Congo President Denis Sassou Nguesso arrived in Luanda on Friday."
    assert _at(text, "Denis Sassou Nguesso") == Actor("Denis Sassou Nguesso", "COG", "GOV")


# -- people: the article's own person first, a table surname only with context --------------


def test_a_bare_surname_is_the_person_named_earlier_not_a_table_entry() -> None:
    text = ("South Korean President Moon Jae-in met army commanders in Seoul on Monday.\n\n"
            "Moon pledged to prevent war on the peninsula.")
    assert _at(text, "Moon", nth=1) == Actor("Moon Jae-in", "KOR", "GOV")
    assert _at(text, "Moon Jae-in") == Actor("Moon Jae-in", "KOR", "GOV")


def test_a_bare_surname_of_an_unknown_person_is_the_earlier_mention() -> None:
    text = ("Guinea's Interior Minister Amara Diallo ordered a curfew in Conakry.\n\n"
            "Diallo said the curfew would be lifted on Friday.")
    assert _at(text, "Diallo", nth=0) == Actor("Amara Diallo", "GIN", "GOV")
    assert _at(text, "Diallo", nth=1) == Actor("Amara Diallo", "GIN", "GOV")


def test_a_table_surname_alone_needs_the_article_to_agree() -> None:
    text = "Moon pledged to rebuild the bakery after the fire, the owner's family said."
    found = _at(text, "Moon")
    assert found is None or found.code is None


def test_a_table_surname_with_its_country_in_the_article_is_that_person() -> None:
    text = "Speaking in Moscow on Monday, Lavrov said the talks had failed."
    assert _at(text, "Lavrov") == Actor("Sergey Lavrov", "RUS", "GOV")


def test_a_table_surname_with_its_organisation_in_the_article_is_that_person() -> None:
    text = "At the United Nations in New York, Ban said both sides had to return to talks."
    found = _at(text, "Ban")
    assert found is not None and found.name == "Ban Ki-moon"


def test_an_abbreviated_title_is_not_a_surname() -> None:
    text = "Myanmar junta leader Senior Gen. Min Aung Hlaing said the vote would go ahead."
    found = _at(text, "Min Aung Hlaing")
    assert found is not None and found.code == "MMR"
    assert all(a.code != "KHM" for a in _actors(text).actors)


def test_a_senators_abbreviation_is_not_a_known_persons_surname() -> None:
    text = "Sen. Laura Finch said the bill would pass next week."
    assert all(a.code != "KHM" for a in _actors(text).actors)
