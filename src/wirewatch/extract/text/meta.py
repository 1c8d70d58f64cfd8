"""Metadata from the lines of scraped text: title, date, byline, section, caption, site, related.

The rules look at the page head (the lines above the article body and its first few lines)
and, for the site name, at the footer's generic phrases ("<Name> Privacy policy",
"<Name> News App", "© <Name>"). Each line a rule takes gets a ``meta.*`` reason, so the body
leaves it out and the drop is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from wirewatch.extract.text.captions import (
    caption_cues,
    is_caption,
    may_have_credit,
    split_caption,
)
from wirewatch.extract.text.dates import date_from_url, find_date
from wirewatch.extract.text.lines import (
    Line,
    normalise_key,
    related_markers,
)
from wirewatch.extract.text.names import (
    bare_name,
    parse_byline,
)
from wirewatch.extract.text.title import choose_title, is_headline_tail, lead_words

_KEY = attrgetter("key")
HEAD_SPAN = 40  # lines above the body start searched for the title, date and byline
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of|de|the|&)?\s*[A-Z0-9][\w.&'’-]*){0,3}"
_NAME_LAZY = _NAME.replace("{0,3}", "{0,3}?")
_SITE_RULES = [
    re.compile(rf"\b(?:read|see)\s+(?:the\s+)?(?P<name>{_NAME})\s+privacy\s+policy", re.I),
    re.compile(rf"^(?P<name>{_NAME_LAZY})\s+(?:News\s+)?Apps?$"),
    re.compile(rf"^(?:download|get)\s+(?:the\s+)?(?P<name>{_NAME})\s+(?:news\s+)?app\b", re.I),
]
_COPYRIGHT_NAME = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?(?P<name>{_NAME})", re.I
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+(?:\||—|–|::|-)\s+(?P<name>[^|—–]{2,40})$")
_LEGAL = re.compile(r"[\s,]+(?:inc|llc|ltd|plc|gmbh|s\.?a|co|corp|limited|group)\.?$", re.I)
_BREADCRUMB = re.compile(
    r"^(?:home|start|startseite|accueil|inicio|início|home page)\s*(?P<rest>.*)$", re.I
)
# first characters _BREADCRUMB can match (IGNORECASE also matches İ ı to i and ſ to s)
_CRUMB_FIRSTS = frozenset("hHsSaAiIİıſ")
_CRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\||→|::)\s*")
_SEGMENT = re.compile(r"\s+[•·|]\s+")
_SHARE_COUNT = re.compile(r"^\d+ (?:shares?|comments?|views?|likes?)$")
DATE_SHARE = 0.15  # share of a date line's characters the date itself must cover
DATE_LINE_WORDS = 20
NAME_NEAR_DATE = 3  # lines between a date line and a name-only byline
NAME_NEAR_TITLE = 6
_URL_WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Meta:
    """What the metadata rules found, and the line numbers they took (line -> reason)."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    site: str | None = None
    related: list[str] = field(default_factory=list)
    taken: dict[int, str] = field(default_factory=dict)


def _clean_name(name: str) -> str:
    name = _LEGAL.sub("", name.strip(" .,;:“”\"'"))
    return name.strip()


def find_site(lines: list[Line]) -> str | None:
    """The publisher's name from generic footer phrases, else a copyright holder."""
    candidates = [ln for ln in lines if ln.words <= 20 and ("privacy" in ln.key or "app" in ln.key)]
    for rule in _SITE_RULES:
        for line in reversed(candidates):
            match = rule.search(line.text)
            if match:
                return _clean_name(match.group("name"))
    return None


def _copyright_site(lines: list[Line]) -> str | None:
    for line in reversed(lines):
        text = line.text
        # every match holds "©", "(c)" or "copyright": substring tests before the regex
        if line.words <= 25 and ("©" in text or "(" in text or "copyright" in line.key):
            match = _COPYRIGHT_NAME.search(text)
            if match:
                name = _clean_name(match.group("name"))
                if name and name.lower() not in {"all", "the", "copyright"}:
                    return name
    return None


