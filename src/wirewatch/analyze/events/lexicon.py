"""The PLOVER lexicon: trigger rules, word sets, mode cues, scores and modality cues.

Everything here is read from ``wirewatch/data/plover/`` once per process (``functools.cache``);
the files are reviewed data, derived from the PLOVER codebook (CC BY-SA 4.0) and general English.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from wirewatch.errors import ConfigError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COOPERATIVE_TYPES = frozenset(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                               "RETREAT"))
INTENT = "INTENT"  # promise/pledge/vow: AGREE or THREATEN after what is promised
NONE = "NONE"  # an exclusion row: the word is no event in that frame


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a trigger rule: ``kind`` is obj, prep, prt, mod, subj, pobj (an object
    of the trigger's preposition), xcomp, ccomp, xevent (a control complement that is itself a
    trigger: "helped *negotiate*"), agentless (a passive with no agent: "power was cut") or
    question (a complement that is a question: "asked whether ...")."""

    kind: str
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One row of triggers.tsv."""

    lemma: str
    pos: str  # "V" verb, "N" noun, "A" adjective
    type: str
    mode: str | None
    conditions: tuple[Condition, ...]
    order: int

    @property
    def name(self) -> str:
        conds = "+".join(c.kind + ("=" + "|".join(sorted(c.words))[:24] if c.words else "")
                         for c in self.conditions)
        return f"{self.type.lower()}.{self.lemma}.{self.pos}" + (f"[{conds}]" if conds else "")


@dataclass(frozen=True, slots=True)
class Category:
    quad: str
    requires_recipient: bool
    score: float
    modes: Mapping[str, float | None]


def _read_text(name: str) -> str:
    path = resources.files("wirewatch").joinpath("data", "plover", name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the PLOVER data file {name}: {exc}") from exc


def _read_json(name: str) -> dict[str, Any]:
    try:
        data = json.loads(_read_text(name))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"bad JSON in the PLOVER data file {name}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"the PLOVER data file {name} must hold an object")
    return data


def data_lines(name: str) -> list[list[str]]:
    rows = []
    for line in _read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@functools.cache
def word_sets() -> dict[str, frozenset[str]]:
    """Named word sets (``@name`` in the TSV files)."""
    return {k: frozenset(v) for k, v in _read_json("wordsets.json").items()
            if not k.startswith("_")}


def expand_words(spec: str) -> frozenset[str]:
    """``a|b|@set`` -> the set of words, sets expanded."""
    sets = word_sets()
    out: set[str] = set()
    for item in spec.split("|"):
        item = item.strip().lower()
        if not item:
            continue
        if item.startswith("@"):
            if item[1:] not in sets:
                raise ConfigError(f"unknown word set {item} in the PLOVER lexicon")
            out |= sets[item[1:]]
        else:
            out.add(item)
    return frozenset(out)


def _parse_conditions(spec: str) -> tuple[Condition, ...]:
    if spec.strip() in ("", "-"):
        return ()
    conds = []
    for part in spec.split(";"):
        part = part.strip()
        if part in ("xcomp", "ccomp", "xevent", "agentless", "question"):
            conds.append(Condition(part))
            continue
        kind, _, words = part.partition("=")
        if kind not in ("obj", "prep", "prt", "mod", "subj", "pobj") or not words:
            raise ConfigError(f"bad trigger condition {part!r}")
        conds.append(Condition(kind, expand_words(words)))
    return tuple(conds)


@functools.cache
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """(lemma, pos) -> rules, most specific first."""
    types = set(PLOVER_TYPES) | {INTENT, NONE}
    table: dict[tuple[str, str], list[TriggerRule]] = {}
    for order, cols in enumerate(data_lines("triggers.tsv")):
        if len(cols) != 5 or cols[1] not in ("V", "N", "A") or cols[2] not in types:
            raise ConfigError(f"bad row in triggers.tsv: {cols}")
        rule = TriggerRule(lemma=cols[0].lower(), pos=cols[1], type=cols[2],
                           mode=None if cols[3] == "-" else cols[3],
                           conditions=_parse_conditions(cols[4]), order=order)
        table.setdefault((rule.lemma, rule.pos), []).append(rule)
    return {k: tuple(sorted(v, key=lambda r: (-len(r.conditions), r.order)))
            for k, v in table.items()}


@functools.cache
def trigger_words_pattern() -> re.Pattern[str]:
    """A cheap prefilter: a regex matching any word that could start a trigger."""
    stems = {(lemma[:-1] if lemma.endswith("y") else lemma)[:5] for lemma, _ in trigger_rules()}
    # Stems of 5 letters catch regular inflections ("attacked", "negotiations"); irregular
    # forms ("fought", "met") are listed.
    stems |= {line.split()[0].lower() for line in _read_text("irregular_forms.txt").splitlines()
              if line.strip() and not line.startswith("#")}
    ordered = sorted(stems, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in ordered) + r")", re.IGNORECASE)


@functools.cache
def mode_cues() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """type -> ((mode, words), ...) in file order."""
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for cols in data_lines("mode_words.tsv"):
        if len(cols) != 3 or cols[0] not in PLOVER_TYPES:
            raise ConfigError(f"bad row in mode_words.tsv: {cols}")
        table.setdefault(cols[0], []).append((cols[1], expand_words(cols[2])))
    return {k: tuple(v) for k, v in table.items()}


@functools.cache
def categories() -> dict[str, Category]:
    raw = _read_json("categories.json")["categories"]
    return {name: Category(quad=c["quad"], requires_recipient=bool(c["requires_recipient"]),
                           score=float(c["score"]), modes=dict(c["modes"]))
            for name, c in raw.items()}


def intensity(event_type: str, mode: str | None) -> float:
    """The codebook's score for category:mode, else for the category."""
    cat = categories()[event_type]
    if mode is not None:
        score = cat.modes.get(mode)
        if score is not None:
            return float(score)
    return cat.score


@functools.cache
def modality_cues() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _read_json("modality.json").items()
            if not k.startswith("_")}
