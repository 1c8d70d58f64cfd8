"""The codebook's type adjustments after a trigger is read (helpers of the coder, coder.py).

- Cooperative CONSULT/SUPPORT/COOPERATE/AID in the future are AGREE (AGREE definition); an
  actor announcing its own future RETREAT/CONCEDE expresses intent to yield (CAMEO 035x ->
  AGREE); in the outlet's voice they stay (AGREE ambiguities).
- Material conflict announced for the future ("will impose a curfew", "will stage a general
  strike"), violence, coercion or sanctions in a hypothetical ("may halt mediation") and
  retaliation announced ("will take countermeasures", "vowed a strong response") are THREATEN.
- Agreeing or conceding negated, and cooperation refused with a modal ("would not meet"),
  are REJECT.
- Violence by a crowd ("rioters torched cars", "demonstrators ransacked the parliament",
  "protesters clashed with police") is PROTEST riot: the codebook's violent riot, directed
  at authorities or another group.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirewatch.analyze.events.args import subject_token
from wirewatch.analyze.events.lexicon import COOPERATIVE_TYPES, word_sets
from wirewatch.analyze.events.match import Match
from wirewatch.analyze.events.reading import Reading
from wirewatch.records import Modality

_FUTURE_TO_AGREE = frozenset(("CONSULT", "SUPPORT", "COOPERATE", "AID"))
_INTENT_TO_AGREE = frozenset(("RETREAT", "CONCEDE"))
_FUTURE_TO_THREATEN = frozenset(("ASSAULT", "COERCE", "PROTEST"))
_HYPOTHETICAL_TO_THREATEN = frozenset(("ASSAULT", "COERCE", "SANCTION"))
_REFUSAL_AUX = frozenset(("will", "would", "wo", "can", "could", "shall", "ca"))
_VERBAL_ASSENT = frozenset(("AGREE", "CONCEDE"))
_NOT_ASSERTED = frozenset(("future", "hypothetical"))


@dataclass(frozen=True, slots=True)
class Adjusted:
    """The event's type after the codebook's adjustments; ``mode`` overrides the mode."""

    event_type: str
    modality: Modality
    inner: Match | None
    suffix: str = ""
    mode: str | None = None


def _modal_refusal(token: Token) -> bool:
    carriers = [token, token.head] if token.pos_ != "VERB" else [token]
    return any(c.dep_ == "aux" and c.lower_ in _REFUSAL_AUX for t in carriers for c in t.children)


def by_crowd(token: Token) -> bool:
    """Is the verb's subject a crowd ("rioters", "protesters", "angry crowds")?"""
    if token.pos_ != "VERB":
        return False
    subj = subject_token(token)
    crowds = word_sets()["crowd_nouns"]
    return subj is not None and (subj.lower_ in crowds or subj.lemma_.lower() in crowds)


def adjust_type(match: Match, reading: Reading, *, announced_by_actor: bool) -> Adjusted:
    """The type after the adjustments above (module doc)."""
    tok = match.token
    kind, modality, inner = reading.event_type, reading.modality, reading.inner
    itself = Match(token=tok, rule=match.rule, lemma=match.lemma, embedded=None)
    if modality == "future" and kind in _FUTURE_TO_AGREE:
        return Adjusted("AGREE", modality, inner, ">future-agree")
    if modality == "future" and kind in _INTENT_TO_AGREE and tok.pos_ == "VERB" and (
            announced_by_actor):
        return Adjusted("AGREE", modality, inner, ">intent-agree")
    if (modality == "future" and kind in _FUTURE_TO_THREATEN) or (
        modality == "hypothetical" and kind in _HYPOTHETICAL_TO_THREATEN
    ):
        return Adjusted("THREATEN", modality, itself, ">future-threaten")
    if modality in _NOT_ASSERTED and match.lemma in word_sets()["retaliation_words"]:
        return Adjusted("THREATEN", modality, itself, ">retaliation-threaten")
    if modality == "negated" and (kind in _VERBAL_ASSENT or (
        kind in COOPERATIVE_TYPES and _modal_refusal(tok)
    )):
        return Adjusted("REJECT", "asserted", itself, ">refusal")
    if kind == "ASSAULT" and by_crowd(tok):
        return Adjusted("PROTEST", modality, inner, ">riot", mode="riot")
    return Adjusted(kind, modality, inner)