@cache
def _related_pattern() -> re.Pattern[str]:
    words = sorted(related_markers(), key=len, reverse=True)
    alternation = "|".join(r"\W+".join(re.escape(w) for w in m.split()) for m in words)
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation})\s*:\s*", re.I)


@cache
def _related_firsts() -> frozenset[str]:
    return frozenset(m.split()[0] for m in related_markers() if m)


def related_headline(line: Line) -> str | None:
    """The headline of an inserted link ("X READ MORE: X", "Read more: X"), or None."""
    if line.words > 40 or ":" not in line.text:
        return None
    if _related_firsts().isdisjoint(line.tokens):
        return None  # a marker's first word is always a whole word of the line
    text = line.text
    for marker in _related_pattern().finditer(text):
        after = text[marker.end() :].strip()
        before = text[: marker.start()].strip()
        if after and (not before or normalise_key(before) == normalise_key(after)):
            return after
    return None


def _section(lines: list[Line], title_pos: int | None) -> tuple[str, int] | None:
    for pos, line in enumerate(lines[: (title_pos if title_pos is not None else 10) + 1]):
        if line.text[:1] not in _CRUMB_FIRSTS:
            continue  # the breadcrumb regex needs a home/start/accueil/inicio word first
        match = _BREADCRUMB.match(line.text)
        if not match or line.words > 15:
            continue
        rest = match.group("rest").strip()
        crumbs = [c for c in _CRUMB_SEP.split(rest) if c]
        if crumbs and (rest[:1].isupper() or _CRUMB_SEP.match(line.text[4:6] or "x")):
            return crumbs[-1], pos
    if title_pos:
        for pos in range(title_pos - 1, max(-1, title_pos - 3), -1):
            line = lines[pos]
            if (
                1 <= line.words <= 4
                and line.chrome in (None, "chrome.nav")
                and not line.bullet
                and find_date(line.text) is None
                and not line.text.endswith((".", ":"))
            ):
                return line.text, pos
    return None


def _url_words(url: str | None) -> frozenset[str]:
    """Lower-case words of a URL's path (its slug usually repeats the headline)."""
    if not url:
        return frozenset()
    path = url.split("://", 1)[-1].partition("/")[2]
    return frozenset(w for w in _URL_WORD.findall(path.lower()) if len(w) > 2 and not w.isdigit())


def _date_line(line: Line) -> str | None:
    """The date of a short line that is mostly a date ("Posted 2 Dec, 2021 11:07")."""
    text = line.text
    if line.words > DATE_LINE_WORDS or ("19" not in text and "20" not in text):
        return None  # a date needs a year 19xx or 20xx (so the line has digits)
    found = find_date(line.text)
    if found and (found[2] - found[1]) >= DATE_SHARE * len(line.text):
        return found[0]
    return None


def _nearest_date_line(
    lines: list[Line], body_start: int, body_end: int, taken: dict[int, str]
) -> str | None:
    """The date line closest to the body start anywhere before the body's end."""
    best: tuple[int, int, str] | None = None
    for pos in range(0, min(body_end, len(lines))):
        text = lines[pos].text
        if "19" not in text and "20" not in text:
            continue  # _date_line's first test, without the call
        found = _date_line(lines[pos])
        if found is not None:
            distance = abs(pos - body_start)
            if best is None or distance < best[0]:
                best = (distance, pos, found)
    if best is None:
        return None
    taken.setdefault(best[1], "meta.date")
    return best[2]


def _bare_name_near(lines: list[Line], meta: Meta, anchors: list[int], span: int) -> None:
    """Take the closest name-only line within ``span`` lines of an anchor as the byline."""
    order = sorted(
        (abs(pos - a), pos)
        for a in anchors
        for pos in range(max(0, a - span), min(len(lines), a + span + 1))
        if pos != a
    )
    for _, pos in order:
        if pos not in meta.taken:
            names = bare_name(lines[pos])
            if names:
                meta.authors = names
                meta.taken[pos] = "meta.byline"
                return


