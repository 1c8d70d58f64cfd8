"""Author names from bylines and name-only lines of scraped text."""

from __future__ import annotations

import re
from functools import cache

from wirewatch.extract.text.chrome import (
    exact_phrases,
)
from wirewatch.extract.text.dates import find_date
from wirewatch.extract.text.lines import (
    Line,
    data_lines,
    normalise_key,
    stopwords,
)

BYLINE = re.compile(
    r"^(?:(?:by|written by|words by|story by|posted by|authored by|author|von|par|por|di)"
    r"\s*[:\s]\s*|(?-i:By(?=[A-Z][a-z])))(?P<names>.+)$",
    re.I,
)
# the first characters a BYLINE match can have: its words' initials in either case, and "ſ"
# (IGNORECASE matches it to "s"); tests/extract/test_text_speed4.py checks every code point
BYLINE_FIRSTS = frozenset("bBwWsSpPaAvVdDſ")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
_NAME_STOP = re.compile(
    r"\s*(?:\||—|–| - |•|·|/|\bon\b|\b(?:last )?updated\b|\bpublished\b|\bfor\b|\().*$",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:van|von|de|der|da|di|del|la|le|bin|al)?\s*"
    r"[A-ZÀ-Ý][\w.'’-]*){0,3}$"
)
_DOMAIN = re.compile(r"\.[a-z]{2,}\b")
_DESK_ROLE = re.compile(
    r"(?:\s+[A-Z][\w&-]+)?\s+(?:editor|correspondent|reporter|writer|columnist|producer)$"
)
_NAME_PARTICLES = frozenset({"de", "la", "van", "von", "der", "da", "di", "del", "le", "al"})


@cache
def _roles() -> tuple[frozenset[str], re.Pattern[str]]:
    """Job titles after a name: all of them as a set, and a pattern for a name's tail.

    Several-word roles ("Staff Writer") may follow a space; one-word roles ("Reporter") only a
    comma or a glued lower-case letter, so a surname like "Writer" survives.
    """
    roles = sorted(data_lines("author_roles.txt"), key=len, reverse=True)
    many = "|".join(r"\s+".join(re.escape(w) for w in r.split()) for r in roles if " " in r)
    one = "|".join(re.escape(r) for r in roles if " " not in r)
    tail = re.compile(
        rf"(?:(?:[\s,]+|(?<=[a-z]))(?:{many})|(?:\s*,\s*|(?<=[a-z]))(?:{one}))\.?$",
        re.IGNORECASE,
    )
    return frozenset(normalise_key(r) for r in roles), tail


def clean_names(text: str) -> tuple[str, ...]:
    """Person names from the name part of a byline, roles and outlets removed."""
    names = _NAME_STOP.sub("", text)
    date = find_date(names)
    if date is not None:
        names = names[: date[1]]
    out = []
    for part in _NAME_SPLIT.split(names):
        roles, tail = _roles()
        part = tail.sub("", part.strip(" .,;:")).strip(" .,;:")
        part = _DESK_ROLE.sub("", part)  # "Richard Adams Education editor"
        if not part or normalise_key(part) in roles or part.lower() in {"the", "staff"}:
            continue
        if not _PERSON.match(part):
            continue
        if (part.isupper() and " " not in part) or _DOMAIN.search(part):
            continue  # an agency or outlet ("CNN", "Phys.org"), not a person
        out.append(part)
    return tuple(out)


def parse_byline(text: str) -> tuple[str, ...]:
    """Author names from a byline ("By Jane Roe and John Doe | Reuters"), or ()."""
    text = text.strip()
    if text[:1] not in BYLINE_FIRSTS:
        return ()  # no byline word starts the line: the regex need not run
    match = BYLINE.match(text)
    if not match:
        return ()
    return clean_names(match.group("names"))


def bare_name(line: Line) -> tuple[str, ...]:
    """A line that is only a person's name (2 to 4 capitalised words), as a byline would be."""
    if not 2 <= line.words <= 6 or line.chrome or line.bullet or line.text.endswith((".", ":")):
        return ()
    names = clean_names(line.text)
    if not names or not all(2 <= len(n.split()) <= 4 for n in names):
        return ()
    words = " ".join(names).split()
    if any(normalise_key(w) in _not_name_words() for w in words):
        return ()  # "View All Travel", "Get The App": page furniture, not a person
    if any(len(w) >= 3 and w.isupper() for w in words):
        return ()  # an acronym: an organisation
    return names


@cache
def chrome_words() -> frozenset[str]:
    """Every word of the whole-line chrome phrases (share, subscribe, account, menu, ...)."""
    return frozenset(word for phrase in exact_phrases() for word in phrase.split())


@cache
def _not_name_words() -> frozenset[str]:
    """Words no name-only byline contains: English stopwords and the chrome phrase words."""
    words = set(stopwords().get("en", frozenset())) | chrome_words()
    return frozenset(words - _NAME_PARTICLES)
