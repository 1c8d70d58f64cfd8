"""Argument roles the plain subject/object reading gets wrong (helpers for events_args).

- Stative passives ("Israel is opposed to X", "is committed to"): the grammatical passive
  subject is the one who holds the stance, the actor, not the one acted on.
- Conjuncts of a passive verb ("the minister was indicted by the court and will resign"): an
  active conjunct shares the passive subject, not the first verb's agent.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.analyze.events_lexicon import word_sets


def _has(token: Token, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps for c in token.children)


def is_stative_passive(verb: Token) -> bool:
    """"X is opposed to Y": a passive form of a stance verb with no agent."""
    return (verb.lemma_.lower() in word_sets()["stative_passives"] and verb.tag_ == "VBN"
            and _has(verb, ("nsubjpass",)) and not _has(verb, ("agent",)))


def shares_passive_subject(verb: Token, head: Token) -> bool:
    """Is ``verb`` an active conjunct of the passive ``head`` with no subject of its own?"""
    return (verb.dep_ == "conj" and verb.head.i == head.i and _has(head, ("nsubjpass",))
            and not _has(verb, ("nsubj", "nsubjpass", "auxpass", "csubj")))
