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
from wirewatch.analyze.events.args import (
    ActorIndex,
    announced_by_actor,
    grievance_actors,
    is_carrier,
    noun_arguments,
    phrase_actors,
    verb_arguments,
)
from wirewatch.analyze.events.dates import find_dates, resolve
from wirewatch.analyze.events.lexicon import (
    COOPERATIVE_TYPES,
    TriggerRule,
    categories,
    intensity,
    modality_cues,
)
from wirewatch.analyze.events.match import (
    Match,
    background_reason,
    choose_mode,
    embedded_match,
    is_embedded,
    match_token,
    resolve_type,
    trigger_candidates,
)
from wirewatch.analyze.events.modality import modality_of
from wirewatch.analyze.events.roles import domestic_recipient
from wirewatch.analyze.events.targets import extra_targets, harmed_subjects
from wirewatch.records import Actor, Drop, Event, Quote

CODER_NAME = "wirewatch.events"
CODER_VERSION = "1"
CODER = f"{CODER_NAME}/{CODER_VERSION}"

# Cooperative actions reported in the future are AGREE (codebook, AGREE definition).
_FUTURE_TO_AGREE = frozenset(("CONSULT", "SUPPORT", "COOPERATE", "AID"))
# An actor announcing its own future concession ("Iraq said it would allow the return of
# inspectors") expresses intent to yield: CAMEO 035x, which CAMEO2PLOVER maps to AGREE. A
# future RETREAT/CONCEDE in the outlet's voice stays as it is (codebook, AGREE ambiguities).
_INTENT_TO_AGREE = frozenset(("RETREAT", "CONCEDE"))
_REPORTED_DEPS = frozenset(("ccomp", "parataxis", "conj", "xcomp", "advcl"))
# Material conflict announced for the future ("will impose a curfew", "is prepared to impose
# martial law", "may halt mediation") is a threat: the mirror of the AGREE rule above. So is
# a protest announced for the future ("will stage a general strike"): the codebook's THREATEN
# restrict mode covers strikes and boycotts.
_FUTURE_TO_THREATEN = frozenset(("ASSAULT", "COERCE", "PROTEST"))
_HYPOTHETICAL_TO_THREATEN = frozenset(("ASSAULT", "COERCE", "SANCTION"))
# Nouns that carry a reported demand like a reporting verb ("a reminder to Iraq that it must").
_DEMAND_NOUNS = frozenset(("reminder", "message", "statement", "letter", "insistence"))
# Cooperation refused with a modal ("would not meet", "will not allow") is a rejection.
_REFUSAL_AUX = frozenset(("will", "would", "wo", "can", "could", "shall", "ca"))
# Violence, protest, coercion and mobilisation are news without a named actor ("a car bomb
# exploded"); verbal events and cooperation with no coded actor (a country, organisation or
# sector) are usually not politics ("Apple promised", "the telescope allowed researchers").
_ACTORLESS_QUADS = frozenset(("MATERIAL CONFLICT",))
# Not agreeing or conceding is refusing, whatever the tense ("has not accepted the offer").
_VERBAL_ASSENT = frozenset(("AGREE", "CONCEDE"))
# "X said Y must/should Z": a demand by X on Y.
MUST_RULE = TriggerRule(lemma="must", pos="V", type="REQUEST", mode=None, conditions=(),
                        order=-1)


@dataclass(frozen=True, slots=True)
class CodedDoc:
    """The events of one parsed text and the trigger candidates that did not become events."""

    events: tuple[Event, ...]
    drops: tuple[Drop, ...] = field(default_factory=tuple)


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


def _modal_refusal(token: Token) -> bool:
    carriers = [token, token.head] if token.pos_ != "VERB" else [token]
    return any(c.dep_ == "aux" and c.lower_ in _REFUSAL_AUX for t in carriers for c in t.children)


