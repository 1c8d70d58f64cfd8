"""Actors of one article: named mentions, coded, and later mentions resolved back to them.

``resolve_name(text)`` codes a phrase on its own (see ``actors_resolve``). ``ArticleActors``
reads a parsed article once and answers ``actor_for_span(start, end)`` for any noun phrase,
name or pronoun at those character offsets, using the article's earlier mentions:

- "Foreign Minister Sergey Lavrov" ... "Lavrov" -> the same actor (surname);
- "he", "she" -> the most recent person mentioned before;
- "the minister", "the secretary-general" -> the most recent person with that title word;
- "the alliance", "the bloc" -> the most recent organisation of that kind (organisations.csv);
- "they" -> the most recent organisation or group.

Mentions of places after "in", "at", "near" ("speaking in Stockholm") are locations, not actors.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.resolve import (
    actor_from_parsed,
    determiners,
    parse_phrase,
    resolve_name,
    stance_prefixes,
)
from wirewatch.analyze.actors.tables import (
    lookup_person_variant,
    lookup_proper,
    normalise_key,
    tables,
)
from wirewatch.analyze.marks import marked_spans, paragraph_ranges
from wirewatch.records import Actor

__all__ = ["ArticleActors", "Mention", "resolve_name"]

MentionKind = Literal["person", "org", "place", "group"]

_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_CURRENCY_AFTER = ("$", "dollar")  # after a country name: its currency
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside", "inside"})
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "det", "nummod"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor in the article, with its character offsets."""

    start: int
    end: int
    actor: Actor
    kind: MentionKind
    nouns: tuple[str, ...] = ()  # title words of a person, kind nouns of an organisation


