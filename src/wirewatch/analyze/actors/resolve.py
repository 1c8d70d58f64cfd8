"""Resolve one mention's text to a coded actor, without context.

"Russian" -> Russia/RUS; "the Kremlin" -> RUS/GOV; "NATO Secretary-General Jens Stoltenberg" ->
Jens Stoltenberg/NATO/GOV; "Hungarian officials" -> RUS-less group HUN/GOV; "police" -> COP.
Context (earlier mentions, pronouns, "the alliance") is the job of ``ArticleActors``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from wirewatch.analyze.actors.tables import (
    Entry,
    display_name,
    lookup_country_variant,
    lookup_proper,
    lookup_role,
    normalise_key,
    person_in_context,
    read_in_context,
    tables,
)
from wirewatch.records import Actor

_TOKEN = re.compile(r"\w[\w'’.&-]*")
# A country name before "$" or "dollars" names a currency ("US $50 million"), no actor.
_CURRENCY = re.compile(r"\b[A-Z][\w.]*\s*(?=\$)|\b[A-Z][\w.]*\s+(?=dollars?\b)")


def _word_set(name: str) -> frozenset[str]:
    """A word list of data/actors (one a line, lower case, # comments)."""
    path = resources.files("wirewatch").joinpath("data", "actors", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.cache
def determiners() -> frozenset[str]:
    return _word_set("determiners.txt")


@functools.cache
def stance_prefixes() -> frozenset[str]:
    """"anti", "pro": a name after them is a stance ("anti-Syria journalist"), no affiliation."""
    return _word_set("stance_prefixes.txt")


@functools.cache
def agent_suffixes() -> frozenset[str]:
    """"led", "controlled": "Vietnamese-led forces" are coded by the leader's country."""
    return _word_set("agent_suffixes.txt")


@functools.cache
def attack_nouns() -> frozenset[str]:
    """"strikes", "shelling": after a name, the name is the attacker (attack_nouns.txt)."""
    return _word_set("attack_nouns.txt")


@functools.cache
def generic_org_nouns() -> frozenset[str]:
    """"company", "agency": a definite description of an organisation the tables do not know
    (generic_org_nouns.txt)."""
    return _word_set("generic_org_nouns.txt")


def attack_head(text: str) -> bool:
    """Does the phrase end in an attack or weapon noun ("U.S. air strikes")?"""
    words = text.split()
    return bool(words) and words[-1].lower().strip(".,;:") in attack_nouns()


def _agent_prefix(token: str) -> Entry | None:
    """The entity of "Vietnamese-led", "Serb-controlled", else None."""
    name, dash, suffix = token.rpartition("-")
    if not dash or suffix.lower() not in agent_suffixes():
        return None
    entry = lookup_proper(name)
    return entry if entry is not None and entry.kind in ("country", "org") else None


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a phrase says about an actor: named entities, roles, a person's name."""

    entities: tuple[Entry, ...]
    person: Entry | None  # a known person (people.csv)
    person_name: str | None  # a name introduced by a title, known or not
    title_roles: tuple[str, ...]  # lower-case role phrases of the title or head
    sector: str | None
    head_role: bool  # the phrase ends in a role word ("officials", "media outlets")
    modifier_only: bool  # a name only modifies an unknown head ("Russian proposals")


def _tokens(text: str) -> list[str]:
    out = []
    for raw in _TOKEN.findall(text):
        token = raw.rstrip(".-'’") if not re.fullmatch(r"(?:[A-Z]\.)+", raw) else raw
        if token:
            out.append(token)
    return out


def parse_phrase(text: str, context: frozenset[str] | None = None) -> Parsed:
    """Scan a phrase left to right, longest dictionary match first. ``context``: the codes
    of the article (``context.article_context``) that pick the reading of an ambiguous name."""
    table = tables()
    toks = _tokens(text)
    n = len(toks)
    entities: list[Entry] = []
    roles: list[tuple[int, int, str, str]] = []  # start, end, phrase, sector
    eli = False
    person: Entry | None = None
    person_span: tuple[int, int] | None = None
    last_unmatched = -1
    i = 0
    while i < n:
        for size in range(min(table.max_words, n - i), 0, -1):
            phrase = " ".join(toks[i : i + size])
            entry = read_in_context(phrase, lookup_proper(phrase), context)
            if entry is not None:
                if entry.kind == "person" and person is None:
                    person, person_span = entry, (i, i + size)
                elif entry.kind != "person":
                    entities.append(entry)
                i += size
                break
            role_sector = lookup_role(phrase)
            if role_sector is not None:
                roles.append((i, i + size, phrase.lower(), role_sector))
                i += size
                break
        else:
            agent = _agent_prefix(toks[i])
            if agent is not None:
                entities.append(agent)
            word = toks[i].lower()
            if table.modifiers.get(word.split("-")[0]) == "ELI":
                eli = True
            last_unmatched = i
            i += 1
    # A person named after a title: a run of capitalised words, up to the end, after a role
    # ("Defence Secretary Tom King": the run "Tom King" may hold a role word after its start).
    person_name: str | None = None
    title_roles: list[str] = []
    head_role = bool(roles) and roles[-1][1] == n
    for k, role in enumerate(roles):
        run = toks[role[1] :]
        if person is not None and person_span is not None and person_span[0] >= role[1]:
            person_name = person.name
        elif (
            0 < len(run) <= 4
            and lookup_role(run[0]) is None
            and all(t[:1].isupper() and lookup_proper(t) is None for t in run)
        ):
            person_name = " ".join(display_name(t) for t in run)
        if person_name is not None:
            roles = roles[: k + 1]
            title_roles = [r[2] for r in roles]
            head_role = False
            break
    if person is not None and person_name is None:
        person_name = person.name
    if head_role:
        title_roles = [roles[-1][2]]
    sector: str | None
    if eli:
        sector = "ELI"
    elif roles and (head_role or person_name is not None):
        sector = roles[-1][3]
    elif person is not None:
        sector = person.sector
    elif len(entities) == 1 and entities[0].kind == "metonym":
        sector = entities[0].sector
    else:
        sector = None
    modifier_only = (
        bool(entities)
        and person_name is None
        and last_unmatched == n - 1
        and toks[-1][:1].islower()
        and toks[-1].lower() not in determiners()
    )
    return Parsed(
        tuple(entities), person, person_name, tuple(title_roles), sector, head_role, modifier_only
    )


def _group_name(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    dets = determiners()
    while words and words[0].lower() in dets:
        words = words[1:]
    name = " ".join(words)
    return normalise_key(name) if name.endswith(("'s", "’s")) else name


def actor_from_parsed(parsed: Parsed, text: str) -> Actor | None:
    """Combine a parsed phrase into an actor (None when nothing political is named)."""
    if parsed.person_name is not None:
        code = parsed.entities[0].code if parsed.entities else None
        if code is None and parsed.person is not None:
            code = parsed.person.code
        return Actor(name=parsed.person_name, code=code, sector=parsed.sector)
    if parsed.entities and parsed.modifier_only:
        # "the US singer", "Iraqi towns": the name only modifies the head, which keeps the
        # code (PLOVER codes such phrases by country) but not the country's own name;
        # "U.S. air strikes": the name in front of an attack is the armed force that attacks
        sector = "MIL" if attack_head(text) else None
        return Actor(name=_group_name(text), code=parsed.entities[0].code, sector=sector)
    if parsed.entities:
        first = parsed.entities[0]
        if len(parsed.entities) == 1 and not parsed.head_role:
            return Actor(name=first.name, code=first.code, sector=parsed.sector)
        return Actor(name=_group_name(text), code=first.code, sector=parsed.sector)
    if parsed.head_role:
        return Actor(name=_group_name(text), code=None, sector=parsed.sector)
    return None


@functools.lru_cache(maxsize=65536)
def resolve_name(text: str, context: frozenset[str] | None = None) -> Actor | None:
    """The actor a mention names on its own, or None. ``context``: the article's codes
    (``context.article_context``): they pick the reading of an ambiguous name and let a bare
    surname be a known person only where they name that person's country or affiliation;
    None (a phrase without its article): the tables' first reading and person.

    >>> resolve_name("the Kremlin")
    Actor(name='Kremlin', code='RUS', sector='GOV')
    >>> resolve_name("Hungarian officials")
    Actor(name='Hungarian officials', code='HUN', sector='GOV')
    """
    text = _CURRENCY.sub("", text).strip()
    if not text:
        return None
    toks = _tokens(text)
    if len(toks) == 1 and toks[0][:1].isupper() and not _abbreviation(text):
        known = person_in_context(normalise_key(toks[0]), context)
        if known is not None and lookup_proper(toks[0]) is None:
            return Actor(name=known.name, code=known.code, sector=known.sector)
        variant = None if lookup_proper(toks[0]) else lookup_country_variant(toks[0])
        if variant is not None:  # "Afganistan": a spelling variant of a country's name
            return Actor(name=variant.name, code=variant.code)
    return actor_from_parsed(parse_phrase(text, context), text)


def _abbreviation(text: str) -> bool:
    """"Sen.", "Gen.": a word cut short by a full stop is a title, never a surname."""
    word = text.strip()
    return word.endswith(".") and len(word) <= 5 and word[:-1].isalpha()
