"""Actor dictionaries: countries, metonyms, organisations, people and role words.

The data live in ``wirewatch/data/actors/*.csv`` (reviewed, one line per entry) and pycountry.
They are compiled once per process into lookup tables keyed by normalised phrase, so that
resolving a mention is a handful of dictionary look-ups.

Keys: dots are removed ("U.S." -> "US") and curly apostrophes straightened. Acronyms (short,
all capitals) are matched with their exact case, so "US" never matches the pronoun "us"; other
proper names are matched case-insensitively but only where the text starts with a capital.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import pycountry

EntryKind = Literal["country", "metonym", "org", "person"]

_ACRONYM = re.compile(r"^[A-Z0-9&-]{2,6}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One known proper name: what it is, its display name, code and default sector."""

    kind: EntryKind
    name: str
    code: str | None
    sector: str | None
    nouns: tuple[str, ...] = ()  # for organisations: "alliance", "bloc", ...
    context: tuple[str, ...] = ()  # codes that place it: a person's country and affiliations
    offices: tuple[str, ...] = ()  # a person's offices, lower case ("prime minister 2014-")


@dataclass(frozen=True, slots=True)
class Tables:
    exact: dict[str, Entry]  # acronyms, exact case
    folded: dict[str, tuple[Entry, bool]]  # lower-case key -> (entry, needs a capital)
    roles: dict[str, str]  # lower-case role phrase -> sector
    role_heads: frozenset[str]  # the last word of every role phrase ("officials", "outlets")
    modifiers: dict[str, str]  # "former" -> "ELI"
    pronouns: frozenset[str]  # refer to the latest person
    group_pronouns: frozenset[str]  # refer to the latest organisation or group
    surnames: dict[str, tuple[Entry, ...]]  # lower-case surname -> people, in table order
    readings: dict[str, tuple[tuple[Entry, frozenset[str]], ...]]  # key -> (entry, context codes)
    max_words: int


def normalise_key(text: str) -> str:
    """The form of a phrase used as a key: no dots, straight apostrophes, single spaces."""
    text = text.replace("’", "'").replace(".", "")
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return " ".join(text.split())


def display_name(text: str) -> str:
    """A name as written, for display: single spaces, no possessive ending; initials keep
    their full stops ("S. Daniel Abraham's" -> "S. Daniel Abraham")."""
    text = " ".join(text.split())
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = resources.files("wirewatch").joinpath("data", "actors", name)
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines)


def _lines(name: str) -> list[str]:
    path = resources.files("wirewatch").joinpath("data", "actors", name)
    text = path.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


class _Builder:
    def __init__(self) -> None:
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, tuple[Entry, bool]] = {}
        self.max_words = 1

    def add(self, alias: str, entry: Entry, *, override: bool = False) -> None:
        key = normalise_key(alias)
        if not key:
            return
        self.max_words = max(self.max_words, len(key.split()))
        if _ACRONYM.match(key):
            if override or key not in self.exact:
                self.exact[key] = entry
            return
        folded = key.lower()
        if override or folded not in self.folded:
            self.folded[folded] = (entry, key[0].isupper())