@dataclass(slots=True)
class ArticleActors:
    """The coded actors of one article and a resolver for spans in it."""

    doc: Doc
    text: str = ""  # doc.text, built once (spaCy rebuilds it on every access)
    mentions: list[Mention] = field(default_factory=list)
    quoted: list[tuple[int, int]] | None = None  # ranges inside quotation marks, on demand
    starts: list[int] | None = None  # the mentions' starts while they are in order, on demand

    @classmethod
    def from_doc(cls, doc: Doc, text: str | None = None) -> ArticleActors:
        """Collect and code the article's named mentions (entities and role noun phrases).
        ``text``: ``doc.text`` when the caller has it (spaCy rebuilds it token by token)."""
        self = cls(doc=doc, text=doc.text if text is None else text)
        people: dict[str, Mention] = {}  # lower-case surname / full name -> first full mention
        for ent in doc.ents:
            if ent.label_ not in _ENT_LABELS:
                continue
            mention = self._person(ent, people) if ent.label_ == "PERSON" else self._named(ent)
            if mention is not None:
                self.mentions.append(mention)
        taken: set[int] = set()  # token indices already inside a named mention
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                taken.update(range(span.start, span.end))
        role_heads = tables().role_heads
        if doc.has_annotation("DEP"):
            for chunk in doc.noun_chunks:
                if chunk[-1].lower_ not in role_heads or any(t.i in taken for t in chunk):
                    continue
                chunk_text = self.text[chunk.start_char : chunk.end_char]
                parsed = parse_phrase(chunk_text)
                if not parsed.head_role:
                    continue
                if not parsed.entities and chunk[0].lower_ in _ANAPHORIC:
                    continue  # "the minister": resolved against earlier mentions on demand
                actor = actor_from_parsed(parsed, chunk_text)
                if actor is not None:
                    roles = parsed.title_roles
                    self.mentions.append(
                        Mention(chunk.start_char, chunk.end_char, actor, "group", roles)
                    )
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Distinct coded actors, in order of first mention.

        Places ("in Stockholm") and actors with neither code nor sector (an organisation or a
        person the dictionaries do not know, kept only to name speakers) are left out.
        """
        seen: dict[Actor, None] = {}
        for mention in self.mentions:
            actor = mention.actor
            if mention.kind != "place" and (actor.code is not None or actor.sector is not None):
                seen.setdefault(mention.actor, None)
        return tuple(seen)

    def _from(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in their order (``from_doc`` sorts them;
        if the list was changed out of order since, all of them)."""
        starts = self.starts
        if starts is None or len(starts) != len(self.mentions):
            starts = [m.start for m in self.mentions]
            if any(a > b for a, b in itertools.pairwise(starts)):
                return self.mentions
            self.starts = starts
        return self.mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _quoted(self) -> list[tuple[int, int]]:
        """Character ranges inside quotation marks (computed once)."""
        if self.quoted is None:
            self.quoted = [(span.start, span.end)
                           for start, end in paragraph_ranges(self.text)
                           for span in marked_spans(self.text[start:end], start)]
        return self.quoted

    # -- building -------------------------------------------------------------------------

    def _person(self, ent: Span, people: dict[str, Mention]) -> Mention | None:
        entry = lookup_proper(ent.text)
        if entry is not None and entry.kind == "country":
            return self._named(ent)  # "King Letsie of Lesotho": NER took the country as a name
        doc = ent.doc
        start = _title_start(ent)
        text = self.text[doc[start].idx : ent.end_char]
        name = normalise_key(ent.text)
        if not name:
            return None
        surname = name.split()[-1].lower()
        earlier = people.get(name.lower()) or people.get(surname)
        parsed = parse_phrase(text)
        actor = actor_from_parsed(parsed, text) if start < ent.start else None
        if actor is not None and parsed.person_name is None:
            actor = Actor(name=name, code=actor.code)  # "Ukraine's Zelensky": affiliation only
        for child in ent.root.children:
            if child.dep_ != "appos" or (actor is not None and actor.code is not None):
                continue
            appos = resolve_name(_subtree_text(self.text, child))
            if appos is not None and (appos.code or appos.sector):
                actor = _merge(actor or Actor(name=name), appos, keep_name=True)
        if actor is None and earlier is not None:
            return Mention(ent.start_char, ent.end_char, earlier.actor, "person", earlier.nouns)
        if actor is None or actor.code is None:
            known = _known_person(name)
            actor = actor or Actor(name=name)
            if known is not None:
                actor = _merge(actor, known, keep_name=False)
        if actor.code is None:  # "King Hassan of Morocco", "President Kagame of Rwanda"
            home = _of_country(ent)
            if home is not None:
                actor = Actor(name=actor.name, code=home, sector=actor.sector)
        mention = Mention(doc[start].idx, ent.end_char, actor, "person", parsed.title_roles)
        people.setdefault(actor.name.lower(), mention)
        people.setdefault(name.lower(), mention)
        people.setdefault(surname, mention)
        return mention

    def _named(self, ent: Span) -> Mention | None:
        if self.text[ent.end_char : ent.end_char + 1] == "-":
            return None  # "US-led", "Russian-backed": a modifier, not the actor
        after = self.text[ent.end_char : ent.end_char + 9].lstrip().lower()
        if after.startswith(_CURRENCY_AFTER):
            return None  # "US $50 million", "Hong Kong dollars": a currency, not an actor
        before = self.text[max(0, ent.start_char - 6) : ent.start_char].lower()
        if before.endswith("-") and before[:-1].split()[-1:] and (
            before[:-1].split()[-1] in stance_prefixes()
        ):
            return None  # "anti-Syria", "pro-Russian": a stance, not an affiliation
        actor = resolve_name(ent.text)
        if actor is None:
            if ent.label_ != "ORG":
                return None
            # an organisation we have no code for: kept by name, for speakers and "they"
            name = normalise_key(self.text[ent.start_char : ent.end_char])
            if name.lower().startswith("the "):
                name = name[4:]
            return Mention(ent.start_char, ent.end_char, Actor(name=name), "org") if name else None
        entry = lookup_proper(ent.text)
        head = ent.root.head
        if ent.label_ in {"GPE", "FAC"} and ent.root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
            return Mention(ent.start_char, ent.end_char, actor, "place")
        if entry is not None and entry.kind == "org":
            return Mention(ent.start_char, ent.end_char, actor, "org", entry.nouns)
        return Mention(ent.start_char, ent.end_char, actor, "group")

    # -- resolving ------------------------------------------------------------------------

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        """The actor a noun phrase, name or pronoun at these offsets refers to, or None."""
        if start_char >= end_char:
            return None
        inside = [m for m in self._from(start_char, end_char)
                  if start_char <= m.start and m.end <= end_char]
        for mention in self._from(-1, start_char + 1):  # those that start by start_char
            if mention.start <= start_char and end_char <= mention.end and mention.kind != "place":
                return self._mention_actor(mention)
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and inside:
            root = span.root
            for mention in inside:
                if mention.start <= root.idx < mention.end and mention.kind != "place":
                    return self._mention_actor(mention)
        text = self.text[start_char:end_char]
        if self.text[end_char : end_char + 9].lstrip().lower().startswith(_CURRENCY_AFTER):
            return None  # "stealing US $50 million": the parser took "US" as a noun phrase
        found = self._coref(text, start_char) or resolve_name(text)
        if found is not None:
            return found
        persons = [m for m in inside if m.kind == "person"]
        if persons:
            return persons[0].actor
        named = [m for m in inside if m.kind != "place"]
        return named[-1].actor if named else None

    def actor_for_token(self, token: Token) -> Actor | None:
        """The actor of the noun phrase a token heads (its left modifiers included)."""
        left = token.left_edge.idx
        right = token.idx + len(token.text)
        for child in token.rights:
            if child.dep_ in {"appos", "compound"}:
                right = child.right_edge.idx + len(child.right_edge.text)
        return self.actor_for_span(left, right)

    def _mention_actor(self, mention: Mention) -> Actor:
        """A definite group description may name an earlier person: "the Russian minister"."""
        if mention.kind == "group" and mention.nouns:
            text = self.text[mention.start : mention.end]
            if text.split(" ", 1)[0].lower() in _ANAPHORIC:
                found = self._coref(text, mention.start)
                if found is not None:
                    return found
        return mention.actor

    def _coref(self, text: str, before: int) -> Actor | None:
        words = [w.lower() for w in text.replace("’", "'").split()]
        if not words:
            return None
        earlier = self._from(-1, before)  # a mention that ends by ``before`` starts before it
        if len(words) == 1 and words[0] in tables().pronouns:
            # a name inside quotation marks is the speaker's word, not the narrative's
            # referent: "“He wanted to work with ‘Nellie Wall,’ …” she said"
            quoted = self._quoted()
            outside = not _in_ranges(before, quoted)
            return _latest(m for m in earlier if m.kind == "person" and m.end <= before
                           and not (outside and _in_ranges(m.start, quoted)))
        if len(words) == 1 and words[0] in tables().group_pronouns:
            groups = (
                m
                for m in earlier
                if m.end <= before and (m.kind == "org" or (m.kind == "group" and _plural(m)))
            )
            return _latest(groups)
        if words[0] not in determiners():
            return None
        head = normalise_key(" ".join(words[1:])).lower()
        last = head.split()[-1] if head else ""
        if not last:
            return None
        orgs = (m for m in earlier if m.kind == "org" and m.end <= before and last in m.nouns)
        found = _latest(orgs)
        if found is not None:
            return found
        own = resolve_name(text)
        code = own.code if own is not None else None  # "the US president" is not Putin
        titled = (
            m
            for m in earlier
            if m.kind == "person"
            and m.end <= before
            and any(last in n.split() for n in m.nouns)
            and (code is None or m.actor.code == code)
        )
        return _latest(titled)


