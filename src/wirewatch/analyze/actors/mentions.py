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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.context import article_context
from wirewatch.analyze.actors.groups import chunk_groups
from wirewatch.analyze.actors.people import (
    GIVEN_KEY,
    antecedent,
    earlier_person,
    known_person,
    of_country,
    office_word,
)
from wirewatch.analyze.actors.resolve import (
    actor_from_parsed,
    attack_nouns,
    determiners,
    generic_org_nouns,
    parse_phrase,
    resolve_name,
    stance_prefixes,
)
from wirewatch.analyze.actors.tables import (
    display_name,
    lookup_proper,
    normalise_key,
    read_in_context,
    tables,
)
from wirewatch.analyze.marks import marked_spans, paragraph_ranges
from wirewatch.records import Actor

__all__ = ["ArticleActors", "Mention", "resolve_name"]

MentionKind = Literal["person", "org", "place", "group"]

_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_CURRENCY_AFTER = ("$", "dollar")  # after a country name: its currency
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside", "inside"})
# the rest of a hyphenated given name the tokenizer split off ("Jae-in", "Ki-moon")
_HYPHEN_TAIL = re.compile(r"-[a-z]+\b")
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
    context: frozenset[str] = frozenset()  # the codes the article names (context.py)

    @classmethod
    def from_doc(cls, doc: Doc, text: str | None = None) -> ArticleActors:
        """Collect and code the article's named mentions (entities and role noun phrases).
        ``text``: ``doc.text`` when the caller has it (spaCy rebuilds it token by token)."""
        self = cls(doc=doc, text=doc.text if text is None else text)
        self.context = article_context(doc)
        people: dict[str, Mention] = {}  # lower-case surname / full name -> first full mention
        for ent in doc.ents:
            if ent.label_ not in _ENT_LABELS:
                continue
            mention = (self._person(ent, people) if ent.label_ == "PERSON"
                       else self._named(ent, people))
            if mention is not None:
                self.mentions.append(mention)
        if doc.has_annotation("DEP"):
            self._add_groups()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self

    def _add_groups(self) -> None:
        """Noun chunks headed by a role or an attack noun ("Indian troops", "U.S. air
        strikes", "Thai and Cambodian forces"): their groups replace the country names that
        only modify them; organisations stay ("ECOWAS leaders" ... "the bloc")."""
        doc = self.doc
        taken: dict[int, Mention] = {}  # token index -> the named mention it lies in
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                taken.update((i, mention) for i in range(span.start, span.end))
        heads = tables().role_heads | attack_nouns()
        dropped: set[int] = set()
        for chunk in doc.noun_chunks:
            if chunk[-1].lower_ not in heads:
                continue
            inside = {id(m): m for t in chunk if (m := taken.get(t.i)) is not None}
            if any(m.kind in ("person", "place") or m.end > chunk.root.idx
                   for m in inside.values()):
                continue  # a person's title, a place, or a name that is the head itself
            if not inside and chunk[0].lower_ in _ANAPHORIC:
                continue  # "the minister": resolved against earlier mentions on demand
            groups = chunk_groups(chunk, self.text, self.context)
            if not groups:
                continue
            dropped.update(k for k, m in inside.items() if m.kind == "group")
            self.mentions.extend(Mention(g.start, g.end, g.actor, "group", g.nouns)
                                 for g in groups)
        if dropped:
            self.mentions = [m for m in self.mentions if id(m) not in dropped]

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
        tail = _HYPHEN_TAIL.match(self.text, ent.end_char) if len(ent) > 1 and len(
            ent[-1].text) <= 4 else None  # "Moon Jae" + "-in", not "Trump" + "-era"
        end = tail.end() if tail else ent.end_char
        text = self.text[doc[start].idx : end]
        key = normalise_key(self.text[ent.start_char : end])
        name = display_name(self.text[ent.start_char : end])
        if not key:
            return None
        earlier = earlier_person(key, people)
        parsed = parse_phrase(text, self.context)
        actor = actor_from_parsed(parsed, text) if start < ent.start else None
        if actor is not None and parsed.person_name is None:
            actor = Actor(name=name, code=actor.code)  # "Ukraine's Zelensky": affiliation only
        if earlier is not None and (actor is None or actor.code in (None, earlier.actor.code)):
            # "Moon", "President Moon" after "President Moon Jae-in": the article's own person
            # comes before any table entry with that surname
            return Mention(doc[start].idx, end, earlier.actor, "person", earlier.nouns)
        for child in ent.root.children:
            if child.dep_ != "appos" or (actor is not None and actor.code is not None):
                continue
            appos = resolve_name(_subtree_text(self.text, child), self.context)
            if appos is not None and (appos.code or appos.sector):
                actor = _merge(actor or Actor(name=name), appos, keep_name=True)
        if actor is None or actor.code is None:
            known = known_person(key, self.context, office_word(ent, parsed.title_roles))
            actor = actor or Actor(name=name)
            if known is not None:
                actor = _merge(actor, known, keep_name=False)
        if actor.code is None:  # "King Hassan of Morocco", "President Kagame of Rwanda"
            home = of_country(ent)
            if home is not None:
                actor = Actor(name=actor.name, code=home, sector=actor.sector)
        mention = Mention(doc[start].idx, end, actor, "person", parsed.title_roles)
        for alias in (actor.name, key):
            words = normalise_key(alias).lower().split()
            people.setdefault(" ".join(words), mention)
            if len(words) > 1:  # the surname, then (family name first: "Moon Jae-in") the rest
                people.setdefault(words[-1], mention)
                for word in words[:-1]:
                    if len(word) > 1:
                        people.setdefault(GIVEN_KEY + word, mention)
        return mention

    def _named(self, ent: Span, people: dict[str, Mention] | None = None) -> Mention | None:
        if people and " " not in ent.text.strip() and lookup_proper(ent.text) is None:
            earlier = earlier_person(normalise_key(ent.text), people)
            if earlier is not None:  # "Lavrov" taken for an organisation after "Sergey Lavrov"
                return Mention(ent.start_char, ent.end_char, earlier.actor, "person",
                               earlier.nouns)
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
        actor = resolve_name(ent.text, self.context)
        office = office_word(ent, ())
        if actor is None and office is not None and " " not in ent.text.strip():
            known = known_person(normalise_key(ent.text), self.context, office)
            if known is not None:  # "the Reagan administration": the office holder's team
                return Mention(ent.start_char, ent.end_char, known, "person", (office,))
        if actor is None:
            if ent.label_ != "ORG":
                return None
            # an organisation we have no code for: kept by name, for speakers and "they"
            name = normalise_key(self.text[ent.start_char : ent.end_char])
            if name.lower().startswith("the "):
                name = name[4:]
            return Mention(ent.start_char, ent.end_char, Actor(name=name), "org") if name else None
        entry = read_in_context(ent.text, lookup_proper(ent.text), self.context)
        head = ent.root.head
        if ent.label_ in {"GPE", "FAC"} and ent.root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
            return Mention(ent.start_char, ent.end_char, actor, "place")
        if entry is not None and entry.kind == "org":
            return Mention(ent.start_char, ent.end_char, actor, "org", entry.nouns)
        entry_of = lookup_proper(actor.name)
        person = entry_of is not None and entry_of.kind == "person"
        kind: MentionKind = "person" if person else "group"
        return Mention(ent.start_char, ent.end_char, actor, kind)

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
        found = self._coref(text, start_char) or resolve_name(text, self.context)
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
            people = [m for m in earlier if m.kind == "person" and m.end <= before
                      and not (outside and _in_ranges(m.start, quoted))]
            return antecedent(self.doc, self.text, people, before)
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
        orgs = (m for m in earlier if m.kind == "org" and m.end <= before and (
            last in m.nouns or (not m.nouns and m.actor.code is None
                                and last in generic_org_nouns())))
        found = _latest(orgs)
        if found is not None:
            return found
        own = resolve_name(text, self.context)
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