def find_meta(
    lines: list[Line],
    body_start: int,
    date_hint: str | None,
    url: str | None = None,
    *,
    body_end: int | None = None,
    key_counts: Counter[str] | None = None,
) -> Meta:
    """Metadata from the non-empty ``lines`` of a page whose body spans [start, end).

    ``key_counts``: ``Counter(line.key for line in lines)`` when the caller has it already.
    """
    if key_counts is None:
        key_counts = Counter(map(_KEY, lines))
    if body_end is None:
        body_end = len(lines)
    meta = Meta()
    head_from = max(0, body_start - HEAD_SPAN)
    head_to = min(len(lines), body_start + 4)
    anchors: set[int] = {body_start}
    # credit words and photo agencies present from the head to the body's end
    # (only lines of up to 60 words are ever tested against them, so only those are searched)
    cues = caption_cues(
        "\n".join([line.text for line in lines[head_from:body_end] if line.words <= 60])
    )
    for pos in range(head_from, head_to):
        line = lines[pos]
        if line.words > 60:
            continue
        if not meta.authors and line.words <= 20:
            authors: tuple[str, ...] = ()
            text = line.text
            segments = _SEGMENT.split(text) if "•" in text or "·" in text or "|" in text else [text]
            for segment in segments:
                authors = parse_byline(segment)
                if authors:
                    break
            if authors:
                meta.authors = authors
                meta.taken[pos] = "meta.byline"
                anchors.add(pos)
                found = find_date(line.text)
                if found and meta.published is None:
                    meta.published = found[0]
                continue
        if line.words <= DATE_LINE_WORDS and meta.published is None:
            iso = _date_line(line)
            if iso:
                meta.published = iso
                meta.taken[pos] = "meta.date"
                anchors.add(pos)
                continue
        if meta.image_caption is None and line.words >= 2 and may_have_credit(line.text, cues):
            pair = split_caption(line.text)
            if pair is not None:
                meta.image_caption, meta.image_credit = pair[0] or None, pair[1]
                meta.taken[pos] = "meta.caption"
    for pos, line in enumerate(lines[body_start:body_end], start=body_start):
        if pos not in meta.taken and line.words <= 60 and is_caption(line.text, cues):
            meta.taken[pos] = "meta.caption_other"  # an image caption inside the article
    if meta.published is None:
        meta.published = _nearest_date_line(lines, body_start, body_end, meta.taken)
    url_date = date_from_url(url)
    if url_date is not None and (meta.published is None or meta.published[:10] != url_date):
        meta.published = url_date  # a date in the URL path is the publication date
    if meta.published is None:
        meta.published = date_hint
    if not meta.authors:
        # a line that is only a name, next to the date line: the byline without "By"
        dates = [pos for pos, reason in meta.taken.items() if reason == "meta.date"]
        _bare_name_near(lines, meta, dates, NAME_NEAR_DATE)
    head_end = min(body_start, len(lines) - 1)
    lead, lead_after = lead_words(lines, body_start, body_end)
    title_pos = choose_title(
        lines, head_end, anchors, meta.taken, _url_words(url), key_counts, lead, lead_after
    )
    if title_pos is not None:
        meta.title = lines[title_pos].text
        meta.taken[title_pos] = "meta.title"
        title_key = lines[title_pos].key
        if key_counts[title_key] > 1:  # the title repeats on the page
            for pos in [pos for pos, line in enumerate(lines) if line.key == title_key]:
                if pos != title_pos:
                    meta.taken[pos] = "meta.title_repeat"
        suffix = _TITLE_SUFFIX.match(meta.title)
        if (
            suffix
            and len(suffix.group("name").split()) <= 4
            and not is_headline_tail(suffix.group("name"))
        ):
            meta.site = _clean_name(suffix.group("name"))
            meta.title = suffix.group("title")
    if not meta.authors and title_pos is not None:
        _bare_name_near(lines, meta, [title_pos], NAME_NEAR_TITLE)
    section = _section(lines, title_pos)
    if section is not None and section[1] not in meta.taken:
        meta.section = section[0]
        meta.taken[section[1]] = "meta.section"
    # every inserted link has its marker's colon
    for pos in [pos for pos in range(head_from, len(lines)) if ":" in lines[pos].text]:
        headline = related_headline(lines[pos])
        if headline is not None:
            meta.related.append(headline)
            meta.taken[pos] = "meta.related"
    meta.site = find_site(lines) or meta.site or _copyright_site(lines)
    return meta
