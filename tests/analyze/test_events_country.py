"""PLOVER's country convention: uncoded actors take the country where they act."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.analyze.actors.country import (
    location_of,
    phrase_place,
    place_code,
    sentence_countries,
)
from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.coder import code_doc
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.records import Event


def events(text: str) -> tuple[Event, ...]:
    doc = next(pipe_texts([text], disable=()))
    return code_doc(doc, ArticleActors.from_doc(doc)).events


def codes(event: Event) -> tuple[set[str | None], set[str | None]]:
    return {a.code for a in event.source}, {a.code for a in event.target}


@pytest.mark.parametrize(
    ("text", "code"),
    [("Serbia", "SRB"), ("Sudanese", "SDN"), ("Kremlin", "RUS"), ("NATO", None),
     ("Tuesday", None), ("Kandahar", "AFG"), ("Lagos", "NGA"), ("Punjab", None),
     ("Central", None), ("Donetsk", "UKR"), ("Kharkiv", "UKR"), ("Novosibirsk", "RUS"),
     ("Belgorod", "RUS"), ("Dagestan", "RUS"), ("Vladimir", None), ("Ivanov", None),
     ("Basra", "IRQ"), ("Crimea", "UKR"), ("the Golan Heights", "SYR"), ("Aleppo", "SYR")],
)
def test_place_code_names_countries_only(text: str, code: str | None) -> None:
    assert place_code(text) == code


def test_sentence_countries_in_order_without_repeats() -> None:
    doc = next(pipe_texts(["Nigeria and Ghana met in Accra; Nigeria left."], disable=()))
    assert sentence_countries(next(iter(doc.sents))) == ("NGA", "GHA")


def test_police_in_a_sentence_about_one_country_take_its_code() -> None:
    found = [e for e in events("Police arrested three opposition leaders in Nigeria.")
             if e.type == "COERCE"]
    assert found
    source, target = codes(found[0])
    assert source == {"NGA"}
    assert "NGA" in target


def test_a_people_noun_takes_the_country_where_it_acts() -> None:
    found = events("The Albanians of southern Serbia are demanding autonomy from Serbian "
                   "authorities.")
    request = [e for e in found if e.type == "REQUEST"]
    assert request
    source, target = codes(request[0])
    assert source == {"SRB"}
    assert target == {"SRB"}  # a domestic target is kept beside a same-country source


def test_other_side_gives_the_country_when_the_sentence_names_several() -> None:
    found = events("The Sudanese government accused rebels of attacking a convoy, a Chadian "
                   "mediator said.")
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse
    assert codes(accuse[0])[1] == {"SDN"}


def test_no_country_is_invented_when_none_is_named() -> None:
    found = events("Police arrested three opposition leaders.")
    assert found
    assert all(a.code is None for e in found for a in (*e.source, *e.target))


def test_organisations_keep_their_own_codes() -> None:
    found = events("NATO condemned the attack on Kyiv.")
    assert found
    assert "NATO" in {a.code for e in found for a in e.source}


def test_an_unknown_subject_is_kept_by_name_and_coded_by_the_sentence() -> None:
    found = [e for e in events("About 200 supporters of the former leader blocked roads in "
                               "Algeria.") if e.type == "PROTEST"]
    assert found
    assert {a.code for a in found[0].source} == {"DZA"}


def test_the_sentence_country_codes_an_untabled_official() -> None:
    found = events("President Smith banned Ugandan opposition candidates from the elections.")
    coerce = [e for e in found if e.type == "COERCE"]
    assert coerce
    assert {a.code for a in coerce[0].source} == {"UGA"}


def test_an_ethnic_group_is_coded_where_it_acts() -> None:
    found = [e for e in events("Serb forces killed three ethnic Albanians in a gunbattle in "
                               "southeastern Serbia.") if e.type == "ASSAULT"]
    assert found
    assert {a.code for a in found[0].target} == {"SRB"}


def test_a_nationality_without_ethnic_keeps_its_state() -> None:
    found = [e for e in events("Israeli troops in Lebanon shelled a village.")
             if e.type == "ASSAULT"]
    assert found
    assert "ISR" in {a.code for a in found[0].source}


def test_a_complaint_accuses_whoever_the_grievance_names() -> None:
    found = [e for e in events("Lebanon complained to the United Nations over Israeli air "
                               "raids.") if e.type == "ACCUSE"]
    assert found
    assert {a.code for a in found[0].target} == {"ISR"}


def test_a_group_of_an_owner_keeps_its_sector() -> None:
    found = [e for e in events("Iranian authorities pressured workers of the Tehran Bus "
                               "Company to cancel the strike.") if e.type == "REQUEST"]
    assert found
    assert any(a.sector == "LAB" and a.code == "IRN" for a in found[0].target)


def test_the_agent_of_a_blocked_act_is_the_target() -> None:
    found = [e for e in events("Turkish police prevented a demonstration staged by students "
                               "in Sivas.") if e.type == "COERCE"]
    assert found
    assert any(a.sector == "EDU" for a in found[0].target)


def test_an_attacked_unknown_place_does_not_take_the_attackers_country() -> None:
    found = [e for e in events("Russian troops shelled Mariupol.") if e.type == "ASSAULT"]
    assert found
    assert "RUS" not in {a.code for a in found[0].target}


def test_a_stance_prefix_is_no_affiliation() -> None:
    found = [e for e in events("A prominent anti-Syria journalist was killed in a car bomb "
                               "explosion in Beirut.") if e.type == "ASSAULT"]
    assert found
    assert "SYR" not in {a.code for e in found for a in (*e.source, *e.target)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("An anti-Syria journalist was killed in Beirut.", ("LBN",)),
     ("US-backed rebels attacked a town in Somalia.", ("SOM",)),
     ("Nigerian-led troops entered Monrovia.", ("NGA", "LBR")),
     ("The Kenyan minister was accused of stealing US $50 million.", ("KEN",))],
)
def test_a_stance_or_a_backer_is_not_a_country_of_the_sentence(
    text: str, expected: tuple[str, ...]
) -> None:
    doc = next(pipe_texts([text], disable=()))
    assert sentence_countries(next(iter(doc.sents))) == expected


def test_a_place_on_the_direct_object_locates_the_event() -> None:
    found = [e for e in events("Protesters blocked roads in Kenya on Monday.")
             if e.type == "PROTEST"]
    assert found and found[0].location == "Kenya"
    assert {a.code for a in found[0].source} == {"KEN"}


def test_a_capital_labelled_org_is_still_a_place() -> None:
    from spacy.tokens import Span

    doc = next(pipe_texts(["Protesters in Nairobi blocked a road."], disable=()))
    doc.ents = [Span(doc, 2, 3, label="ORG")]  # "Nairobi", as a tagger of seats may label it
    sent = next(iter(doc.sents))
    assert sentence_countries(sent) == ("KEN",)
    assert phrase_place(doc[0]) == "KEN"


def test_a_proper_noun_no_tagger_named_is_placed_by_the_tables() -> None:
    doc = next(pipe_texts(["Protesters in Kandahar blocked a road."], disable=()))
    doc.ents = []  # as when names come from a tagger that does not know the city
    assert sentence_countries(next(iter(doc.sents))) == ("AFG",)
    assert phrase_place(doc[0]) == "AFG"


def test_victims_of_an_attack_take_the_other_country_named_not_the_attackers() -> None:
    found = [e for e in events("Two Ethiopian gunmen killed 12 people when they opened fire "
                               "in Nairobi.") if e.type == "ASSAULT"]
    assert found
    source, target = codes(found[0])
    assert source == {"ETH"}
    assert target == {"KEN"}


def test_a_quantity_of_an_ethnic_group_takes_the_place_where_it_acts() -> None:
    found = [e for e in events("Half of the ethnic Somali fighters operating in Kenya have "
                               "been disarmed.") if e.type == "RETREAT"]
    assert found
    assert "KEN" in codes(found[0])[1]
    assert "SOM" not in codes(found[0])[1]


@pytest.mark.parametrize(
    ("text", "source"),
    [("The Thatcher government rejected the Argentine proposal.", "GBR"),
     ("President Kohl condemned the Iranian missile test.", "DEU"),
     ("The Reagan administration imposed sanctions on Nicaragua.", "USA")],
)
def test_a_past_office_holder_keeps_his_country_in_a_sentence_about_another(
    text: str, source: str
) -> None:
    found = events(text)
    assert found
    assert source in {a.code for e in found for a in e.source}


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [("A bomb killed three soldiers outside of Basra.", "killed", "Basra"),
     ("Three soldiers were killed outside of the city of Mosul.", "killed", "Mosul"),
     ("Police arrested ten men in the town of Mostar.", "arrested", "Mostar")],
)
def test_outside_of_and_the_city_of_locate_the_event(text: str, word: str, place: str) -> None:
    doc = next(pipe_texts([text], disable=()))
    assert location_of(next(t for t in doc if t.text == word)) == place


def test_implicit_protesters_are_not_coded_by_the_country_they_protest_against() -> None:
    found = [e for e in events("Angry demonstrations against the Israeli army erupted, "
                               "Palestinian officials said.") if e.type == "PROTEST"]
    assert found
    assert {a.code for a in found[0].source} == {"PSE"}
    assert {a.code for a in found[0].target} == {"ISR"}


@functools.cache
def _blank() -> Any:
    from spacy.lang.en import English

    return English()


def _iob_doc(tags: list[tuple[int, str]]) -> Any:
    """A blank English doc whose tokens carry these (IOB code, label) pairs (valid IOB)."""
    from spacy.tokens import Span

    doc = _blank().make_doc(" ".join(f"w{i}" for i in range(len(tags))))
    spans, start, label = [], -1, ""
    for i, (iob, lab) in enumerate([*tags, (2, "")]):
        if iob != 1 and start >= 0:
            spans.append(Span(doc, start, i, label=label))
            start = -1
        if iob == 3:
            start, label = i, lab
    doc.set_ents(spans, default="outside")
    return doc


_TAGS = st.lists(st.tuples(st.sampled_from([1, 2, 3]), st.sampled_from(["GPE", "ORG", "PERSON"])),
                 min_size=1, max_size=14).map(
    lambda tags: [(2 if iob == 1 and (i == 0 or tags[i - 1][0] == 2) else iob, lab)
                  for i, (iob, lab) in enumerate(tags)])


@settings(max_examples=80, deadline=None)
@given(_TAGS, st.integers(0, 13), st.integers(0, 14))
def test_entities_from_iob_tags_are_spacys(tags: list[tuple[int, str]], a: int, b: int) -> None:
    from wirewatch.analyze.actors.country import _ent_of, sentence_entities

    doc = _iob_doc(tags)
    ents = doc.ents
    for tok in doc:
        want = next((e for e in ents if e.start <= tok.i < e.end), None)
        got = _ent_of(tok)
        assert (got and (got.start, got.end, got.label_)) == (want and (want.start, want.end,
                                                                         want.label_))
    start, end = sorted((min(a, len(doc)), min(b, len(doc))))
    sent = doc[start:end]
    assert [(e.start, e.end, e.label_) for e in sentence_entities(sent)] == [
        (e.start, e.end, e.label_) for e in sent.ents]