@functools.cache
def tables() -> Tables:
    """The compiled dictionaries (built on first use, then shared by the whole process)."""
    build = _Builder()
    country_names: dict[str, str] = {}
    for row in _rows("countries.csv"):
        names = [n.strip() for n in row["names"].split("|") if n.strip()]
        country_names[row["code"]] = names[0]
        entry = Entry("country", names[0], row["code"], None)
        for name in names:
            build.add(name, entry, override=True)
    for country in pycountry.countries:
        code = str(country.alpha_3)
        display = country_names.get(code) or getattr(country, "common_name", None) or country.name
        entry = Entry("country", str(display), code, None)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                build.add(str(value), entry)
    for row in _rows("metonyms.csv"):
        metonym = Entry("metonym", row["name"], row["code"], row["sector"])
        build.add(row["name"], metonym, override=True)
    for row in _rows("organisations.csv"):
        nouns = tuple(n.strip() for n in row["kind"].split("|") if n.strip())
        entry = Entry("org", row["name"], row["code"] or None, None, nouns)
        for alias in [row["name"], *row["aliases"].split("|")]:
            build.add(alias.strip(), entry, override=True)
    surnames: dict[str, list[Entry]] = {}
    family_first = frozenset(_lines("family_name_first.txt"))
    for row in _rows("people.csv"):
        person_code = row["code"] or None
        codes: list[str] = [person_code] if person_code else []
        codes += [c.strip() for c in (row.get("affiliations") or "").split("|") if c.strip()]
        offices = tuple(o.strip().lower() for o in (row.get("offices") or "").split("|")
                        if o.strip())
        entry = Entry("person", row["name"], person_code, row["sector"] or None, (),
                      tuple(codes), offices)
        aliases = [row["name"], *(a for a in row["aliases"].split("|") if a.strip())]
        for alias in aliases:
            build.add(alias.strip(), entry, override=True)
            keys = [surname_of(alias)]
            if family_first.intersection(codes):  # "Moon Jae-in": "Moon" too
                keys.append(normalise_key(alias).split()[0].lower())
            for key in keys:
                if key and entry not in surnames.setdefault(key, []):
                    surnames[key].append(entry)
    roles = {normalise_key(r["role"]).lower(): r["sector"] for r in _rows("roles.csv")}
    modifiers = {r["word"].lower(): r["effect"] for r in _rows("modifiers.csv")}
    max_words = max(build.max_words, *(len(k.split()) for k in roles))
    readings: dict[str, list[tuple[Entry, frozenset[str]]]] = {}
    for row in _rows("readings.csv"):
        target = _lookup(build, row["reads_as"])
        if target is None:
            raise ValueError(f"readings.csv: {row['reads_as']!r} is in no actor table")
        context = frozenset(c.strip() for c in row["context"].split("|") if c.strip())
        readings.setdefault(_reading_key(row["alias"]), []).append((target, context))
    return Tables(
        exact=build.exact,
        folded=build.folded,
        roles=roles,
        role_heads=frozenset(k.split()[-1] for k in roles),
        modifiers=modifiers,
        pronouns=frozenset(w.lower() for w in _lines("pronouns.txt")),
        group_pronouns=frozenset(w.lower() for w in _lines("group_pronouns.txt")),
        surnames={k: tuple(v) for k, v in surnames.items()},
        readings={k: tuple(v) for k, v in readings.items()},
        max_words=max_words,
    )


# "Jr", "III": the word before them is the surname
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_of(name: str) -> str | None:
    """The lower-case surname key of a full name: its last word that is not a generational
    suffix ("Ferdinand Marcos Jr" -> "marcos"), None for a one-word name."""
    words = normalise_key(name).lower().split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] if len(words) > 1 else None


def _lookup(build: _Builder, name: str) -> Entry | None:
    key = normalise_key(name)
    hit = build.exact.get(key)
    if hit is None and key.lower() in build.folded:
        hit = build.folded[key.lower()][0]
    return hit


def _reading_key(phrase: str) -> str:
    key = normalise_key(phrase)
    return key[4:] if key.lower().startswith("the ") else key


def read_in_context(phrase: str, entry: Entry | None, context: frozenset[str] | None
                    ) -> Entry | None:
    """The reading of an ambiguous name that the article's codes call for (data/actors/
    readings.csv: "RSF" in an article that names Sudan is the Rapid Support Forces), else
    ``entry``, the reading without context. Acronyms match with their exact case."""
    if not context:
        return entry
    options = tables().readings.get(_reading_key(phrase))
    if options is None:
        return entry
    for reading, codes in options:
        if codes & context:
            return reading
    return entry


def is_ambiguous(phrase: str) -> bool:
    """Does the name have a reading that depends on the article (readings.csv)?"""
    return _reading_key(phrase) in tables().readings


@functools.lru_cache(maxsize=1 << 16)  # the same names recur within and across articles
def lookup_proper(phrase: str) -> Entry | None:
    """The entry a proper-name phrase names, or None ("the Kremlin" -> Kremlin, RUS, GOV)."""
    table = tables()
    key = normalise_key(phrase)
    keys = [key, key[4:]] if key.lower().startswith("the ") else [key]
    for candidate in keys:  # "The Hague" is a name; "the Kremlin" is "Kremlin"
        if not candidate:
            continue
        hit = table.exact.get(candidate)
        if hit is not None:
            return hit
        folded = table.folded.get(candidate.lower())
        if folded is not None and (candidate[0].isupper() or not folded[1]):
            return folded[0]
    return None


@functools.cache
def plover_classes() -> dict[str, str]:
    """An organisation's own code -> PLOVER/CAMEO's generic class for it ("NATO" -> "IGO"),
    from the ``plover_code`` column of organisations.csv."""
    return {r["code"]: r["plover_code"] for r in _rows("organisations.csv") if r["plover_code"]}


