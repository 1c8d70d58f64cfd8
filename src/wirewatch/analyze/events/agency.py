"""Who did it: violence and coercion need an agent, hazards and accidents are no one's act.

An ASSAULT or COERCE event needs evidence that a person or an organisation acted: an actor
from the actor tables or a crowd (word set ``crowd_nouns``) as its subject, passive agent or
noun modifier ("Russian shelling"), or an attack word (``data/plover/attack_words.txt``) as
its trigger ("shot", "bombing"), its subject ("gunmen", "a car bomb"), its passive agent ("by
a roadside bomb") or its cause phrase ("killed in an airstrike", "destroyed in a Russian
missile strike"). Without one the event is dropped: ``event.hazard`` when the subject or
cause is a natural hazard, an illness or an accident (``data/plover/hazards.txt``: "killed in
an earthquake", "homes burned in the wildfire", "a bus plunged into a ravine, killing 14"),
else ``event.no_agent`` ("three people were killed", "an explosion destroyed the plant").

A war's cumulative toll ("the conflict has killed 10,000 people since 2020", "the death toll
from the fighting rose to 1,200") reports no single event: ``event.toll``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from wirewatch.analyze.events.args import ActorIndex, phrase_actors, subject_token
from wirewatch.analyze.events.lexicon import data_lines, word_sets
from wirewatch.analyze.events.roles import event_noun_agents
from wirewatch.errors import ConfigError

AGENT_TYPES = frozenset(("ASSAULT", "COERCE"))
# Prepositions whose object says what caused the harm ("killed in an airstrike", "died of
# cholera", "destroyed by fire", "injured during clashes").
_CAUSE_PREPS = frozenset(("in", "during", "by", "from", "of", "after", "amid", "with",
                          "under", "because", "following", "through", "due"))
# A war's cumulative toll: these subjects with a perfect tense or a "since" phrase.
_TOLL_SUBJECTS = frozenset(("war", "conflict", "fighting", "violence", "insurgency",
                            "hostilities", "crisis", "unrest", "civil war"))
_PHRASE_DEPS = frozenset(("compound", "amod", "nmod", "pobj", "agent", "nsubj"))
_TOLL_NOUNS = frozenset(("toll", "tally", "casualties", "count"))
_SINCE = frozenset(("since", "so far", "to date"))


@functools.cache
def hazard_words() -> frozenset[str]:
    """Lemmas of natural hazards, illnesses and accidents (``hazards.txt``)."""
    return frozenset(cols[0].strip().lower() for cols in data_lines("hazards.txt"))


@functools.cache
def attack_words() -> dict[str, frozenset[str]]:
    """Attack words by part of speech: "N" nouns (multi-word ones as "modifier head"), "V"
    verbs (``attack_words.txt``; a ``*`` row is both)."""
    table: dict[str, set[str]] = {"N": set(), "V": set()}
    for cols in data_lines("attack_words.txt"):
        if len(cols) != 2 or cols[1] not in ("N", "V", "*"):
            raise ConfigError(f"bad row in attack_words.txt: {cols}")
        for pos in ("N", "V") if cols[1] == "*" else (cols[1],):
            table[pos].add(cols[0].strip().lower())
    return {k: frozenset(v) for k, v in table.items()}


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


def is_attack_word(token: Token) -> bool:
    """Is the token an attack word: a verb of attack, an attack or weapon noun, a
    perpetrator, or a head with its modifier ("air strike", "car bomb")?"""
    words = attack_words()
    if token.pos_ in ("VERB", "AUX"):
        return _lemma(token) in words["V"] or token.lower_ in words["V"]
    nouns = words["N"]
    if _lemma(token) in nouns or token.lower_ in nouns:
        return True
    return any(f"{_lemma(m)} {_lemma(token)}" in nouns or f"{m.lower_} {token.lower_}" in nouns
               for m in token.children if m.dep_ in ("compound", "amod"))


def _phrase_has_attack(head: Token, index: ActorIndex) -> bool:
    """An attack word heading the phrase or modifying its head ("a Russian missile strike",
    "a bomb blast"), or an agent phrase inside it ("a fire set by militants")."""
    if is_attack_word(head):
        return True
    for tok in head.subtree:
        if tok.i == head.i or tok.dep_ not in _PHRASE_DEPS:
            continue
        if is_attack_word(tok):
            return True
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and _names_actor(tok, index):
            return True
    return False


def _is_hazard(head: Token) -> bool:
    hazards = hazard_words()
    if _lemma(head) in hazards or head.lower_ in hazards:
        return True
    # "an outbreak of dengue fever", "food poisoning": the head or its compound/of-object.
    return any(_lemma(t) in hazards for t in head.children if t.dep_ == "compound") or any(
        _lemma(g) in hazards for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj")


def _cause_objects(token: Token) -> list[Token]:
    """Objects of the cause prepositions on the token ("killed in an airstrike"), one
    multi-word preposition deep ("as a result of torture", "because of the storm")."""
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in _CAUSE_PREPS | {"as"}:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.append(obj)
                out += [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"]
            elif obj.dep_ == "pcomp" or (obj.dep_ == "prep" and obj.lower_ == "of"):
                out += [g for g in obj.children if g.dep_ == "pobj"]
    return out


def _agent_heads(token: Token) -> tuple[list[Token], list[Token]]:
    """(who-phrases, cause-phrases) that could name the agent of the trigger."""
    if token.pos_ in ("VERB", "AUX"):
        who = [s for s in (subject_token(token),) if s is not None and s.i != token.i]
        who += event_noun_agents(token)
        return who, _cause_objects(token)
    who = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    who += [g for c in token.children if c.dep_ == "agent" or (
        c.dep_ == "prep" and c.lower_ in ("by", "from")) for g in c.children if g.dep_ == "pobj"]
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":  # "launched an attack"
        who += [s for s in (subject_token(head),) if s is not None]
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head  # "were killed in an explosion": the sentence's own subject
        who += [c for c in verb.children if c.dep_ == "nsubj"]
    return who, []


def _names_actor(head: Token, index: ActorIndex) -> bool:
    """Does the phrase name an actor the tables know (a country, organisation, person or
    role: "Israeli", "police", "the rebels") or a crowd ("youths", "angry crowds": word set
    ``crowd_nouns``, the actors of a riot)?"""
    crowds = word_sets()["crowd_nouns"]
    if head.lower_ in crowds or _lemma(head) in crowds:
        return True
    return bool(phrase_actors(head, index)) or any(
        index.actor_for_token(t) is not None for t in head.children
        if t.dep_ in ("amod", "compound", "poss", "nmod"))


def missing_agent(token: Token, index: ActorIndex) -> str | None:
    """Why an ASSAULT/COERCE trigger is no event (module doc), or None when it has an agent."""
    who, causes = _agent_heads(token)
    evidence = any(_names_actor(h, index) or _phrase_has_attack(h, index) for h in who) or any(
        _phrase_has_attack(h, index) for h in causes)
    if not evidence and any(_is_hazard(h) for h in (*who, *causes)):
        return "event.hazard"
    if evidence or is_attack_word(token):
        return None
    return "event.no_agent"


def is_toll(token: Token) -> bool:
    """A war's cumulative toll rather than an event (module doc)."""
    if token.pos_ in ("VERB", "AUX"):
        subj = subject_token(token)
        if subj is None or _lemma(subj) not in _TOLL_SUBJECTS:
            return False
        perfect = any(c.dep_ in ("aux", "auxpass") and _lemma(c) == "have"
                      for c in token.children)
        since = any(c.lower_ in _SINCE or (c.dep_ == "advcl" and any(
            m.lower_ == "since" for m in c.children)) for c in token.subtree)
        return perfect or since
    # "the death toll from the fighting", "casualties of the war"
    head = token.head
    return token.dep_ == "pobj" and head.dep_ == "prep" and (
        _lemma(head.head) in _TOLL_NOUNS or head.head.lower_ in _TOLL_NOUNS)
