"""What the parse says about one trigger: its type before adjustments, modality, source,
target, attribution and the event embedded in it (helpers of the coder, coder.py).

Demands ("X said Y must/should Z") are read here too: ``MUST_RULE`` marks a must/should
clause reported by a reporting verb, a REQUEST from the reporter to the clause's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from wirewatch.analyze.events.args import (
    ActorIndex,
    grievance_actors,
    noun_arguments,
    phrase_actors,
    verb_arguments,
)
from wirewatch.analyze.events.dates import find_dates, resolve
from wirewatch.analyze.events.lexicon import TriggerRule, modality_cues
from wirewatch.analyze.events.match import Match, embedded_match, match_token, resolve_type
from wirewatch.analyze.events.modality import modality_of
from wirewatch.analyze.events.targets import extra_targets, harmed_subjects
from wirewatch.records import Actor, Modality, Quote

_REPORTED_DEPS = frozenset(("ccomp", "parataxis", "conj", "xcomp", "advcl"))
# Nouns that carry a reported demand like a reporting verb ("a reminder to Iraq that it must").
_DEMAND_NOUNS = frozenset(("reminder", "message", "statement", "letter", "insistence"))
# "X said Y must/should Z": a demand by X on Y.
MUST_RULE = TriggerRule(lemma="must", pos="V", type="REQUEST", mode=None, conditions=(),
                        order=-1)


@dataclass(frozen=True, slots=True)
class Reading:
    """One trigger's event as the parse gives it, before the codebook's type adjustments."""

    event_type: str
    modality: Modality
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    attribution: Actor | None
    inner: Match | None


def _speaker_of(token: Token, quotes: Sequence[Quote], base: int) -> Actor | None:
    pos = base + token.idx
    for quote in quotes:
        if quote.start <= pos < quote.end:
            return quote.speaker
    return None


def _reporter_of(token: Token, index: ActorIndex) -> Actor | None:
    """"X, Lavrov claimed": the subject of a reporting verb whose clause holds the trigger."""
    reporting = modality_cues()["reporting_verbs"]
    cur = token
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.lemma_.lower() in reporting and head.pos_ == "VERB" and cur.dep_ in (
            "ccomp", "parataxis"
        ):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return None
            actors = phrase_actors(subj, index)
            return actors[0] if actors else None
        if cur.dep_ not in _REPORTED_DEPS and cur.dep_ not in ("dobj", "pobj", "prep", "pcomp"):
            return None
        cur = head
    return None


def _arguments(match: Match, index: ActorIndex) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    tok = match.token
    if tok.pos_ in ("VERB", "AUX"):
        return verb_arguments(tok, index, embedded=match.embedded)
    return noun_arguments(tok, index)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def is_must_clause(token: Token) -> bool:
    """A clause with must/should reported by a reporting verb ("said Iraq must comply")."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("ccomp", "acl"):
        return False
    cues = modality_cues()
    head = token.head.lemma_.lower()
    if head not in cues["reporting_verbs"] and head not in _DEMAND_NOUNS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in cues["obligation_modals"] for c in token.children)


def event_date(sent: Span, token: Token, published: date | None, *,
               future: bool) -> str | None:
    """The date the sentence states nearest the trigger, resolved."""
    text = sent.text
    mentions = find_dates(text)
    if not mentions:
        return None
    where = token.idx - sent.start_char
    nearest = min(mentions, key=lambda m: min(abs(m.start - where), abs(m.end - where)))
    return resolve(nearest.text, published, future=future)


def trigger_text(match: Match) -> str:
    tok = match.token
    doc = tok.doc
    if match.lemma != (tok.lemma_ or tok.lower_).lower() and tok.i >= 2:
        return doc[tok.i - 2 : tok.i + 1].text
    parts = [tok.text] + [c.text for c in tok.children if c.dep_ == "prt"]
    return " ".join(parts)


def _read_demand(match: Match, index: ActorIndex, quotes: Sequence[Quote],
                 base: int) -> Reading:
    tok = match.token
    speaker = _subject_of(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head)
    source = phrase_actors(speaker, index) if speaker is not None else ()
    addressee = _subject_of(tok)
    target = phrase_actors(addressee, index) if addressee is not None else ()
    if not target:  # "issued a reminder to Iraq that it must ...": the one addressed
        holder = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
        target = tuple(a for prep in holder.children if prep.dep_ in ("prep", "dative")
                       and prep.lower_ == "to" for g in prep.children if g.dep_ == "pobj"
                       for a in phrase_actors(g, index))
    return Reading(event_type="REQUEST", modality=modality_of(tok.head), source=source,
                   target=target, attribution=_speaker_of(tok, quotes, base),
                   inner=match_token(tok) or embedded_match(match))


def read_trigger(match: Match, index: ActorIndex, *, quotes: Sequence[Quote],
                 base: int) -> Reading:
    """Type, modality, arguments and attribution of one matched trigger."""
    if match.rule is MUST_RULE:
        return _read_demand(match, index, quotes, base)
    tok = match.token
    inner = embedded_match(match)
    event_type = resolve_type(match, inner)
    if tok.pos_ == "VERB":
        source, target = verb_arguments(tok, index, embedded=match.embedded)
    elif match.rule.pos == "A":  # "Norway is willing to ...": the copula's subject
        source, target = verb_arguments(tok.head, index, embedded=match.embedded)
    else:
        source, target = noun_arguments(tok, index)
    if event_type == "ACCUSE" and tok.pos_ == "VERB":
        # "complained to the UN over Israeli air raids": the accused is whoever the
        # grievance names, not the one addressed.
        grievance = grievance_actors(tok, index)
        if grievance:
            target = tuple(a for a in grievance if a not in source)
    target = extra_targets(event_type, tok if tok.pos_ in ("VERB", "AUX") else tok.head,
                           match.embedded, source, target, index)
    if tok.pos_ != "VERB" and event_type in ("ASSAULT", "COERCE"):  # "died in a bombing"
        target = tuple(a for h in harmed_subjects(tok) for a in phrase_actors(h, index)
                       if a not in source) or target
    if not target and inner is not None:  # "ready to help defend Saudi Arabia"
        _, target = _arguments(inner, index)
        target = tuple(a for a in target if a not in source)
    return Reading(event_type=event_type, modality=modality_of(tok), source=source,
                   target=target,
                   attribution=_speaker_of(tok, quotes, base) or _reporter_of(tok, index),
                   inner=inner)