def plover_code(code: str | None) -> str | None:
    """The code PLOVER's gold records would use: the generic class (IGO, NGO, IMG) for an
    organisation's own code, any other code unchanged ("NATO" -> "IGO", "RUS" -> "RUS")."""
    if code is None:
        return None
    return plover_classes().get(code, code)


def _fold(text: str) -> str:
    """Lower case without accents ("François" -> "francois")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _by_length(pairs: Iterable[tuple[str, Entry]]) -> dict[int, tuple[tuple[str, Entry], ...]]:
    """Keys grouped by length: a key one edit away has a length within one of the probe's."""
    groups: dict[int, list[tuple[str, Entry]]] = {}
    for key, entry in pairs:
        groups.setdefault(len(key), []).append((key, entry))
    return {length: tuple(group) for length, group in groups.items()}


def _near(groups: dict[int, tuple[tuple[str, Entry], ...]], key: str
          ) -> Iterator[tuple[str, Entry]]:
    for length in (len(key) - 1, len(key), len(key) + 1):
        yield from groups.get(length, ())


@functools.cache
def _person_keys() -> dict[int, tuple[tuple[str, Entry], ...]]:
    return _by_length((_fold(key), entry) for key, (entry, _) in tables().folded.items()
                      if entry.kind == "person" and " " in key)


def _one_edit(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by at most one inserted, deleted or replaced letter, or two
    neighbours swapped ("Khol", "Kohl")?"""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b) and i + 1 < len(a) and (a[i], a[i + 1]) == (b[i + 1], b[i]):
        return a[i + 2:] == b[i + 2:]
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def lookup_person_variant(name: str) -> Entry | None:
    """The one person of people.csv whose full name is ``name`` up to accents and one letter
    (a spelling variant: "Francois Mitterand", "Moammar Khadafi" is two letters: no). Only
    names of two words and 10 letters or more, so short names never meet by accident."""
    key = _fold(normalise_key(name))
    if len(key) < 10 or " " not in key:
        return None
    hits = {entry for other, entry in _near(_person_keys(), key) if _one_edit(other, key)}
    return hits.pop() if len(hits) == 1 else None


@functools.cache
def _country_keys() -> dict[int, tuple[tuple[str, Entry], ...]]:
    return _by_length((_fold(key), entry) for key, (entry, _) in tables().folded.items()
                      if entry.kind == "country" and " " not in key and len(key) >= 9)


def lookup_country_variant(word: str) -> Entry | None:
    """The one country whose one-word name or demonym is ``word`` up to one letter or one
    swap ("Afganistan", "Indonesain"); names of 9 letters or more on both sides only, so
    short names ("Niger", "Nigeria"; "Dominica", "Dominican") never meet by accident."""
    key = _fold(normalise_key(word))
    if len(key) < 9 or " " in key:
        return None
    hits = {(e.code, e.name): e for other, e in _near(_country_keys(), key)
            if _one_edit(other, key)}
    return next(iter(hits.values())) if len(hits) == 1 else None


def lookup_role(phrase: str) -> str | None:
    """The PLOVER sector of a role phrase ("Foreign Minister" -> GOV), or None."""
    return tables().roles.get(normalise_key(phrase).lower())


def person_in_context(surname: str, context: frozenset[str] | None, *,
                      title: str | None = None) -> Entry | None:
    """The person of people.csv with this surname whose country or affiliation the article
    names. ``title``: the office the text gives the surname ("President Kohl", "the Reagan
    administration": ``"president"``, ``"government"``), which lets a person whose recorded
    offices fit it (or who has none recorded) match without context. ``context=None`` (a
    phrase coded on its own, no article): the table's first."""
    people = tables().surnames.get(surname.lower(), ())
    if context is None:
        return people[0] if people else None
    found = next((p for p in people if set(p.context) & context), None)
    if found is None and title is not None:
        found = next((p for p in people if _holds(p, title)), None)
    return found


# the nouns after a surname that name a head of government's team ("the Reagan administration")
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet", "regime"})
_HEAD_OFFICES = ("president", "prime minister", "chancellor", "premier", "king", "leader",
                 "emir", "chairman")


def _holds(person: Entry, title: str) -> bool:
    if not person.offices:
        return True
    wanted = _HEAD_OFFICES if title in GOVERNMENT_NOUNS else (title,)
    return any(w in office for w in wanted for office in person.offices)
