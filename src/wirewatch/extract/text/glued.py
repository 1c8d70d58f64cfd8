"""Split page furniture that a scraper glued onto a text line, before the lines are judged.

- **Date stamps**: "Updated: 12 March 2023 10:15 IST The government said ..." (a stamp glued in
  front of paragraph one, or behind the last one: "... said. Published on: Tuesday, August 17,
  2021, 07:27 PM IST"). The stamp becomes a line of its own, which the metadata rules read as
  the date (``meta.date``), and the paragraph keeps its own text.
- **Breadcrumbs glued to the headline** (BeautifulSoup ``get_text()`` with no separator):
  "HomeWorldThe minister says ..." starts with a run of section words with no space before the
  next capital. The crumbs ("Home", "World") become one line "Home > World", read as the
  section; the rest, when it reads like a headline (four words or more, some in lower case),
  becomes a line of its own. A crumb is a word of ``data/chrome/sections.txt`` or a short run
  of capitalised words ("Russia & Former Soviet Union" stays one crumb).

Both keep the number of the line they came from.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from wirewatch.extract.text.lines import data_lines

_STAMP_WORDS = (
    r"(?:last\s+)?(?:updated|published|posted|modified|first\s+published)(?:\s+on|\s+at)?"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # English month names
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
)
_TIME = (  # a time, with a time zone in capitals ("IST", "GMT") even under IGNORECASE
    r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?-i:[A-Z]{2,4})\b)?)?"
)
_STAMP = rf"{_STAMP_WORDS}\s*:?\s*{_DATE}{_TIME}"
_STAMP_HEAD = re.compile(rf"^\s*\(?{_STAMP}\)?\s*[|:–—-]?\s*", re.IGNORECASE)
_STAMP_TAIL = re.compile(rf"(?<=[.!?”\"'])\s*\(?{_STAMP}\)?\s*$", re.IGNORECASE)
_CUE_WORDS = ("pdated", "ublished", "PDATED", "UBLISHED")  # "Updated", "Published" stamps
MIN_REST_WORDS = 6  # words a paragraph must keep for the stamp to be split off
# a lower-case letter, digit or "&"-less end, then a capital with no space: a glued boundary
_GLUE = re.compile(r"(?<=[a-z\u00e0-\u024f0-9)])(?=[A-Z\u00c0-\u00de])")
# a line whose first word has a capital right after a small letter ("HomeWorldThe")
_GLUED_FIRST = re.compile(r"\n[A-Z][a-z]+[A-Z]")  # a literal first: a fast scan
# bytes -> "a" for a-z, "A" for A-Z, a space otherwise (``_glue_points``)
_CASES = bytes(97 if 97 <= b <= 122 else 65 if 65 <= b <= 90 else 32 for b in range(256))
MENU_GLUES = 4  # glue points a line needs to be read as a glued menu
MENU_ITEM_WORDS = 3  # the median item of a glued menu is this short
MENU_GLUE_DENSITY = 0.35  # glue points per word of a glued menu line
HEADLINE_MIN_WORDS = 4
CRUMB_MAX_WORDS = 4
_PARTICLES = frozenset({"&", "and", "of", "the", "de", "la", "et"})


@cache
def section_words() -> frozenset[str]:
    """Lower-case words that name a site's sections (data/chrome/sections.txt)."""
    return frozenset(w.lower() for w in data_lines("sections.txt"))


