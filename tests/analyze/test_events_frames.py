"""Frames added in the third tuning round: conjoined reported clauses, for-clauses."""

from __future__ import annotations

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.coder import code_doc
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.records import Event


def events(text: str) -> tuple[Event, ...]:
    doc = next(pipe_texts([text], disable=()))
    return code_doc(doc, ArticleActors.from_doc(doc)).events


def test_conjoined_reported_would_is_future_too() -> None:
    found = events("Japan announced it would expel the envoy and would deny entry to the "
                   "Russian delegation.")
    assert found
    assert {e.modality for e in found} == {"future"}
    assert "THREATEN" not in {e.type for e in found}
    # Without the reporting verb "would" stays hypothetical.
    alone = events("Japan would expel the envoy and would deny entry to the Russian delegation.")
    assert {e.modality for e in alone} == {"hypothetical"}


def test_for_clause_is_the_request_content_not_an_event() -> None:
    for text in ("Britain is pressing for Germany to support the plan.",
                 "Germany lobbied for the United States to release the prisoners."):
        found = events(text)
        assert [e.type for e in found] == ["REQUEST"], text
    found = events("France pushed hard for the council to meet the envoys.")
    assert [(e.type, e.mode) for e in found] == [("REQUEST", "meet")]


def test_help_with_a_coded_act_is_that_act() -> None:
    found = events("The United States helped negotiate a truce between the rebels and Sudan.")
    assert [e.type for e in found] == ["CONSULT"]
    # Help with no coded act under it stays AID.
    assert [e.type for e in events("Japan helped Haiti rebuild its schools.")] == ["AID"]
    assert [e.type for e in events("Norway helped Sri Lanka.")] == ["AID"]


def test_protest_announced_for_the_future_is_a_threat() -> None:
    found = events("The unions will stage a general strike next week.")
    assert [(e.type, e.mode) for e in found] == [("THREATEN", "restrict")]
    found = events("Students protested in Belgrade on Monday.")
    assert [e.type for e in found] == ["PROTEST"]


def test_under_attack_from_names_both_sides() -> None:
    found = events("Ukrainian positions came under attack from Russian troops on Thursday.")
    assault = [e for e in found if e.type == "ASSAULT"]
    assert assault
    assert [a.code for a in assault[0].source] == ["RUS"]
    assert [a.code for a in assault[0].target] == ["UKR"]


def test_from_a_bare_place_is_not_the_source() -> None:
    found = events("The withdrawal from Afghanistan was completed on Monday.")
    assert all("AFG" not in {a.code for a in e.source} for e in found)
