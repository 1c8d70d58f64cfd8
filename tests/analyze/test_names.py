"""Names from the tagger and the actor tables (``names.tag_names``), without spaCy's NER."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.analyze.actors.names import tag_names
from wirewatch.analyze.nlp.load import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _names(nlp: Language, text: str) -> set[tuple[str, str]]:
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text)
    return {(e.text, e.label_) for e in tag_names(doc).ents}


def test_known_names_take_the_tables_kind(nlp: Language) -> None:
    found = _names(nlp, "Foreign Minister Sergey Lavrov accused NATO of ignoring Moscow.")
    assert ("Sergey Lavrov", "PERSON") in found
    assert ("NATO", "ORG") in found
    assert ("Moscow", "GPE") in found  # a capital: a place, coded as its government
    assert not any(text.startswith("Foreign") for text, _ in found)


def test_titles_are_cut_off_and_the_rest_is_a_person(nlp: Language) -> None:
    found = _names(nlp, "Police Chief Ed Alvarez told reporters that Alvarez had no comment.")
    assert ("Ed Alvarez", "PERSON") in found
    assert ("Alvarez", "PERSON") in found  # a later surname of a person found before


def test_affiliation_before_a_title_is_an_organisation(nlp: Language) -> None:
    found = _names(nlp, "Acme CEO Tom Brandle said the deal was off.")
    assert ("Tom Brandle", "PERSON") in found
    assert ("Acme", "ORG") in found


def test_institution_nouns_make_organisations(nlp: Language) -> None:
    found = _names(nlp, "The Ruritanian Defence Ministry and the Northern Freedom Party met.")
    labels = dict(found)
    assert any(label == "ORG" and "Ministry" in text for text, label in found)
    assert labels.get("Northern Freedom Party") == "ORG"
    assert not any(label == "PERSON" for _, label in found)


def test_places_after_locative_prepositions(nlp: Language) -> None:
    found = _names(nlp, "The talks were held in Springfield on Monday.")
    assert ("Springfield", "GPE") in found
    assert not any("Monday" in text for text, _ in found)  # calendar words are not names


def test_plural_proper_nouns_are_groups(nlp: Language) -> None:
    found = _names(nlp, "House Democrats voted against the bill.")
    assert any(label == "NORP" and "Democrats" in text for text, label in found)


def test_compound_modifier_of_a_common_noun_is_not_a_name(nlp: Language) -> None:
    found = _names(nlp, "Middle East observers say the base is vital.")
    assert not any(label == "PERSON" for _, label in found)


def test_existing_entities_are_replaced(nlp: Language) -> None:
    doc = nlp("Jens Stoltenberg spoke in Brussels.")
    assert doc.ents  # the model's own entities
    tag_names(doc)
    assert all(e.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC"} for e in doc.ents)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab Cd-EF.'’\"“” \n,Mr Dr of the in")), max_size=80))
def test_any_text_gets_consistent_entities(text: str) -> None:
    nlp = load_nlp()
    with nlp.select_pipes(disable=["ner"]):
        doc: Doc = nlp(text)
    ents = tag_names(doc).ents
    assert all(e.start < e.end for e in ents)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ents))


def test_capitals_are_places_and_seats_with_the_are_organisations(nlp: Language) -> None:
    found = _names(nlp, "Moscow said the Kremlin would answer.")
    assert ("Moscow", "GPE") in found
    assert ("Kremlin", "ORG") in found or ("the Kremlin", "ORG") in found


def test_two_demonyms_in_a_row_are_one_group(nlp: Language) -> None:
    found = _names(nlp, "Croatian Serb refugees returned home.")
    assert ("Croatian Serb", "NORP") in found


def test_provinces_are_places_not_people(nlp: Language) -> None:
    found = _names(nlp, "Kandahar is calm, officials said.")
    assert ("Kandahar", "GPE") in found