def _must_clause(token: Token) -> bool:
    """A clause with must/should reported by a reporting verb ("said Iraq must comply")."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("ccomp", "acl"):
        return False
    cues = modality_cues()
    head = token.head.lemma_.lower()
    if head not in cues["reporting_verbs"] and head not in _DEMAND_NOUNS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in cues["obligation_modals"] for c in token.children)


def _event_date(sent: Span, text: str, token: Token, published: date | None, *,
                future: bool) -> str | None:
    """The date the sentence (``text``) states nearest the trigger, resolved."""
    mentions = find_dates(text)
    if not mentions:
        return None
    where = token.idx - sent.start_char
    nearest = min(mentions, key=lambda m: min(abs(m.start - where), abs(m.end - where)))
    return resolve(nearest.text, published, future=future)


def _trigger_text(match: Match) -> str:
    tok = match.token
    doc = tok.doc
    if match.lemma != (tok.lemma_ or tok.lower_).lower() and tok.i >= 2:
        return doc[tok.i - 2 : tok.i + 1].text
    parts = [tok.text] + [c.text for c in tok.children if c.dep_ == "prt"]
    return " ".join(parts)


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
    rule = match.rule.name
    if match.rule is MUST_RULE:
        inner = match_token(tok) or embedded_match(match)
        event_type = "REQUEST"
        modality = modality_of(tok.head)
        speaker = _subject_of(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head)
        source = phrase_actors(speaker, index) if speaker is not None else ()
        addressee = _subject_of(tok)
        target = phrase_actors(addressee, index) if addressee is not None else ()
        if not target:  # "issued a reminder to Iraq that it must ...": the one addressed
            holder = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
            target = tuple(a for prep in holder.children if prep.dep_ in ("prep", "dative")
                           and prep.lower_ == "to" for g in prep.children if g.dep_ == "pobj"
                           for a in phrase_actors(g, index))
        attribution = _speaker_of(tok, quotes, base)
    else:
        inner = embedded_match(match)
        event_type = resolve_type(match, inner)
        modality = modality_of(tok)
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
        attribution = _speaker_of(tok, quotes, base) or _reporter_of(tok, index)
    if modality == "future" and event_type in _FUTURE_TO_AGREE:
        event_type = "AGREE"
        rule += ">future-agree"
    elif modality == "future" and event_type in _INTENT_TO_AGREE and tok.pos_ == "VERB" and (
        announced_by_actor(tok)
    ):
        event_type = "AGREE"
        rule += ">intent-agree"
    elif (modality == "future" and event_type in _FUTURE_TO_THREATEN) or (
        modality == "hypothetical" and event_type in _HYPOTHETICAL_TO_THREATEN
    ):
        inner = Match(token=tok, rule=match.rule, lemma=match.lemma, embedded=None)
        event_type = "THREATEN"
        rule += ">future-threaten"
    elif modality == "negated" and (event_type in _VERBAL_ASSENT or (
        event_type in COOPERATIVE_TYPES and _modal_refusal(tok)
    )):
        inner = Match(token=tok, rule=match.rule, lemma=match.lemma, embedded=None)
        event_type, modality = "REJECT", "asserted"
        rule += ">refusal"
    mode = choose_mode(event_type, match, inner)
    if inner is not None:
        rule += f"+{inner.rule.type.lower()}.{inner.lemma}"
    location = location_of(tok)
    if event_type in ("ASSAULT", "COERCE") and not source:  # codebook: "killed by a bomb": UNK
        source = (UNIDENTIFIED,)
    elif event_type == "PROTEST" and not source:  # codebook: civilian demonstrations (CVL)
        source = (PROTESTERS,)
    source, target = fill_countries(source, target, sent, location,
                                    violent=categories()[event_type].quad == "MATERIAL CONFLICT",
                                    assault=event_type == "ASSAULT")
    kinds = (event_type,) if inner is None else (event_type, inner.rule.type)
    target = domestic_recipient(kinds, source, target, location)
    sentence = sent.text
    return Event(
        type=event_type,
        mode=mode,
        source=source,
        target=target,
        modality=modality,
        attribution=attribution,
        intensity=intensity(event_type, mode),
        quad=categories()[event_type].quad,
        trigger=_trigger_text(match),
        sentence=sentence,
        start=base + sent.start_char,
        end=base + sent.end_char,
        rule=rule,
        coder=CODER,
        location=location,
        date=_event_date(sent, sentence, tok, published, future=modality == "future"),
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
        if _must_clause(tok):
            matches[tok.i] = Match(token=tok, rule=MUST_RULE, lemma=tok.lemma_.lower(),
                                   embedded=tok)
            continue
        found = match_token(tok)
        if found is not None:
            matches[tok.i] = found
    triggers = set(matches)
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
        if is_embedded(match.token, triggers, aliases):
            drops.append(Drop("event.embedded", what))
            continue
        reason = background_reason(match.token)
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
            if not require_actor or event.quad in _ACTORLESS_QUADS or any(
                a.code or a.sector for a in (*event.source, *event.target)
            ):
                events.append(event)
            else:
                # "allowed the researchers to gather insights", "the tour stops at ...":
                # words and cooperation need someone who speaks or cooperates.
                drops.append(Drop("event.no_actor", what))
    for match in background:
        # Background is context for another event; with no other event it is the news
        # ("a prisoner died as a result of torture").
        if events:
            drops.append(Drop("event.background", f"{match.rule.name}: {match.token.text}"))
        else:
            events.append(_build(match, sent, index, base=base, published=published,
                                 quotes=quotes))
    return CodedDoc(events=tuple(events), drops=tuple(drops))


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
