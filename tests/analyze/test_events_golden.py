"""Golden event sentences (dev set): hazards, intentions, non-events and the recall holes.

Sentences written for wirewatch (tests/analyze/events_golden_dev.jsonl, format in
event_specs.py), each asserting the exact events it yields or their absence, coded as
``wirewatch code`` codes a lone sentence. The held-out set (bench/events_sentences/) is never
run here. ``NOT_YET`` lists the sentences the coder still gets wrong (strict: a sentence that
starts passing must leave the list).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analyze.event_specs import GoldenSentence, code_all, load, problems
from wirewatch.records import Event

DEV = load(Path(__file__).with_name("events_golden_dev.jsonl"))
NOT_YET: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def coded() -> dict[str, list[Event]]:
    return code_all(DEV)


def test_the_dev_set_covers_every_phenomenon() -> None:
    assert {g.phenomenon for g in DEV} >= {
        "hazard", "accident", "illness", "agent", "intention", "non-event", "riot", "dispersed",
        "agreement", "destruction", "abduction", "arrest", "meeting", "sanction",
        "retaliation", "expulsion", "blame", "exchange", "missile-test"}
    assert len({g.id for g in DEV}) == len(DEV)


@pytest.mark.parametrize(
    "gold",
    [pytest.param(g, id=g.id, marks=pytest.mark.xfail(strict=True) if g.id in NOT_YET else ())
     for g in DEV],
)
def test_golden_sentence(gold: GoldenSentence, coded: dict[str, list[Event]]) -> None:
    assert problems(gold, coded[gold.id]) == [], gold.text
