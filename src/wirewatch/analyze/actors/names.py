"""Named entities without the entity recogniser: the actor tables' names, then runs of proper
nouns typed by a few rules.

spaCy's NER in en_core_web_sm has its own token-to-vector layer and costs more than the tagger
and parser together (docs/decisions.md, throughput). The actor, quote and event stages read
entities only to find names (PERSON, ORG, GPE, NORP, LOC, FAC); the tagger, which shares its
layer with the parser, already marks proper nouns. ``tag_names(doc)`` sets ``doc.ents`` on a
tagged, parsed doc:

1. the longest stretch of a capitalised run that the actor tables know ("NATO", "the Kremlin",
   "Sergey Lavrov", "Russian") takes the table's kind (a capital is GPE, a seat after "the"
   ORG; two country words in a row are one NORP group, "Croatian Serb");
2. the rest of each run of proper nouns (tags NNP, NNPS), less calendar words, is typed:
   plural -> NORP ("House Democrats"); titles split off an affiliation and a person ("SoftBank
   CEO Masayoshi Son" -> ORG, PERSON); an institution noun (``data/names/org_words.txt``) or
   all capitals -> ORG; after "in", "at", "near" ... -> GPE (LOC after "in the"); a province
   or state of one country -> GPE; after "the" -> ORG; a modifier of a common noun -> nothing;
   an earlier person's name or surname, two or more words, or a lone subject -> PERSON;
   anything else stays unlabelled.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import cast

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.country import place_code
from wirewatch.analyze.actors.tables import lookup_proper, tables

__all__ = ["known_names", "not_names", "org_words", "person_titles", "tag_names"]

KIND_LABEL = {"country": "GPE", "metonym": "ORG", "org": "ORG", "person": "PERSON"}
_PROPER_TAGS = frozenset(("NNP", "NNPS"))
_LOCATIVE = frozenset(("in", "at", "near", "from", "to", "into", "across", "outside", "inside",
                       "around", "towards", "toward"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_MAX_NAME_TOKENS = 6
_MAX_KNOWN_RUN = 5  # words of a capitalised run that known_names looks up


def _lines(name: str) -> list[str]:
    path = resources.files("wirewatch").joinpath("data", "names", name)
    text = path.read_text(encoding="utf-8")
    return [ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def org_words() -> frozenset[str]:
    """Institution nouns that make an unknown proper-noun run an organisation."""
    return frozenset(_lines("org_words.txt"))


@functools.cache
def not_names() -> frozenset[str]:
    """Calendar words that are not part of a name at the edge of a proper-noun run."""
    return frozenset(_lines("not_names.txt"))


@functools.cache
def person_titles() -> frozenset[str]:
    """Words that may stand before a person's name: courtesy and rank titles, role words."""
    roles = {word for phrase in tables().roles for word in phrase.split()}
    return frozenset(_lines("person_titles.txt")) | roles


