"""Chrome rules for scraped-text lines: which page-furniture family a line belongs to
(icons, comments, share, promo, cookie, copyright, navigation, teasers, language menus) and
lines repeated on the page. The phrase lists are data files in ``wirewatch/data/chrome/``;
``mark_chrome(lines)`` sets ``Line.chrome`` with the reason ``chrome.<family>``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache
from itertools import accumulate, count, repeat
from operator import attrgetter

from wirewatch.extract.text.lines import _KEY, Line, data_lines, normalise_key
from wirewatch.extract.text.phrases import PhraseTable

_CHROME = attrgetter("chrome")
_COMMENT_HEAD = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|thoughts)\b|.{3,80}\s(?:said|says|wrote|writes):$)",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(r"^(?:view |show |read )?\d+ (?:comments?|responses?|replies)$")
# the words a comment count may start with when not a digit (``_COMMENT_COUNT``)
_COUNT_WORDS = ("view ", "show ", "read ")
_COUNT_SUFFIX = re.compile(r"\D\s\(\d{1,5}\)$")
_GLUED_DATELINE = re.compile(r"[^\s:]\s+[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,2}:\s+[A-Z]")
_DATELINE_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'-")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b)", re.IGNORECASE)

_CONSENT = re.compile(r"\b(?:website|browser|browsing|consent|privacy|opt out)\b")
CONTAINS_MAX_WORDS = 12
REPEAT_MAX_WORDS = 8
LONG_PROMO_MAX_WORDS = 60
REPEAT_MIN = 3
FAMILIES = (
    "comments",
    "cookie",
    "login",
    "subscription",
    "newsletter",
    "audio",
    "slideshow",
    "advert",
    "syndication",
    "credit",
    "summary",
    "counter",
    "share",
    "promo",
    "copyright",
    "nav",
)
# a credit line starts so: "(Reporting by ...; Editing by ...)", "Additional reporting by ..."
_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+|contributed\s+)?(?:reporting|writing|editing|edited|compiled|"
    r"translated|translation|produced)\s+(?:by|from)\s+\S",
    re.IGNORECASE,
)
_CREDIT_FIRSTS = frozenset("(aAcCrRwWeEtTpP")
_CREDIT_KEYS = (  # a credit line's key starts with one of these (``_CREDIT``)
    "reporting",
    "additional",
    "contributed",
    "writing",
    "editing",
    "edited",
    "compiled",
    "translated",
    "translation",
    "produced",
)
# "1 / 39", "3 of 12": a slideshow's position; a line that is only a URL (lynx's references)
_SLIDE_COUNT = re.compile(
    r"^(?:(?:image|photo|picture|slide|foto)\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.IGNORECASE
)
_URL_ONLY = re.compile(r"^\d{1,4}\.\s*(?:https?://|www\.)\S+$")  # numbered: a references list
_COUNTER = re.compile(r"^[\d\s.,]+$")
_NAMED_COUNT = re.compile(
    r"^(?:views?|hits|reads|shares?|likes?)\s*:?\s*\d[\d\s.,]*$", re.IGNORECASE
)
_ADVERT = re.compile(r"^-*\s*advert\w*\s*\d{0,2}\s*-*$", re.IGNORECASE)
SUMMARY_BOX_LINES = 5
SUMMARY_ITEM_WORDS = 25
COUNTER_MAX_WORDS = 6


@cache
def exact_phrases() -> dict[str, str]:
    """{normalised phrase: family} for whole-line matches (first family listed wins)."""
    out: dict[str, str] = {}
    for family in FAMILIES:
        for phrase in data_lines(f"{family}.exact.txt"):
            out.setdefault(normalise_key(phrase), family)
    return out


@cache
def contains_table() -> PhraseTable:
    """The substring phrases of every family, ranked by family (FAMILIES order)."""
    return PhraseTable(
        [
            (normalise_key(p), rank)
            for rank, family in enumerate(FAMILIES)
            for p in data_lines(f"{family}.contains.txt")
        ]
    )


@cache
def long_promo_table() -> PhraseTable:
    """The phrases that mark a longer line (up to 60 words) as chrome, ranked by family."""
    return PhraseTable(
        [
            (normalise_key(p), rank)
            for rank, family in enumerate(FAMILIES)
            for p in data_lines(f"{family}.long.txt")
        ]
    )


def pattern_family(line: Line) -> str | None:
    """The chrome family of a short line by its shape: a credit, a counter, a slideshow
    position, an advertisement marker or a bare URL."""
    text = line.text
    words = line.words
    tokens = line.tokens
    if words <= COUNTER_MAX_WORDS and tokens and tokens[-1].isdigit():
        if all(map(str.isdigit, tokens)):
            if _SLIDE_COUNT.match(text):
                return "slideshow"
            if _COUNTER.match(text):
                return "counter"
        if words == 2 and _NAMED_COUNT.match(text):
            return "counter"
        if words == 4 and _SLIDE_COUNT.match(text):
            return "slideshow"
    if words <= COUNTER_MAX_WORDS and "advert" in line.key and _ADVERT.match(text):
        return "advert"
    if (
        words <= LONG_PROMO_MAX_WORDS
        and line.key.startswith(_CREDIT_KEYS)
        and text[:1] in _CREDIT_FIRSTS
        and _CREDIT.match(text)
    ):
        return "credit"
    if ("://" in text or "www." in text) and _URL_ONLY.match(text):
        return "links"
    return None


@cache
def icon_words() -> tuple[str, ...]:
    return tuple(data_lines("icons.txt"))


@cache
def icon_cores() -> tuple[str, ...]:
    """The icon words that hold no other listed one ("bicon" is found by "icon")."""
    words = icon_words()
    return tuple(w for w in words if not any(o != w and o in w for o in words))


@cache
def _icon_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(m) for m in icon_words()))


def is_icon_line(line: Line) -> bool:
    """Icon-font glyph names rendered as text: many 'icon', 'chevron', ... in one line."""
    if line.words < 3:
        return False
    key = line.key
    if not any(word in key for word in icon_cores()):  # substring tests before the regex
        return False
    hits = len(_icon_pattern().findall(line.key))
    return hits >= 3 and hits >= 0.25 * line.words


def _icon_lines(keys: list[str]) -> set[int]:
    """Positions of the keys that hold an icon word (only those can be icon lines).

    The keys are searched joined by newlines (no icon word spans one), each hit's line found
    from its offset.
    """
    everything = "\n".join(keys)
    present = [word for word in icon_cores() if word in everything]
    if not present:
        return set()
    starts = list(accumulate([len(key) + 1 for key in keys], initial=0))
    found: set[int] = set()
    for word in present:
        at = everything.find(word)
        while at != -1:
            found.add(bisect_right(starts, at) - 1)
            at = everything.find(word, at + 1)
    return found


def _mixed_scripts(text: str) -> bool:
    """A run of language names glued together ("العربيةespрусdefr"): several scripts, no prose."""
    scripts: set[str] = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            scripts.add(name.split(" ")[0] if name else "?")
    return len(scripts) >= 3


def is_teaser(line: Line) -> bool:
    """A link to another story: a headline with its dateline glued on ("... Pakistan COLOMBO:
    Newly-elected ...") or with its comment count ("... for the season (130)")."""
    if line.words <= 25 and line.text[-1:] == ")" and _COUNT_SUFFIX.search(line.text):
        return True
    if not _may_be_dateline(line.text):
        return False
    match = _GLUED_DATELINE.search(line.text)
    return match is not None and match.start() >= 15


def _may_be_dateline(text: str) -> bool:
    """A colon right after a capital, '.', "'" or '-' (every ``_GLUED_DATELINE`` match has one)."""
    at = text.find(":", 1)
    while at != -1:
        if text[at - 1] in _DATELINE_ENDS:
            return True
        at = text.find(":", at + 1)
    return False


def _may_be_copyright(line: Line) -> bool:
    """Substring tests that every ``_COPYRIGHT`` match passes (cheaper than the regex)."""
    return "copyright" in line.key or "©" in line.text or "(" in line.text


def chrome_reason(line: Line, *, icons: bool = True) -> str | None:
    """The chrome family a line belongs to (``chrome.<family>``), or None.

    ``icons=False`` says the page has no icon word at all, so the icon test can be skipped.
    """
    return chrome_reasons([line], icons=icons)[0]


def chrome_reasons(lines: list[Line], *, icons: bool | set[int] = True) -> list[str | None]:
    """``chrome_reason`` of each line: the rules run in one loop, their tables fetched once.

    ``icons`` may also be the positions of the lines that hold an icon word (the others skip
    the icon test).
    """
    may_icon = (
        repeat(icons, len(lines)) if isinstance(icons, bool) else map(icons.__contains__, count())
    )
    exact = exact_phrases().get
    contains = contains_table()
    contains_anchors = contains.anchors
    long_promo = long_promo_table()
    out: list[str | None] = []
    add = out.append
    for line, icon in zip(lines, may_icon, strict=False):  # may_icon may run on (count)
        key = line.key
        text = line.text
        if not key:
            add("chrome.empty" if text else None)
            continue
        words = line.words
        if icon and is_icon_line(line):
            add("chrome.icons")
        elif words <= 20 and (
            (text[-1] == ":" and _COMMENT_HEAD.match(text))
            or (key[0].isdigit() and (_COMMENT_COUNT.match(key) or _COMMENT_HEAD.match(key)))
            or (key.startswith(_COUNT_WORDS) and _COMMENT_COUNT.match(key))
        ):
            add("chrome.comments")
        elif (family := exact(key)) is not None or (
            (
                (words <= COUNTER_MAX_WORDS and (key[-1].isdigit() or "advert" in key))
                or key.startswith(_CREDIT_KEYS)
                or "://" in text
            )
            and (family := pattern_family(line)) is not None
        ):
            add(f"chrome.{family}")
        elif (text[-1] == ")" or ":" in text) and is_teaser(line):
            add("chrome.teaser")
        elif words <= CONTAINS_MAX_WORDS:
            if ("copyright" in key or "©" in text or "(" in text) and _COPYRIGHT.search(text):
                add("chrome.copyright")
            elif (
                not contains_anchors.isdisjoint(line.tokens)
                and (rank := contains.find(line.tokens)) is not None
            ):
                add(f"chrome.{FAMILIES[rank]}")
            elif words <= 3 and not text.isascii() and " " not in text and _mixed_scripts(text):
                add("chrome.language")
            else:
                add(None)
        elif words <= 40 and "reserved" in key and _COPYRIGHT.search(text):
            add("chrome.copyright")
        elif words <= LONG_PROMO_MAX_WORDS and (rank := long_promo.find(line.tokens)) is not None:
            add(f"chrome.{FAMILIES[rank]}")
        elif "cookie" in key and key.count("cookie") >= 2 and _CONSENT.search(key):
            add("chrome.cookie")
        else:
            add(None)
    return out


def mark_chrome(lines: list[Line]) -> None:
    """Set each line's chrome reason (in place), including short lines repeated on the page.

    A short line seen three times or more ("Share", "Whatsapp Facebook", a date) is page
    furniture repeated around teasers, not article text.
    """
    counts: dict[str, int] = {}
    for line in lines:
        if line.words <= REPEAT_MAX_WORDS and not (line.words >= 4 and line.sentence_end):
            counts[line.key] = counts.get(line.key, 0) + 1
    keys = list(map(_KEY, lines))
    for line, reason in zip(lines, chrome_reasons(lines, icons=_icon_lines(keys)), strict=True):
        if reason is None and counts.get(line.key, 0) >= REPEAT_MIN and line.key:
            reason = "chrome.repeated"
        line.chrome = reason
    mark_summary_boxes(lines)


def mark_summary_boxes(lines: list[Line]) -> None:
    """The lines of a summary or highlights box above the article: up to five short lines after
    its heading, when no long paragraph comes before it (a "Summary" section further down is
    the article's own)."""
    if "chrome.summary" not in list(map(_CHROME, lines)):
        return
    first_long = next(
        (pos for pos, line in enumerate(lines) if line.chrome is None and line.words > 40),
        len(lines),
    )
    for pos, line in enumerate(lines[:first_long]):
        if line.chrome != "chrome.summary":
            continue
        for item in lines[pos + 1 : pos + 1 + SUMMARY_BOX_LINES]:
            if item.chrome is not None and item.chrome != "chrome.summary":
                break
            if item.words > SUMMARY_ITEM_WORDS and not item.bullet:
                break
            item.chrome = "chrome.summary"
