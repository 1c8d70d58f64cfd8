"""Targets named outside the trigger's own phrase, by the kind of event.

- THREATEN: the subject of the condition ("threatened to strike unless Israel rescinded
  its annexation", "will retaliate if Iran attacks"): the one who must comply.
- REQUEST: the subject of a demand's content clause when the verb names no one ("insisted
  on its demands that the government grant ...", "repeated its call that Kenya withdraw").
- A violent noun event with no target, inside a phrase of a death or injury verb: that
  verb's subject is the victim ("three people died in a bombing", "a prisoner died as a
  result of torture", "were wounded in an attack"; word set ``harm_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.analyze.events.args import ActorIndex, phrase_actors
from wirewatch.analyze.events.lexicon import word_sets
from wirewatch.records import Actor

_CONDITION_MARKS = frozenset(("unless", "if"))
_SUBJECTS = ("nsubj", "nsubjpass")


def condition_subjects(verb: Token, embedded: Token | None) -> list[Token]:
    """Subjects of if/unless clauses on the threat or on what is threatened."""
    out: list[Token] = []
    for holder in (verb, embedded):
        if holder is None:
            continue
        for clause in holder.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children
            ):
                out += [c for c in clause.children if c.dep_ in _SUBJECTS]
    return out


def content_subjects(verb: Token) -> list[Token]:
    """Subjects of "that" clauses on the verb's object or prepositional object."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for p in verb.children if p.dep_ == "prep" for g in p.children
              if g.dep_ == "pobj"]
    return [s for n in nouns for clause in n.children if clause.dep_ in ("acl", "ccomp")
            for s in clause.children if s.dep_ in _SUBJECTS]


def extra_targets(
    event_type: str, verb: Token, embedded: Token | None, source: tuple[Actor, ...],
    target: tuple[Actor, ...], index: ActorIndex,
) -> tuple[Actor, ...]:
    """The target with the actors named by the rules above (module doc) added."""
    if verb.pos_ not in ("VERB", "AUX"):
        return target
    if event_type == "THREATEN":
        heads = condition_subjects(verb, embedded)
    elif event_type == "REQUEST" and not target:
        heads = content_subjects(verb)
    else:
        return target
    found = [a for h in heads for a in phrase_actors(h, index)
             if a not in source and a not in target]
    return (*found, *target) if found else target


def harmed_subjects(noun: Token) -> list[Token]:
    """Subjects of the death or injury verb whose phrase holds the noun (module doc)."""
    tok = noun
    for _ in range(3):  # "died in a bombing", "died as a result of torture"
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return []
        tok = tok.head.head
        if tok.pos_ == "VERB":
            if tok.lemma_.lower() not in word_sets()["harm_verbs"]:
                return []
            return [c for c in tok.children if c.dep_ in _SUBJECTS]
    return []
