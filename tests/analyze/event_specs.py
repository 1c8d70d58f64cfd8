"""Golden event sentences: a sentence with the events it must (and must not) yield.

One JSON object a line: ``text``, ``phenomenon``, ``events`` (specs that must each match an
event), ``exact`` (default true: every event must match some spec; ``"events": []`` then says
the sentence yields no event), ``forbid`` (specs no event may match). A spec's fields, each
optional: ``type`` and ``modality`` (a value or a list of accepted values), ``mode``, ``quad``,
``source`` / ``target`` (codes that must all appear on that side). Used by the dev-set tests
(tests/analyze/test_events_golden.py) and by bench/bench_event_sentences.py (held-out set).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.records import Event


@dataclass(frozen=True)
class GoldenSentence:
    id: str
    phenomenon: str
    text: str
    events: tuple[dict[str, Any], ...]
    exact: bool
    forbid: tuple[dict[str, Any], ...]


def load(path: Path) -> list[GoldenSentence]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        out.append(GoldenSentence(id=raw["id"], phenomenon=raw["phenomenon"], text=raw["text"],
                                  events=tuple(raw.get("events", ())),
                                  exact=bool(raw.get("exact", True)),
                                  forbid=tuple(raw.get("forbid", ()))))
    return out


def _accepts(value: Any, got: str | None) -> bool:
    return got in value if isinstance(value, list) else got == value


def matches(spec: dict[str, Any], event: Event) -> bool:
    for key in ("type", "modality", "mode", "quad"):
        if key in spec and not _accepts(spec[key], getattr(event, key)):
            return False
    for side in ("source", "target"):
        if side in spec:
            codes = {a.code for a in getattr(event, side) if a.code}
            if not set(spec[side]) <= codes:
                return False
    return True


def problems(gold: GoldenSentence, events: Sequence[Event]) -> list[str]:
    """What the events get wrong against the sentence's specs (empty: it passes)."""
    found = [f"{e.type}/{e.mode}/{e.modality} {e.rule}" for e in events]
    out = [f"missing {spec}; got {found}" for spec in gold.events
           if not any(matches(spec, e) for e in events)]
    if gold.exact:
        out += [f"unexpected {e.type}/{e.mode}/{e.modality} ({e.rule}, trigger {e.trigger!r})"
                for e in events if not any(matches(spec, e) for spec in gold.events)]
    out += [f"forbidden {spec}: {e.type}/{e.modality} ({e.rule})" for spec in gold.forbid
            for e in events if matches(spec, e)]
    return out


def code_all(golds: Iterable[GoldenSentence]) -> dict[str, list[Event]]:
    """The events ``wirewatch code`` gives each sentence (one text per sentence)."""
    from wirewatch.analyze.pipeline import code_texts

    golds = list(golds)
    out: dict[str, list[Event]] = {g.id: [] for g in golds}
    for item_id, event in code_texts((g.id, g.text, None) for g in golds):
        out[item_id].append(event)
    return out
