"""Argument roles the plain subject/object reading gets wrong (helpers for events_args).

- Stative passives ("Israel is opposed to X", "is committed to") and agentless passives of
  withdrawal verbs ("troops were withdrawn from X"): the grammatical passive subject is the
  one who holds the stance or moves, the actor, not the one acted on.
- Conjuncts of a passive verb ("the minister was indicted by the court and will resign"): an
  active conjunct shares the passive subject, not the first verb's agent.
- A preposition the parser left without its object because a reduced relative clause
  follows ("granted asylum to five officers holed up in ..." parsed with "officers" as the
  subject of "holed"): the clause's subject, when it starts right after the preposition.
- A noun event held by a state or gathering verb ("troops remained on alert", "went on
  strike", "were engaged in ethnic cleansing", "gathered for a rally"): its subject is the
  actor, and the verb's place and target phrases are the event's (``holding_verb``).
- The thing given ("contributed 4,000 troops to a force in Liberia"): with a recipient named
  (to-phrase or indirect object), the direct object of a transfer verb is the theme, not a
  target.
- The subject of a denied clause owned by a pronoun ("Russia denied that its troops had
  attacked ..."): the denier's own side, not a recipient.
- The agent of the act a verb happened in ("were killed in an attack by al-Shabaab"): the
  source when the verb names none (``event_noun_agents``).
- Domestic events with no named recipient (``domestic_recipient``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Token

from wirewatch.analyze.actors.country import place_code
from wirewatch.analyze.actors.tables import tables
from wirewatch.analyze.events.lexicon import modality_cues, word_sets
from wirewatch.records import Actor


def _has(token: Token, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps for c in token.children)


def dedupe(actors: Iterable[Actor | None]) -> tuple[Actor, ...]:
    """Distinct actors; an uncoded sector-only actor ("military") joins a lone coded one."""
    present = [a for a in actors if a is not None]
    coded = [a for a in present if a.code]
    loose = [a for a in present if not a.code and a.sector]
    if coded and loose:
        if len({a.code for a in coded}) == 1 and coded[0].sector is None:
            filled = Actor(name=coded[0].name, code=coded[0].code, sector=loose[0].sector)
            present = [filled if a.code == filled.code else a for a in coded]
        else:
            present = coded
    seen: dict[tuple[str | None, str | None, str], Actor] = {}
    for actor in present:
        key = (actor.code, actor.sector, actor.name) if actor.code is None else (
            actor.code, actor.sector, "")
        seen.setdefault(key, actor)
    return tuple(seen.values())


def against_prefix(token: Token) -> bool:
    """"anti-government", "anti-US": the word after an "anti" prefix names an opponent."""
    if token.lower_.startswith("anti-") or any(c.lower_ == "anti" for c in token.children):
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti"


def is_stative_passive(verb: Token) -> bool:
    """"X is opposed to Y" (a stance verb), "troops were withdrawn from X" (a withdrawal
    verb): a passive with no agent whose subject is the actor."""
    sets = word_sets()
    lemma = verb.lemma_.lower()
    return (lemma in sets["stative_passives"] or lemma in sets["withdrawal_verbs"]) and (
        verb.tag_ == "VBN" and _has(verb, ("nsubjpass",)) and not _has(verb, ("agent",)))


def shares_passive_subject(verb: Token, head: Token) -> bool:
    """Is ``verb`` an active conjunct of the passive ``head`` with no subject of its own?"""
    return (verb.dep_ == "conj" and verb.head.i == head.i and _has(head, ("nsubjpass",))
            and not _has(verb, ("nsubj", "nsubjpass", "auxpass", "csubj")))


def dangling_object(prep: Token) -> list[Token]:
    """The object a reduced relative clause took from a preposition with none (module doc)."""
    if prep.i + 1 >= len(prep.doc):
        return []
    for clause in prep.head.subtree:
        if clause.dep_ in ("advcl", "relcl", "acl", "ccomp") and clause.i > prep.i:
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.left_edge.i == prep.i + 1:
                return [subj]
    return []


def state_subject(noun: Token) -> Token | None:
    """The subject of the state verb holding a noun event through on/in (module doc)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "in", "for") or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in word_sets()["state_verbs"]:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def prep_word(prep: Token) -> tuple[str, Token]:
    """A preposition's word and the token holding its object: "out of X" reads as "from X"
    ("peacekeepers were shipped out of the enclave"), its object under the inner "of"."""
    if prep.lower_ == "out":
        inner = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if inner is not None:
            return "from", inner
    return prep.lower_, prep


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in ``preps`` (and its noun datives)."""
    out: list[Token] = []
    for child in token.children:
        word, prep = prep_word(child)
        if child.dep_ in ("prep", "dative") and word in preps:
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            out.extend(objects or dangling_object(prep))
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(child)
    return out


def holding_verb(noun: Token) -> Token | None:
    """The verb holding a noun event, whose place and target phrases are the event's too:
    the verb of a direct object ("staged a strike in X") or a state verb ("were engaged in
    ethnic cleansing in X against Y", "remained on alert in X")."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    return noun.head.head if state_subject(noun) is not None else None


def is_theme(obj: Token) -> bool:
    """Is ``obj`` the direct object of a transfer verb that names a recipient (module doc)?"""
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in word_sets()["transfer_verbs"]:
        return False
    return any(c.dep_ in ("dative", "iobj") or (c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" for g in c.children)) for c in verb.children)


def event_noun_agents(verb: Token) -> list[Token]:
    """"killed in an attack by X", "died during a raid by X": X (module doc)."""
    return [g for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in (
        "in", "during") for noun in prep.children if noun.dep_ == "pobj"
        for by in noun.children if by.dep_ in ("prep", "agent") and by.lower_ == "by"
        for g in by.children if g.dep_ == "pobj"]


_OWNER_PRONOUNS = frozenset(("its", "their", "his", "her", "our", "my"))


def own_phrase(verb: Token, head: Token) -> bool:
    """"denied that its troops ...": the subject of a denied clause owned by a pronoun
    (module doc)."""
    return verb.lemma_.lower() in modality_cues()["denying_verbs"] and any(
        c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS for c in head.children)


# Domestic events whose recipient is the country's own side when the sentence names none
# (codebook): PROTEST is "directed toward ... government authorities" (its demo/riot modes);
# COERCE is "repression, restrictions on rights" imposed on a population (curfew, martial
# law, restrictions); CONCEDE eases "restrictions on persons" or suspends protests; RETREAT
# ends an active conflict (disarming, a ceasefire, releases) with the side it was fought with.
DOMESTIC_TYPES = frozenset(("PROTEST", "COERCE", "CONCEDE", "RETREAT"))
# The sector of that implicit recipient: protests address the authorities.
_DOMESTIC_SECTOR = {"PROTEST": "GOV"}


@functools.cache
def _country_names() -> dict[str, str]:
    table = tables()
    entries = [*table.exact.values(), *(e for e, _ in table.folded.values())]
    return {e.code: e.name for e in entries if e.kind == "country" and e.code}


def domestic_recipient(
    kinds: tuple[str, ...], source: tuple[Actor, ...], target: tuple[Actor, ...],
    location: str | None,
) -> tuple[Actor, ...]:
    """The target, with the country where a domestic PROTEST/COERCE/CONCEDE/RETREAT happens
    added when no coded target is named: the location's country, else the source's one
    country."""
    kind = next((k for k in kinds if k in DOMESTIC_TYPES), None)
    if kind is None or any(a.code for a in target):
        return target
    names = _country_names()
    where = place_code(location) if location else None
    home = {a.code for a in source if a.code in names}
    code = where if where in names else (next(iter(home)) if len(home) == 1 else None)
    if code is None:
        return target
    return (*target, Actor(name=names[code], code=code, sector=_DOMESTIC_SECTOR.get(kind)))