def _capitalised_text(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _capitalised(token: Token) -> bool:
    return _capitalised_text(token.text)


def _proper(token: Token) -> bool:
    return token.tag_ in _PROPER_TAGS and _capitalised(token)


def _joined(doc: Doc, j: int, test: Callable[[Token], bool]) -> bool:
    """A hyphen inside a name ("Al-Assad", "Secretary-General"): no space on either side."""
    return (doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_
            and j + 1 < len(doc) and not doc[j].whitespace_ and test(doc[j + 1]))


def tag_names(doc: Doc) -> Doc:
    """Set ``doc.ents`` from the actor tables and the proper-noun rules (module docstring).

    Needs tags (and reads dependency labels when the doc is parsed). Entities already set are
    replaced.
    """
    spans: list[Span] = []
    people: set[str] = set()  # lower-case full names and surnames of persons found so far
    caps = _capital_flags(doc)
    n = len(doc)
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = i
        while j < n and (caps[j] or (j + 1 < n and caps[j + 1]
                                     and _joined(doc, j, _capitalised))):
            j += 1
        _tag_run(doc, i, j, spans, people)
        i = j
    doc.set_ents(spans, default="outside")
    return doc


def known_names(doc: Doc) -> Doc:
    """Mark the names the actor tables know ("NATO", "Jens Stoltenberg", "the Kremlin") as
    entities of an unparsed doc (no tags needed): runs of capitalised words, longest known
    stretch first, labelled by the table's kind."""
    spans: list[Span] = []
    caps = _capital_flags(doc)
    i = 0
    n = len(doc)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = i
        while j < n and j - i < _MAX_KNOWN_RUN and (
            caps[j] or (doc[j].text == "-" and j + 1 < n and not doc[j].whitespace_)
        ):
            j += 1
        found = None
        for end in range(j, i, -1):
            entry = lookup_proper(doc[i:end].text)
            if entry is not None:
                found = Span(doc, i, end, label=KIND_LABEL[entry.kind])
                break
        if found is not None:
            spans.append(found)
            i = found.end
        else:
            i += 1
    doc.set_ents(spans, default="unmodified")
    return doc


_CAPITALISED: dict[int, bool] = {}  # ORTH id -> starts with a capital and has a letter


def _capital_flags(doc: Doc) -> list[bool]:
    """``_capitalised`` of every token, from one array of ORTH ids and a per-process cache."""
    if len(_CAPITALISED) > 1_000_000:
        _CAPITALISED.clear()
    strings = doc.vocab.strings
    flags: list[bool] = []
    orths = cast(list[int], doc.to_array([ORTH]).reshape(-1).tolist())
    for orth in orths:
        flag = _CAPITALISED.get(orth)
        if flag is None:
            flag = _CAPITALISED[orth] = _capitalised_text(strings[orth])
        flags.append(flag)
    return flags


def _tag_run(doc: Doc, start: int, end: int, spans: list[Span], people: set[str]) -> None:
    """Known names first (longest stretch), then the unknown proper-noun pieces between."""
    piece_start = None
    i = start
    while i < end:
        known = None
        for stop in range(min(end, i + _MAX_NAME_TOKENS), i, -1):
            entry = lookup_proper(doc[i:stop].text)
            if entry is not None:
                known = (stop, entry.kind)
                break
        if known is not None:
            if piece_start is not None:
                _tag_piece(doc, piece_start, i, spans, people)
                piece_start = None
            label = KIND_LABEL[known[1]]
            if known[1] == "metonym" and not (i > 0 and doc[i - 1].lower_ == "the"):
                label = "GPE"  # "Moscow", "Ankara" (a capital), not "the Kremlin"
            last = spans[-1] if spans else None
            if known[1] == "country" and last is not None and _is_country(last, i):
                # "Croatian Serb", "Iraqi Kurdish": one group, as the phrase resolver reads it
                spans[-1] = Span(doc, last.start, known[0], label="NORP")
                i = known[0]
                continue
            spans.append(Span(doc, i, known[0], label=label))
            if label == "PERSON":
                _remember(doc[i : known[0]].text, people)
            i = known[0]
            continue
        if _proper(doc[i]) or (piece_start is not None and _joined(doc, i, _proper)):
            if piece_start is None:
                piece_start = i
        elif piece_start is not None:
            _tag_piece(doc, piece_start, i, spans, people)
            piece_start = None
        i += 1
    if piece_start is not None:
        _tag_piece(doc, piece_start, end, spans, people)


def _is_country(span: Span, end: int) -> bool:
    """A country name or demonym ending right at token ``end``."""
    entry = lookup_proper(span.text) if span.end == end and span.label_ == "GPE" else None
    return entry is not None and entry.kind == "country"


def _tag_piece(doc: Doc, start: int, end: int, spans: list[Span], people: set[str]) -> None:
    """Type one run of proper nouns that the tables do not know (module docstring, step 2)."""
    calendar = not_names()
    while start < end and doc[start].lower_ in calendar:
        start += 1
    while end > start and doc[end - 1].lower_ in calendar:
        end -= 1
    if start >= end:
        return
    words = [t.text.replace(".", "").lower() for t in doc[start:end]]
    if doc[end - 1].tag_ == "NNPS" and words[-1] not in org_words():
        spans.append(Span(doc, start, end, label="NORP"))  # "Democrats", "House Republicans"
        return
    titles = person_titles()
    last_title = max((k for k, w in enumerate(words) if w in titles), default=-1)
    tail = start + last_title + 1
    orgish = any(w in org_words() for w in words[last_title + 1 :])
    if last_title >= 0 and tail < end and not orgish:
        if any(w not in titles and w != "-" for w in words[:last_title]):
            spans.append(Span(doc, start, start + last_title, label="ORG"))  # "SoftBank CEO"
        _add(doc, tail, end, "PERSON", spans, people)  # "President Joe Biden"
        return
    if any(w in org_words() for w in words):
        if end - start >= 2 or doc[start].is_upper:
            spans.append(Span(doc, start, end, label="ORG"))  # "Defence Ministry"
        return
    if last_title >= 0:
        return  # titles only ("Foreign Minister")
    piece = doc[start:end]
    before = doc[start - 1] if start > 0 else None
    before2 = doc[start - 2] if start > 1 else None
    alpha = [t for t in piece if t.text != "-"]
    if all(t.text.isupper() and len(t.text) >= 2 for t in alpha):
        label = "ORG"
    elif before is not None and before.lower_ in _LOCATIVE:
        label = "GPE"
    elif (before is not None and before.lower_ == "the" and before2 is not None
          and before2.lower_ in _LOCATIVE):
        label = "LOC"
    elif place_code(piece.text) is not None and piece.text.lower() not in people:
        label = "GPE"  # "Lagos", "Kandahar", "Kentucky": a province or state of one country
    elif before is not None and before.lower_ == "the":
        label = "ORG"  # "the Guardian", "the Wild": a determiner does not go before a person
    elif piece.root.dep_ == "compound" and piece.root.head.tag_ in ("NN", "NNS"):
        return  # "Middle East observers": the noun phrase is the actor, not the name
    elif (piece.text.lower() in people or words[-1] in people or len(alpha) >= 2
          or piece.root.dep_ in _SUBJECT_DEPS):
        label = "PERSON"  # a known name, a full name, or a lone name as subject
    else:
        return
    _add(doc, start, end, label, spans, people)


def _add(doc: Doc, start: int, end: int, label: str, spans: list[Span],
         people: set[str]) -> None:
    spans.append(Span(doc, start, end, label=label))
    if label == "PERSON":
        _remember(doc[start:end].text, people)


def _remember(name: str, people: set[str]) -> None:
    words = name.replace(".", "").lower().split()
    if words:
        people.add(" ".join(words))
        people.add(words[-1])
