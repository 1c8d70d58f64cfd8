"""How much evidence an event stands on: ``Event.confidence`` in 0..1.

Four pieces of evidence, weighted (the weights sum to 1):

- agent (0.35): the source was named by the parse and coded by the actor tables (a country,
  organisation, person or role); half when only an attack word stands for the agent ("a
  roadside bomb", "gunmen") or when the codebook's implicit actor fills it (protesters).
- target (0.20): a coded target was found; half when the category needs none (codebook:
  "requires recipient: no").
- sense (0.25): the trigger word has one sense in the lexicon, or a specific frame matched
  (a row with conditions: "lift" + sanctions); none when a word with other senses matched
  only its bare row ("strike", "fire", "hold").
- modality (0.20): the modality is clear: a verb's tense, or a cue found (future, negated,
  ...); none for an asserted noun event no finite verb carries (a headline fragment, "the
  attack on X" in a list), whose time and reality the sentence does not state.

The watch's default threshold for tension and alerts is ``wirewatch.watch.merge.MIN_CONFIDENCE``
(docs/watch.md says why and what it costs).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from wirewatch.analyze.events.lexicon import NONE, categories, trigger_rules
from wirewatch.analyze.events.match import Match
from wirewatch.records import Actor

WEIGHTS = {"agent": 0.35, "target": 0.20, "sense": 0.25, "modality": 0.20}
_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
_CARRIED_DEPS = frozenset(("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj",
                           "appos", "compound"))


@functools.cache
def _senses(lemma: str, pos: str) -> frozenset[str]:
    return frozenset(r.type for r in trigger_rules().get((lemma, pos), ()))


def sense_unambiguous(match: Match) -> bool:
    """One sense in the lexicon, or a specific frame matched (module doc)."""
    if match.rule.conditions:
        return True
    senses = _senses(match.lemma, match.rule.pos)
    return len(senses) <= 1 and NONE not in senses


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def modality_clear(token: Token, modality: str) -> bool:
    """A verb's own tense, a modality cue, or a noun event carried by a finite verb."""
    if modality != "asserted" or token.pos_ in ("VERB", "AUX"):
        return True
    cur = token
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ not in _CARRIED_DEPS:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return _finite(cur)
    return False


def _coded(actors: tuple[Actor, ...]) -> bool:
    return any(a.code or a.sector for a in actors)


def event_confidence(match: Match, event_type: str, *, named_source: tuple[Actor, ...],
                     target: tuple[Actor, ...], modality: str, implicit_agent: bool) -> float:
    """The weighted evidence (module doc). ``named_source``: the source the parse named,
    before any implicit actor; ``implicit_agent``: an attack word or the codebook's implicit
    actor stands for the agent."""
    agent = 1.0 if _coded(named_source) else 0.5 if implicit_agent else 0.0
    if _coded(target):
        recipient = 1.0
    else:
        recipient = 0.0 if categories()[event_type].requires_recipient else 0.5
    score = (WEIGHTS["agent"] * agent + WEIGHTS["target"] * recipient
             + WEIGHTS["sense"] * sense_unambiguous(match)
             + WEIGHTS["modality"] * modality_clear(match.token, modality))
    return round(score, 2)