def split_glued(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with glued date stamps and breadcrumbs split off (see the module doc).

    The candidate lines are found by two searches over the joined lines (a stamp word; a
    first word with a capital after a small letter), so most lines cost nothing.
    """
    if not numbered:
        return numbered
    joined = "\n".join([raw for _, raw in numbered])
    hits: list[int] = []
    for word in _CUE_WORDS:  # str.find: far faster than a regex alternation over the page
        at = joined.find(word)
        while at != -1:
            hits.append(at)
            at = joined.find(word, at + 1)
    crumbs = [m.start() for m in _GLUED_FIRST.finditer("\n" + joined)]  # offsets + 1 - 1
    glue_points = _glue_points(joined)
    if not hits and not crumbs and len(glue_points) < MENU_GLUES:
        return numbered
    line_at = _line_numbers(joined, [*hits, *crumbs, *glue_points])  # one scan for all
    stamp_lines = {line_at[at] for at in hits}
    crumb_lines = {line_at[at] for at in crumbs}
    glue_counts = Counter(line_at[at] for at in glue_points)
    menu_lines = {n for n, count in glue_counts.items() if count >= MENU_GLUES}
    sections = section_words()
    out: list[tuple[int, str]] = []
    done = 0
    for number in sorted(stamp_lines | crumb_lines | menu_lines):
        out.extend(numbered[done:number])  # the lines between, as they are
        done = number + 1
        index, raw = numbered[number]
        pieces = [raw]
        if number in stamp_lines:
            pieces = split_stamp(raw)
        elif number in crumb_lines and _glued_section(raw, sections):
            pieces = split_breadcrumb(raw)
        elif number in menu_lines:
            pieces = split_menu(raw)
        out.extend((index, piece) for piece in pieces)
    out.extend(numbered[done:])
    return out


def _line_numbers(text: str, offsets: list[int]) -> dict[int, int]:
    """{offset: its line number in ``text``} (the newlines before it), counted from one
    offset to the next in sorted order."""
    numbers: dict[int, int] = {}
    line = previous = 0
    count = text.count
    for at in sorted(set(offsets)):
        line += count("\n", previous, at)
        previous = at
        numbers[at] = line
    return numbers


def _glued_section(raw: str, sections: frozenset[str]) -> bool:
    """Whether the line starts with a section word glued to a capital ("HomeWorld...")."""
    first_word = raw.split(None, 1)[0]
    return first_word.isalpha() and _GLUE.split(first_word, maxsplit=1)[0].lower() in sections


def _glue_points(text: str) -> list[int]:
    """Offsets of every small ASCII letter followed by a capital ("sS" in "NewsSport"): the
    text mapped to a/A/space in one bytes translate (one byte a character), then searched
    with ``bytes.find`` (a regex without a literal prefix scans every position, 10x slower)."""
    cases = text.encode("latin-1", "replace").translate(_CASES)
    found: list[int] = []
    at = cases.find(b"aA")
    while at != -1:
        found.append(at)
        at = cases.find(b"aA", at + 2)
    return found


def split_menu(raw: str) -> list[str]:
    """A run of menu links glued together ("NewsWorldVideoSearchThe minister says ...") cut
    into its items, when they are short (a menu, not prose with "iPhone" or "McDonald" in it);
    else ``[raw]``."""
    pieces = [p.strip() for p in _GLUE.split(raw.strip()) if p.strip()]
    sizes = sorted(len(p.split()) for p in pieces)
    if len(pieces) <= MENU_GLUES or sizes[len(sizes) // 2] > MENU_ITEM_WORDS:
        return [raw]
    if len(pieces) - 1 < MENU_GLUE_DENSITY * len(raw.split()):
        return [raw]  # glue points few for the words: "iPhone", "McDonald" in prose
    return pieces


def split_stamp(raw: str) -> list[str]:
    """``[stamp, paragraph]`` or ``[paragraph, stamp]`` when a date stamp is glued to a
    paragraph of six words or more; else ``[raw]``."""
    head = _STAMP_HEAD.match(raw)
    if head is not None:
        rest = raw[head.end() :]
        if len(rest.split()) >= MIN_REST_WORDS:
            return [raw[: head.end()].strip(" |:–—-"), rest.strip()]
    tail = _STAMP_TAIL.search(raw)
    if tail is not None:
        rest = raw[: tail.start()]
        if len(rest.split()) >= MIN_REST_WORDS:
            return [rest.strip(), raw[tail.start() :].strip()]
    return [raw]


def split_breadcrumb(raw: str) -> list[str]:
    """``["Home > World", headline]`` for a breadcrumb glued to a headline; ``[raw]`` for
    anything else (a glued breadcrumb alone, the seed's "HomeRussia & Former Soviet Union",
    stays as it is for the section rule)."""
    text = raw.strip()
    cuts = [0, *(m.start() for m in _GLUE.finditer(text))]
    sections = section_words()
    crumbs: list[str] = []
    for number, cut in enumerate(cuts):
        end = cuts[number + 1] if number + 1 < len(cuts) else len(text)
        part = text[cut:end].strip()
        words = part.split()
        if part.lower() in sections or (
            len(words) <= CRUMB_MAX_WORDS and all(w[:1].isupper() or w in _PARTICLES for w in words)
        ):
            crumbs.append(part)
            continue
        headline = text[cut:].strip()
        if crumbs and _reads_like_headline(headline.split()):
            return [" > ".join(crumbs), headline]
        return [raw]
    return [raw]


def _reads_like_headline(words: list[str]) -> bool:
    lower = [w for w in words if w[:1].islower() and w not in _PARTICLES]
    return len(words) >= HEADLINE_MIN_WORDS and bool(lower)
