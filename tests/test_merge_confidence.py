"""What feeds tension: the confidence threshold and the modality weights of merge_events."""

from __future__ import annotations

import dataclasses

from tests.test_stories import analysis, event
from wirewatch.watch.merge import MIN_CONFIDENCE, MODALITY_WEIGHTS, merge_events


def test_events_below_the_threshold_do_not_feed_tension() -> None:
    weak = dataclasses.replace(event("ASSAULT", "RUS", "UKR", intensity=-9.0),
                               confidence=MIN_CONFIDENCE - 0.05)
    strong = dataclasses.replace(event("ACCUSE", "RUS", "UKR"), confidence=MIN_CONFIDENCE)
    merged = merge_events([analysis("a", "x.example", "2024-03-05", weak, strong)], [])
    assert [m.type for m in merged] == ["ACCUSE"]
    everything = merge_events([analysis("a", "x.example", "2024-03-05", weak, strong)], [],
                              min_confidence=0.0)
    assert sorted(m.type for m in everything) == ["ACCUSE", "ASSAULT"]


def test_an_alleged_event_counts_at_its_weight() -> None:
    asserted = merge_events([analysis("a", "x.example", "2024-03-05",
                                      event("ASSAULT", "RUS", "UKR", intensity=-9.0))], [])
    alleged = merge_events([analysis("a", "x.example", "2024-03-05",
                                     event("ASSAULT", "RUS", "UKR", intensity=-9.0,
                                           modality="alleged"))], [])
    assert asserted[0].intensity == -9.0
    assert alleged[0].intensity == -9.0 * MODALITY_WEIGHTS["alleged"]
    assert MODALITY_WEIGHTS["alleged"] < MODALITY_WEIGHTS["asserted"]


def test_intended_and_hypothetical_acts_count_nothing() -> None:
    planned = [event("ASSAULT", "RUS", "UKR", intensity=-9.0, modality=m)
               for m in ("future", "hypothetical", "denied", "negated")]
    assert merge_events([analysis("a", "x.example", "2024-03-05", *planned)], []) == []