def _plural(mention: Mention) -> bool:
    """A group mention whose head is plural ("officials", "media outlets"), so "they" fits."""
    head = mention.nouns[-1].split()[-1] if mention.nouns else ""
    return head.endswith("s") and not head.endswith("ss")


def _known_person(name: str) -> Actor | None:
    """A person from people.csv by full name or, for a one-word name, by surname."""
    entry = lookup_proper(name)
    if entry is None and " " not in name:
        entry = tables().surnames.get(name.lower())
    elif entry is None:  # "Francois Mitterand": a spelling variant of a known name
        entry = lookup_person_variant(name)
    if entry is None or entry.kind != "person":
        return None
    return Actor(name=entry.name, code=entry.code, sector=entry.sector)


def _of_country(ent: Span) -> str | None:
    """The country of an "of X" phrase on a person's name ("King Hassan of Morocco")."""
    for prep in ent.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                entry = lookup_proper(pobj.text) if pobj.dep_ == "pobj" else None
                if entry is not None and entry.kind == "country":
                    return entry.code
    return None


def _merge(base: Actor, extra: Actor, *, keep_name: bool) -> Actor:
    """``base`` with its missing code and sector taken from ``extra``."""
    return Actor(
        name=base.name if keep_name else extra.name,
        code=base.code or extra.code,
        sector=base.sector or extra.sector,
    )


def _in_ranges(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _latest(mentions: Iterable[Mention]) -> Actor | None:
    found: Mention | None = None
    for mention in mentions:
        found = mention
    return found.actor if found is not None else None


def _title_start(ent: Span) -> int:
    """Index of the first token of the title or affiliation written before a person's name."""
    doc = ent.doc
    root = ent.root
    start = ent.start
    subtree = {t.i for t in root.subtree}
    while start > 0 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if prev.i not in subtree or prev.dep_ not in _LEFT_DEPS:
            break
        start -= 1
    while start < ent.start and (doc[start].dep_ in {"det", "punct"} or doc[start].is_punct):
        start += 1
    return start


def _subtree_text(text: str, token: Token) -> str:
    return text[token.left_edge.idx : token.right_edge.idx + len(token.right_edge.text)]
