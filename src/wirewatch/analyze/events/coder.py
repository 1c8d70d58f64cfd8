"""PLOVER events from a parsed text: a rule coder over spaCy's dependency parse.

For each sentence, tokens are matched against the trigger lexicon (``data/plover/``); a trigger
embedded in another trigger's clause is folded into it (it sets the outer event's mode); each
remaining trigger becomes an ``Event`` with its type, mode, source and target actors (from the
actor stage), modality, attribution, intensity and quad from the codebook, location and date.

>>> from wirewatch.analyze.nlp.load import parse                       # doctest: +SKIP
>>> from wirewatch.analyze.actors.mentions import ArticleActors            # doctest: +SKIP
>>> doc = parse("Israel condemned the attack on Monday.")         # doctest: +SKIP
>>> [e.type for e in code_doc(doc, ArticleActors.from_doc(doc)).events]  # doctest: +SKIP
['ACCUSE']
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.country import (
    PROTESTERS,
    UNIDENTIFIED,
    fill_countries,
    location_of,
)
from wirewatch.analyze.events.adjust import adjust_type
from wirewatch.analyze.events.agency import AGENT_TYPES, is_toll, missing_agent
from wirewatch.analyze.events.args import ActorIndex, announced_by_actor, is_carrier
from wirewatch.analyze.events.confidence import event_confidence
from wirewatch.analyze.events.implied import dispersed_protest, released_by_dispersal, riot_cued
from wirewatch.analyze.events.lexicon import categories, intensity, modality_cues
from wirewatch.analyze.events.match import (
    Match,
    background_reason,
    choose_mode,
    embedded_match,
    is_embedded,
    match_token,
    trigger_candidates,
)
from wirewatch.analyze.events.nonevents import non_event_reason
from wirewatch.analyze.events.reading import (
    MUST_RULE,
    event_date,
    is_must_clause,
    read_trigger,
    trigger_text,
)
from wirewatch.analyze.events.roles import domestic_recipient
from wirewatch.records import Drop, Event, Quote

CODER_NAME = "wirewatch.events"
CODER_VERSION = "1"
CODER = f"{CODER_NAME}/{CODER_VERSION}"

# Violence, protest, coercion and mobilisation are news without a named actor ("a car bomb
# exploded"); verbal events and cooperation with no coded actor (a country, organisation or
# sector) are usually not politics ("Apple promised", "the telescope allowed researchers").
_ACTORLESS_QUADS = frozenset(("MATERIAL CONFLICT",))


@dataclass(frozen=True, slots=True)
class CodedDoc:
    """The events of one parsed text and the trigger candidates that did not become events."""

    events: tuple[Event, ...]
    drops: tuple[Drop, ...] = field(default_factory=tuple)


def _build(
    match: Match,
    sent: Span,
    index: ActorIndex,
    *,
    base: int,
    published: date | None,
    quotes: Sequence[Quote],
) -> Event:
    tok = match.token
    reading = read_trigger(match, index, quotes=quotes, base=base)
    adjusted = adjust_type(match, reading, announced_by_actor=tok.pos_ == "VERB" and (
        announced_by_actor(tok)))
    event_type, modality, inner = adjusted.event_type, adjusted.modality, adjusted.inner
    rule = match.rule.name + adjusted.suffix
    mode = adjusted.mode or choose_mode(event_type, match, inner)
    if event_type == "PROTEST" and mode == "demo" and riot_cued(match):
        mode = "riot"  # "a violent demonstration"
    if inner is not None:
        rule += f"+{inner.rule.type.lower()}.{inner.lemma}"
    location = location_of(tok)
    named_source, source, target = reading.source, reading.source, reading.target
    if event_type in ("ASSAULT", "COERCE") and not source:  # codebook: "killed by a bomb": UNK
        source = (UNIDENTIFIED,)
    elif event_type == "PROTEST" and not source:  # codebook: civilian demonstrations (CVL)
        source = (PROTESTERS,)
    source, target = fill_countries(source, target, sent, location,
                                    violent=categories()[event_type].quad == "MATERIAL CONFLICT",
                                    assault=event_type == "ASSAULT")
    kinds = (event_type,) if inner is None else (event_type, inner.rule.type)
    target = domestic_recipient(kinds, source, target, location)
    return Event(
        type=event_type,
        mode=mode,
        source=source,
        target=target,
        modality=modality,
        attribution=reading.attribution,
        intensity=intensity(event_type, mode),
        quad=categories()[event_type].quad,
        trigger=trigger_text(match),
        sentence=sent.text,
        start=base + sent.start_char,
        end=base + sent.end_char,
        rule=rule,
        coder=CODER,
        location=location,
        date=event_date(sent, tok, published, future=modality == "future"),
        confidence=event_confidence(
            match, event_type, named_source=named_source, target=reading.target,
            modality=modality, implicit_agent=source != named_source),
    )


def code_sentence(
    sent: Span,
    index: ActorIndex,
    *,
    base: int = 0,
    published: date | None = None,
    quotes: Sequence[Quote] = (),
    require_actor: bool = True,
    candidates: tuple[int, ...] | None = None,
) -> CodedDoc:
    """The events of one parsed sentence (see ``code_doc``). ``candidates``
    (``trigger_candidates(doc)``) lets the sentence skip every other token."""
    matches: dict[int, Match] = {}
    if candidates is None:
        tokens: Iterable[Token] = sent
    else:
        first = bisect.bisect_left(candidates, sent.start)
        tokens = [sent.doc[i] for i in candidates[first : bisect.bisect_left(
            candidates, sent.end, first)]]
    for tok in tokens:
        if is_must_clause(tok):
            matches[tok.i] = Match(token=tok, rule=MUST_RULE, lemma=tok.lemma_.lower(),
                                   embedded=tok)
            continue
        found = match_token(tok)
        if found is not None:
            matches[tok.i] = found
    # Violence or coercion with no agent is no event (agency.py): it folds nothing into
    # itself either ("throwing stones during demonstrations" with no thrower named leaves
    # the demonstrations).
    unfounded = {i: reason for i, m in matches.items()
                 if (reason := _unfounded_act(m, index)) is not None}
    triggers = set(matches) - set(unfounded)
    # A noun trigger's light verb stands for it ("staged rallies ..., saying he must resign"):
    # clauses hanging on the verb belong to the noun's event.
    aliases = {m.token.head.i: m.token.i for m in matches.values()
               if m.rule.pos == "N" and m.token.dep_ == "dobj"
               and is_carrier(m.token.head) and m.token.head.i not in triggers}
    events: list[Event] = []
    drops: list[Drop] = []
    background: list[Match] = []
    for _, match in sorted(matches.items()):
        what = f"{match.rule.name}: {match.token.text}"
        if match.token.i in unfounded:
            drops.append(Drop(unfounded[match.token.i], what))
            continue
        if is_embedded(match.token, triggers, aliases) and not released_by_dispersal(match):
            drops.append(Drop("event.embedded", what))
            continue
        reason = background_reason(match.token) or non_event_reason(match.token)
        if reason is None and match.rule.pos == "A" and embedded_match(match) is None:
            reason = "event.no_content"  # "willing to use ...": an intent with no coded act
        if reason is None and match.embedded is not None and match.rule.type == "REJECT" and (
            match.embedded.lemma_.lower() in modality_cues()["no_comment_verbs"]
        ):
            reason = "event.no_comment"  # "declined to comment" rejects nothing
        if reason == "event.background":
            background.append(match)
        elif reason is not None:
            drops.append(Drop(reason, what))
        else:
            event = _build(match, sent, index, base=base, published=published, quotes=quotes)
            reason = _unfounded(event, require_actor=require_actor)
            if reason is None:
                events.append(event)
                implied = dispersed_protest(event, match, sent, index)
                if implied is not None and not any(e.type == "PROTEST" for e in events):
                    events.append(implied)
            else:
                drops.append(Drop(reason, what))
    for match in background:
        # Background is context for another event; with no other event it is the news
        # ("a prisoner died as a result of torture").
        what = f"{match.rule.name}: {match.token.text}"
        if events:
            drops.append(Drop("event.background", what))
            continue
        event = _build(match, sent, index, base=base, published=published, quotes=quotes)
        reason = _unfounded(event, require_actor=False)
        if reason is None:
            events.append(event)
        else:
            drops.append(Drop(reason, what))
    return CodedDoc(events=tuple(events), drops=tuple(drops))


def _unfounded_act(match: Match, index: ActorIndex) -> str | None:
    """Why a violence or coercion trigger is no event: a war's toll, no agent, a hazard."""
    if match.rule.type not in AGENT_TYPES:
        return None
    if match.rule.type == "ASSAULT" and is_toll(match.token):
        return "event.toll"  # "the war has killed 10,000 since 2020"
    return missing_agent(match.token, index)  # "killed in an earthquake"


