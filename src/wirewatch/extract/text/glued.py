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
from bisect import bisect_right
from collections import Counter
from functools import cache
from itertools import accumulate

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
_CUE_WORDS = ("pdated", "ublished", "osted", "odified", "PDATED", "UBLISHED", "OSTED")
MIN_REST_WORDS = 6  # words a paragraph must keep for the stamp to be split off
# a lower-case letter, digit or "&"-less end, then a capital with no space: a glued boundary
_GLUE = re.compile(r"(?<=[a-z\u00e0-\u024f0-9)])(?=[A-Z\u00c0-\u00de])")
# a line whose first word has a capital right after a small letter ("HomeWorldThe")
_GLUED_FIRST = re.compile(r"\n[A-Z][a-z]+[A-Z]")  # a literal first: a fast scan
_GLUE_POINT = re.compile(r"[a-z][A-Z]")  # ASCII glue points, counted per line
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


def split_glued(numbered: list[tuple[int, str]], content: str) -> list[tuple[int, str]]:
    """The lines with glued date stamps and breadcrumbs split off (see the module doc).

    The candidate lines are found by two searches over the joined lines (a stamp word; a
    first word with a capital after a small letter), so most lines cost nothing.
    """
    if not numbered:
        return numbered
    joined = "\n".join(raw for _, raw in numbered)
    hits: list[int] = []
    for word in _CUE_WORDS:  # str.find: far faster than a regex alternation over the page
        if word in content:
            at = joined.find(word)
            while at != -1:
                hits.append(at)
                at = joined.find(word, at + 1)
    crumbs = [m.start() for m in _GLUED_FIRST.finditer("\n" + joined)]  # offsets + 1 - 1
    glue_points = [m.start() for m in _GLUE_POINT.finditer(joined)]
    if not hits and not crumbs and len(glue_points) < MENU_GLUES:
        return numbered
    starts = list(accumulate((len(raw) + 1 for _, raw in numbered), initial=0))
    stamp_lines = {bisect_right(starts, at) - 1 for at in hits}
    crumb_lines = {bisect_right(starts, at) - 1 for at in crumbs}
    glue_counts = Counter(bisect_right(starts, at) - 1 for at in glue_points)
    menu_lines = {n for n, count in glue_counts.items() if count >= MENU_GLUES}
    sections = section_words()
    out: list[tuple[int, str]] = []
    for number, (index, raw) in enumerate(numbered):
        if number in stamp_lines:
            out.extend((index, piece) for piece in split_stamp(raw))
            continue
        if number in crumb_lines:
            first_word = raw.split(None, 1)[0]
            if first_word.isalpha() and _GLUE.split(first_word, maxsplit=1)[0].lower() in sections:
                out.extend((index, piece) for piece in split_breadcrumb(raw))
                continue
        if number in menu_lines:
            out.extend((index, piece) for piece in split_menu(raw))
            continue
        out.append((index, raw))
    return out


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
