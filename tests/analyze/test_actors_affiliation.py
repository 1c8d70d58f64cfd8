"""Affiliations written around a name: "X-led forces", "King Y of Z"."""

from __future__ import annotations

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.actors.resolve import resolve_name
from wirewatch.analyze.nlp.load import pipe_texts


def test_a_led_compound_is_coded_by_the_leader() -> None:
    actor = resolve_name("Nigerian-led troops")
    assert actor is not None and actor.code == "NGA" and actor.sector == "MIL"


def test_a_backed_compound_is_not_coded_by_the_backer() -> None:
    actor = resolve_name("Iranian-backed militias")
    assert actor is None or actor.code != "IRN"


def test_a_person_of_a_country_takes_its_code() -> None:
    doc = next(pipe_texts(["President Paul Kagame of Rwanda said he would visit."],
                          disable=()))
    people = [m.actor for m in ArticleActors.from_doc(doc).mentions if m.kind == "person"]
    assert people and people[0].code == "RWA"


def test_a_country_name_before_a_currency_is_no_actor() -> None:
    assert resolve_name("US $50 million") is None
    doc = next(pipe_texts(["Kenya accused its former minister of stealing US $50 million."],
                          disable=()))
    index = ArticleActors.from_doc(doc)
    assert all(index.actor_for_token(t) is None or index.actor_for_token(t).code != "USA"
               for t in doc)


def test_armed_groups_and_regional_bodies_are_known() -> None:
    boko = resolve_name("Boko Haram")
    assert boko is not None and boko.code == "NGA"
    ecowas = resolve_name("ECOWAS")
    assert ecowas is not None and ecowas.code == "ECOWAS"


def test_people_nouns_are_civilian_groups() -> None:
    actor = resolve_name("the Albanian population")
    assert actor is not None and actor.code == "ALB" and actor.sector == "CVL"
