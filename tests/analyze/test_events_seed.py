"""Golden test: the events of the reference article (the seed), end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.analyze.pipeline import analyze_articles
from wirewatch.extract import extract_page
from wirewatch.read import read_pages
from wirewatch.records import Analysis, Event, Page


@pytest.fixture(scope="module")
def seed_analysis(seed_path: Path) -> Analysis:
    pages = [p for p in read_pages([seed_path]) if isinstance(p, Page)]
    assert len(pages) == 1
    return analyze_articles([extract_page(pages[0])])[0]


def codes(actors: tuple[object, ...]) -> set[str]:
    return {a.code for a in actors if getattr(a, "code", None)}  # type: ignore[attr-defined]


def find(analysis: Analysis, kind: str, trigger_word: str) -> Event:
    hits = [e for e in analysis.events if e.type == kind and trigger_word in e.trigger]
    assert hits, f"no {kind} event with trigger {trigger_word!r}: {analysis.events}"
    return hits[0]


def test_lavrov_accuses_nato(seed_analysis: Analysis) -> None:
    event = find(seed_analysis, "ACCUSE", "accusing")
    assert "RUS" in codes(event.source)
    assert any("Lavrov" in a.name for a in event.source)
    assert any(a.name == "NATO" for a in event.target)
    assert "accusing the US-led bloc of rejecting constructive discussion" in event.sentence


def test_nato_rejects_russian_proposals_attributed_to_lavrov(seed_analysis: Analysis) -> None:
    event = find(seed_analysis, "REJECT", "refusing")
    assert any(a.name == "NATO" for a in event.source)
    assert "RUS" in codes(event.target)
    assert event.attribution is not None and "Lavrov" in event.attribution.name
    assert event.date == "2021-12-02"  # "on Thursday", published Thursday 2 Dec 2021


def test_stoltenberg_asks_russia(seed_analysis: Analysis) -> None:
    event = find(seed_analysis, "REQUEST", "asked")
    assert any("Stoltenberg" in a.name for a in event.source)
    assert "RUS" in codes(event.target)
    assert event.date == "2021-11"  # "Last month"
    assert event.attribution is None  # the outlet's own report


def test_alleged_buildup_is_russia_mobilizing_toward_ukraine(seed_analysis: Analysis) -> None:
    event = find(seed_analysis, "MOBILIZE", "build")
    assert event.modality == "alleged"
    assert "RUS" in codes(event.source)
    assert "UKR" in codes(event.target)
    assert event.mode == "troops"


def test_kremlin_denies_the_invasion_allegation(seed_analysis: Analysis) -> None:
    denial = find(seed_analysis, "REJECT", "denied")
    assert "RUS" in codes(denial.source)
    assert denial.modality == "asserted"
    invasion = find(seed_analysis, "ASSAULT", "invasion")
    assert invasion.modality == "denied"


def test_offsets_point_into_the_body(seed_analysis: Analysis) -> None:
    body = seed_analysis.article.body_text
    assert seed_analysis.events
    for event in seed_analysis.events:
        assert body[event.start : event.end] == event.sentence
        assert event.trigger.split()[0] in event.sentence
