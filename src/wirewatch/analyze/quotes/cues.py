"""Speech cues ("said", "warned", "accused … of", "according to") and who spoke them.

The cue list is ``wirewatch/data/quotes/cues.txt`` (surface forms, so no lemmatizer needed).
The speaker of a cue is its grammatical subject; a cue without one (a participle, "accusing",
hanging off "said") takes the subject of the verb it depends on; a passive cue takes its
"by" agent. The subject's text is resolved by ``ArticleActors`` so "he" finds its antecedent.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.quotes.speakers import (
    adjacent_name,
    mention_span,
    name_token,
    speaker_of,
    subject_of,
)
from wirewatch.records import Actor


@dataclass(frozen=True, slots=True)
class CueTable:
    single: frozenset[str]  # "said", "warned"
    phrasal: dict[str, frozenset[str]]  # "pointed" -> {"out"}, "according" -> {"to"}


@functools.cache
def cue_table() -> CueTable:
    path = resources.files("wirewatch").joinpath("data", "quotes", "cues.txt")
    single: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        for form in line.split("|"):
            words = form.split()
            if len(words) == 1:
                single.add(words[0])
            elif len(words) == 2:
                phrasal.setdefault(words[0], set()).add(words[1])
    return CueTable(frozenset(single), {k: frozenset(v) for k, v in phrasal.items()})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue in a sentence: the verb (or "according"), its text and its speaker."""

    token: Token
    text: str  # "said", "pointed out", "according to"
    speaker: Actor | None
    speaker_token: Token | None
    mention: tuple[int, int] | None = None  # the speaker's mention, character offsets


def make_cue(token: Token, text: str, subject: Token | None, actors: ArticleActors) -> Cue:
    """A cue with its speaker read from ``subject`` (a title's or apposition's name first);
    without one, a person's name right next to the cue ("… chairman, CEO and president Craig
    Menear said", where the parser hung the titles elsewhere)."""
    if subject is None:
        subject = adjacent_name(token)
    if subject is None:
        return Cue(token, text, None, None)
    named = name_token(subject)
    speaker = speaker_of(named, actors)
    mention = mention_span(named, actors.text) if speaker is not None else None
    return Cue(token, text, speaker, named, mention)


def cue_text(token: Token) -> str | None:
    """The cue a token starts ("said", "according to"), or None when it is not one."""
    table = cue_table()
    lower = token.lower_
    if lower not in table.single and lower not in table.phrasal:
        return None
    if (
        token.i > 0
        and token.doc[token.i - 1].text == "-"
        and not token.doc[token.i - 1].whitespace_
    ):
        return None  # "so-called", "long-awaited": part of a hyphenated word
    if lower in table.phrasal:
        for child in token.children:
            if child.lower_ in table.phrasal[lower] and child.dep_ in {"prt", "prep"}:
                return f"{token.text} {child.text}"
    if lower in table.single and token.pos_ in {"VERB", "AUX"}:
        return token.text  # "said", "have claimed", "denied by the Kremlin"
    return None


def cue_positions(doc: Doc) -> tuple[int, ...]:
    """Indices, in order, of the tokens whose lower-case form starts a cue (one array pass)."""
    lowers = doc.to_array([LOWER]).reshape(-1)
    hits = numpy.nonzero(numpy.isin(lowers, _cue_ids()))[0]
    return tuple(int(i) for i in hits)


@functools.cache
def _cue_ids() -> Any:
    """The string-store ids of the cue forms (ids are hashes of the strings: the same in
    every vocabulary)."""
    table = cue_table()
    strings = StringStore()
    return numpy.array(sorted({strings.add(w) for w in (*table.single, *table.phrasal)}),
                       dtype="uint64")


def cues_in(sent: Span, actors: ArticleActors,
            positions: tuple[int, ...] | None = None) -> list[Cue]:
    """All speech cues of a sentence, in order, with their speakers. ``positions``
    (``cue_positions(doc)``) lets the sentence skip every other token."""
    found: list[Cue] = []
    doc = sent.doc
    if positions is None:
        tokens: Iterable[Token] = sent
    else:
        first = bisect.bisect_left(positions, sent.start)
        last = bisect.bisect_left(positions, sent.end, first)
        tokens = [doc[i] for i in positions[first:last]]
    for token in tokens:
        text = cue_text(token)
        if text is None:
            continue
        found.append(make_cue(token, text, subject_of(token), actors))
    return found


def governing_cue(token: Token, cues: list[Cue]) -> Cue | None:
    """The cue that governs ``token`` in the parse tree (its nearest cue ancestor)."""
    by_index = {cue.token.i: cue for cue in cues}
    current = token
    for _ in range(40):
        if current.i in by_index:
            return by_index[current.i]
        if current.head is current:
            return None
        current = current.head
    return None
