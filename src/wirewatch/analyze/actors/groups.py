"""Groups named by a noun phrase: a role or an attack noun with the country or organisation
written before it.

"Indian troops" -> Indian troops/IND/MIL, "Pakistani officials" -> PAK/GOV, "U.S. air strikes"
-> USA/MIL (data/actors/attack_nouns.txt: the name in front of an attack or a weapon is the
attacker), and a modifier shared by two names is two actors: "Thai and Cambodian forces" ->
Thai forces/THA/MIL and Cambodian forces/KHM/MIL. A role or attack noun alone ("police",
"air strikes") is left to the caller: roles name a group without a code, attacks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirewatch.analyze.actors.resolve import (
    actor_from_parsed,
    attack_head,
    parse_phrase,
)
from wirewatch.records import Actor

__all__ = ["Group", "chunk_groups"]

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True, slots=True)
class Group:
    """One group actor of a noun chunk, at its character offsets."""

    start: int
    end: int
    actor: Actor
    nouns: tuple[str, ...]  # the role words of the head ("officials")


def chunk_groups(chunk: Span, text: str, context: frozenset[str]) -> list[Group]:
    """The group actors a noun chunk names, or [] when it names none (no role or attack head,
    or an attack noun with no name in front of it)."""
    chunk_text = text[chunk.start_char : chunk.end_char]
    parsed = parse_phrase(chunk_text, context)
    attack = attack_head(chunk_text)
    if not parsed.head_role and not (attack and parsed.entities):
        return []
    shared = _shared_modifiers(chunk, text, context)
    if shared:
        return shared
    actor = actor_from_parsed(parsed, chunk_text)
    if actor is None:
        return []
    return [Group(chunk.start_char, chunk.end_char, actor, parsed.title_roles)]


def _shared_modifiers(chunk: Span, text: str, context: frozenset[str]) -> list[Group]:
    """"Thai and Cambodian forces": one actor per coordinated name, each with the head."""
    root = chunk.root
    for mod in chunk:
        if mod.i >= root.i or mod.head.i != root.i or mod.dep_ not in _MODIFIER_DEPS:
            continue
        parts = [mod, *(c for c in mod.conjuncts if chunk.start <= c.i < root.i)]
        if len(parts) < 2:
            continue
        parts.sort(key=lambda t: t.i)
        last = parts[-1]
        rest = text[last.idx + len(last.text) : chunk.end_char]
        groups: list[Group] = []
        for part in parts:
            start = _name_start(part)
            phrase = text[start : part.idx + len(part.text)] + rest
            parsed = parse_phrase(phrase, context)
            actor = actor_from_parsed(parsed, phrase)
            if actor is None or actor.code is None:
                return []
            end = chunk.end_char if part is last else part.idx + len(part.text)
            groups.append(Group(start, end, actor, parsed.title_roles))
        return groups
    return []


def _name_start(part: Token) -> int:
    """Where a coordinated modifier starts, with its own compounds ("South Korean")."""
    return min([part.idx, *(c.idx for c in part.lefts if c.dep_ == "compound")])
