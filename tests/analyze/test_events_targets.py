"""Targets named outside the trigger's phrase (events_targets.py)."""

from __future__ import annotations

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.coder import code_doc
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.records import Event


def of_type(text: str, kind: str) -> Event:
    doc = next(pipe_texts([text], disable=()))
    found = [e for e in code_doc(doc, ArticleActors.from_doc(doc)).events if e.type == kind]
    assert found, f"no {kind} in {text!r}"
    return found[0]


def test_a_threat_targets_the_subject_of_its_condition() -> None:
    event = of_type("Georgian farmers threatened to block the highway unless Russia lifted "
                    "its ban on wine.", "THREATEN")
    assert "RUS" in {a.code for a in event.target}
    assert "RUS" not in {a.code for a in event.source}


def test_a_demand_targets_the_subject_of_its_content_clause() -> None:
    event = of_type("The opposition insisted on its demand that the Zambian government "
                    "release the detainees.", "REQUEST")
    assert "ZMB" in {a.code for a in event.target}


def test_a_condition_on_another_kind_of_event_adds_no_target() -> None:
    event = of_type("Kenya will meet Tanzania on Monday unless Uganda objects.", "AGREE")
    assert {a.code for a in event.target} == {"TZA"}
