"""Events a coded event implies: the protest that police dispersed.

"Police dispersed the protesters", "riot police fired tear gas to disperse demonstrators",
"security forces broke up a march": a protest happened and was put down. The dispersal is
COERCE (its own trigger); the protest is PROTEST, directed at the country's authorities
(codebook: demonstrations "directed toward ... government authorities"). A protest noun
under a dispersal verb ("dispersed a demonstration") is therefore an event of its own, not
folded into the dispersal; a crowd noun ("protesters") under one implies the protest.
A violent demonstration ("a violent demonstration", "rioting protesters") is PROTEST riot.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from wirewatch.analyze.actors.country import PROTESTERS, fill_countries
from wirewatch.analyze.events.args import ActorIndex, phrase_actors
from wirewatch.analyze.events.lexicon import categories, intensity, mode_cues, word_sets
from wirewatch.analyze.events.match import Match, clause_words
from wirewatch.analyze.events.roles import domestic_recipient
from wirewatch.records import Event

_OBJECT_DEPS = frozenset(("dobj", "npadvmod", "nsubjpass"))


def _dispersal(token: Token) -> bool:
    return token.lemma_.lower() in word_sets()["dispersal_verbs"] and token.pos_ == "VERB"


def released_by_dispersal(match: Match) -> bool:
    """A protest noun that a dispersal verb takes as its object ("dispersed a rally")."""
    tok = match.token
    return match.rule.type == "PROTEST" and tok.dep_ in _OBJECT_DEPS and _dispersal(tok.head)


def riot_cued(match: Match) -> bool:
    """Do the words of the protest's clause say it was violent ("a violent demonstration")?"""
    cues = dict(mode_cues().get("PROTEST", ())).get("riot", frozenset())
    return bool(cues & clause_words(match.token))


def dispersed_protest(event: Event, match: Match, sent: Span, index: ActorIndex) -> Event | None:
    """The protest a dispersal of a crowd implies (module doc), or None."""
    tok = match.token
    if event.type != "COERCE" or not _dispersal(tok):
        return None
    crowds = word_sets()["crowd_nouns"]
    crowd = next((c for c in tok.children if c.dep_ in _OBJECT_DEPS and (
        c.lower_ in crowds or c.lemma_.lower() in crowds)), None)
    if crowd is None:
        return None
    source = phrase_actors(crowd, index) or (PROTESTERS,)
    source, _ = fill_countries(source, (), sent, event.location, violent=True)
    target = domestic_recipient(("PROTEST",), source, (), event.location)
    return dataclasses.replace(
        event, type="PROTEST", mode="demo", source=source, target=target,
        intensity=intensity("PROTEST", "demo"), quad=categories()["PROTEST"].quad,
        trigger=crowd.text, rule=f"protest.{crowd.lemma_.lower()}.N>dispersed-by.{match.lemma}")