def _unfounded(event: Event, *, require_actor: bool) -> str | None:
    """Why a built event is not reported (a drop reason), or None to keep it."""
    if not require_actor or event.quad in _ACTORLESS_QUADS or any(
        a.code or a.sector for a in (*event.source, *event.target)
    ):
        return None
    # "allowed the researchers to gather insights", "the tour stops at ...": words and
    # cooperation need someone who speaks or cooperates.
    return "event.no_actor"


def code_doc(
    doc: Doc,
    index: ActorIndex,
    *,
    base: int = 0,
    published: date | None = None,
    quotes: Sequence[Quote] = (),
    require_actor: bool = True,
) -> CodedDoc:
    """The events of a parsed text; offsets are ``base`` + offsets into ``doc.text``.

    ``quotes`` (offsets with the same base) give attribution: an event whose trigger lies in
    a quote is attributed to the quote's speaker; otherwise to the subject of a reporting verb
    whose clause holds it ("..., Lavrov claimed"); otherwise None (the outlet's own voice).

    ``require_actor``: drop verbal and cooperative events with no coded actor (code or
    sector) on either side (``event.no_actor``); material conflict is kept ("a car bomb
    exploded").
    """
    events: list[Event] = []
    drops: list[Drop] = []
    candidates = trigger_candidates(doc)
    for sent in doc.sents:
        coded = code_sentence(sent, index, base=base, published=published, quotes=quotes,
                              require_actor=require_actor, candidates=candidates)
        events.extend(coded.events)
        drops.extend(coded.drops)
    return CodedDoc(events=tuple(events), drops=tuple(drops))
