"""Conformance with the PLOVER codebook: every type and mode is produced by some rule (or is
listed as not yet handled in docs/analysis-events.md), and the packaged scores and quad
categories are the codebook's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wirewatch.analyze.events import match as events_match
from wirewatch.analyze.events.lexicon import (
    INTENT,
    PLOVER_TYPES,
    categories,
    intensity,
    mode_cues,
    trigger_rules,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "analysis-events.md"
# Our one documented departure from the printed scores (see the docs' Decisions).
SCORE_EXCEPTIONS = {"ACCUSE": -3.0}


def produced_modes() -> set[tuple[str, str]]:
    made: set[tuple[str, str]] = set()
    for rules in trigger_rules().values():
        made.update((r.type, r.mode) for r in rules if r.mode)
    for event_type, cues in mode_cues().items():
        made.update((event_type, mode) for mode, _ in cues)
    for event_type, table in events_match._FROM_EMBEDDED.items():
        made.update((event_type, mode) for mode in table.values())
    made.update(("THREATEN", m) for m in events_match._THREAT_BY_COERCE_MODE.values())
    return made


def not_yet_handled() -> set[str]:
    """``TYPE`` or ``TYPE:mode`` items listed under "Not yet handled" in the docs."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Not yet handled", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([A-Z]+(?::[a-z-]+)?)`", section))


@pytest.fixture(scope="module")
def codebook(corpora: Path) -> dict[str, object]:
    path = corpora / "plover" / "plover_codebook.json"
    if not path.exists():
        pytest.skip("the PLOVER codebook is not in ../shared/corpora/plover")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_every_type_has_a_trigger_rule() -> None:
    rule_types = {r.type for rules in trigger_rules().values() for r in rules} - {INTENT}
    listed = not_yet_handled()
    for event_type in PLOVER_TYPES:
        assert event_type in rule_types or event_type in listed, event_type


def test_every_mode_is_produced_or_listed(codebook: dict[str, object]) -> None:
    made = produced_modes()
    listed = not_yet_handled()
    cats = codebook["event_categories"]
    assert isinstance(cats, dict)
    for event_type, spec in cats.items():
        for mode in spec["modes"]:
            name = mode["mode"]
            assert (event_type, name) in made or f"{event_type}:{name}" in listed, (
                f"{event_type}:{name} is neither produced by a rule nor listed in the docs"
            )


def test_packaged_categories_match_the_codebook(codebook: dict[str, object]) -> None:
    cats = codebook["event_categories"]
    scores = codebook["plover_scores"]
    assert isinstance(cats, dict) and isinstance(scores, dict)
    ours = categories()
    assert set(ours) == set(cats) == set(PLOVER_TYPES)
    for event_type, spec in cats.items():
        assert ours[event_type].quad == spec["quad_category"]
        assert set(ours[event_type].modes) == {m["mode"] for m in spec["modes"]}
        expected = SCORE_EXCEPTIONS.get(event_type, scores[event_type])
        assert intensity(event_type, None) == expected
        for mode in spec["modes"]:
            key = f"{event_type}:{mode['mode'][0].upper()}{mode['mode'][1:]}"
            if key in scores:
                assert intensity(event_type, mode["mode"]) == scores[key]


def test_lexicon_modes_exist_in_the_codebook() -> None:
    cats = categories()
    for rules in trigger_rules().values():
        for rule in rules:
            if rule.mode is not None and rule.type != INTENT:
                assert rule.mode in cats[rule.type].modes, rule.name
    for event_type, cues in mode_cues().items():
        for mode, _ in cues:
            assert mode in cats[event_type].modes, f"{event_type}:{mode}"
