"""People in an article: the earlier full mention a short name repeats, a people.csv entry
found by name or (with the article's agreement) by surname, and the office a name is given.

A bare surname ("Moon") is first the person the article named in full ("President Moon
Jae-in"), whatever the tables hold; only then a person of people.csv with that surname, and
only where the article names the person's country or an affiliation, or the text gives an
office that fits the person's recorded ones ("President Kohl", "the Reagan administration").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

from wirewatch.analyze.actors.tables import (
    GOVERNMENT_NOUNS,
    lookup_person_variant,
    lookup_proper,
    person_in_context,
)
from wirewatch.records import Actor

__all__ = ["GIVEN_KEY", "antecedent", "earlier_person", "known_person", "of_country",
           "office_word"]

M = TypeVar("M")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


class PersonMention(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def actor(self) -> Actor: ...


def antecedent(doc: Doc, text: str, people: Sequence[PersonMention], before: int
               ) -> Actor | None:
    """He/she: the latest person who was the subject of a clause, in this paragraph or the
    one before ("Suter, who joked about Parise's sticks, could see … ¶ “…,” he said":
    Suter), else the latest person mentioned. ``people``: earlier person mentions, in order."""
    if not people:
        return None
    para = text.rfind("\n\n", 0, before)
    window = text.rfind("\n\n", 0, para) if para > 0 else -1
    for mention in reversed(people):
        if mention.start < window:
            break
        if _is_subject(doc, mention):
            return mention.actor
    return people[-1].actor


def _is_subject(doc: Doc, mention: PersonMention) -> bool:
    """Is the person the subject of its clause (not an object, a possessor, a by-phrase)?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ in _SUBJECT_DEPS


GIVEN_KEY = "\x00"  # key prefix of the words of a full name before its surname


def office_word(ent: Span, titles: tuple[str, ...]) -> str | None:
    """The office a name is given: its title ("President Kohl"), else a government noun
    after it ("the Reagan administration")."""
    if titles:
        return titles[-1]
    following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    return following if following in GOVERNMENT_NOUNS else None


def earlier_person(key: str, people: Mapping[str, M]) -> M | None:
    """The person named in full earlier in the article whom this name repeats: the same full
    name, its surname, or (a one-word name) another word of it ("Moon" for "Moon Jae-in")."""
    words = key.lower().split()
    found = people.get(" ".join(words))
    if found is None and len(words) == 1:
        found = people.get(words[0]) or people.get(GIVEN_KEY + words[0])
    return found


def known_person(name: str, context: frozenset[str], title: str | None = None
                 ) -> Actor | None:
    """A person from people.csv by full name or, for a one-word name, by surname where the
    article names the person's country or an affiliation, or where the title fits the
    person's recorded offices ("President Kohl")."""
    entry = lookup_proper(name)
    if entry is None and " " not in name:
        entry = person_in_context(name, context, title=title)
    elif entry is None:  # "Francois Mitterand": a spelling variant of a known name
        entry = lookup_person_variant(name)
    if entry is None or entry.kind != "person":
        return None
    return Actor(name=entry.name, code=entry.code, sector=entry.sector)


def of_country(ent: Span) -> str | None:
    """The country of an "of X" phrase on a person's name ("King Hassan of Morocco")."""
    for prep in ent.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                entry = lookup_proper(pobj.text) if pobj.dep_ == "pobj" else None
                if entry is not None and entry.kind == "country":
                    return entry.code
    return None
