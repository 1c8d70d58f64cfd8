"""Lines of scraped text: normalisation, cheap features and the chrome phrase rules.

Everything here works one line at a time; the decisions that need context (which block is the
article) live in ``text_body``. The phrase lists are data files under
``wirewatch/data/chrome`` loaded once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

_BULLET = re.compile(r"^\s*(?:[*+\-•·▪●◦‣–]|(\d{1,3})[.)])(?:\s+|$)")
_TOKEN = re.compile(r"[^\W_]+")
_BULLET_FIRST = frozenset("*+-•·▪●◦‣–")
_DIGIT = re.compile(r"\d")
_NORM_DROP = re.compile(r"[\W_]+", re.UNICODE)
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_END_CHARS = frozenset(".!?…。！？:;\"'”’»)]")
_SENT_MARK = re.compile(r"[.!?。！？](?=\s|$|[\"'”’»)])")
_COMMENT_HEAD = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|thoughts)\b|.{3,80}\s(?:said|says|wrote|writes):$)",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(r"^(?:view |show |read )?\d+ (?:comments?|responses?|replies)$")
_COUNT_SUFFIX = re.compile(r"\D\s\(\d{1,5}\)$")
_GLUED_DATELINE = re.compile(r"[^\s:]\s+[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,2}:\s+[A-Z]")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b)", re.IGNORECASE)

_CONSENT = re.compile(r"\b(?:website|browser|browsing|consent|privacy|opt out)\b")
CONTAINS_MAX_WORDS = 12
REPEAT_MAX_WORDS = 8
LONG_PROMO_MAX_WORDS = 60
PROSE_PROXY = 0.3
REPEAT_MIN = 3
FAMILIES = ("comments", "cookie", "share", "promo", "copyright", "nav")


@dataclass(slots=True)
class Line:
    """One line of the page with the features the classifier needs (mutable while cleaning)."""

    index: int  # 0-based line number in the page text
    raw: str
    text: str  # whitespace-collapsed, list marker removed
    key: str  # normalised: lower case, letters/digits, single spaces
    bullet: bool
    words: int
    length: float  # effective length in characters (CJK characters count triple)
    stop_ratio: float
    sentence_end: bool
    sentences: int
    chrome: str | None = None  # reason code when a phrase rule fired
    label: str = ""  # set by text_body: good, near, short, bad

    @property
    def digits(self) -> int:
        """How many digit characters the line has."""
        return len(_DIGIT.findall(self.text))

    score: float = -1.0  # the line model's probability of being body text, when it ran
    meta: str | None = None  # reason code when a metadata rule took the line


def data_lines(*parts: str) -> list[str]:
    path = resources.files("wirewatch").joinpath("data", "chrome")
    for part in parts:
        path = path.joinpath(part)
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def normalise_key(text: str) -> str:
    """Lower-case letters and digits separated by single spaces: the phrase-lookup form."""
    return _NORM_DROP.sub(" ", text.lower()).strip()


@cache
def exact_phrases() -> dict[str, str]:
    """{normalised phrase: family} for whole-line matches (first family listed wins)."""
    out: dict[str, str] = {}
    for family in FAMILIES:
        for phrase in data_lines(f"{family}.exact.txt"):
            out.setdefault(normalise_key(phrase), family)
    return out


@cache
def contains_pattern() -> re.Pattern[str]:
    """One compiled alternation, a named group per family, for substring matches."""
    groups = []
    for family in FAMILIES:
        phrases = [normalise_key(p) for p in data_lines(f"{family}.contains.txt")]
        if phrases:
            alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
            groups.append(f"(?P<{family}>{alternation})")
    return re.compile(rf"(?:^| )(?:{'|'.join(groups)})(?: |$)")


@cache
def contains_first_words() -> frozenset[str]:
    """The first word of every substring phrase: a line without one of them cannot match."""
    return frozenset(
        normalise_key(p).partition(" ")[0]
        for family in FAMILIES
        for p in data_lines(f"{family}.contains.txt")
    )


@cache
def long_promo_pattern() -> re.Pattern[str]:
    """Phrases that mark a promotion even in a long line ("sign up for our", "join our")."""
    phrases = [normalise_key(p) for p in data_lines("promo.long.txt")]
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:^| )(?:{alternation})(?: |$)")


@cache
def icon_words() -> tuple[str, ...]:
    return tuple(data_lines("icons.txt"))


@cache
def related_markers() -> frozenset[str]:
    return frozenset(normalise_key(p) for p in data_lines("related.txt"))


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """{language code: its stopwords}."""
    folder = resources.files("wirewatch").joinpath("data", "chrome", "stopwords")
    out: dict[str, frozenset[str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            words = entry.read_text(encoding="utf-8").split()
            out[entry.name[:-4]] = frozenset(w.lower() for w in words)
    return out


def guess_language(tokens: list[str]) -> str | None:
    """The language whose stopwords cover most tokens, if they cover at least 15 %.

    >>> guess_language("the cat sat on the mat and it was happy".split())
    'en'
    """
    if not tokens:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    for lang, words in stopwords().items():
        hits = sum(counts[w] for w in words if w in counts)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= 0.15 * len(tokens) else None


def clean_spaces(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


def make_lines(numbered: list[tuple[int, str]], stop: frozenset[str]) -> list[Line]:
    """Features of many raw lines at once (normalisation and lower-casing run on the joined text).

    A line's tokens are its runs of letters and digits (``_`` and everything else separate
    them); its key is the tokens joined by single spaces.
    """
    if not numbered:
        return []
    joined = "\n".join(raw for _, raw in numbered)
    if not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    lows = joined.lower().split("\n")
    raws = joined.split("\n")
    tokens_of = _TOKEN.findall
    bullet_match = _BULLET.match
    sent_marks = _SENT_MARK.findall
    is_stop = stop.__contains__
    out = []
    for (index, _), raw, low in zip(numbered, raws, lows, strict=True):
        tokens = tokens_of(low)
        first = raw[:1]
        marker = (
            bullet_match(raw)
            if first in _BULLET_FIRST or first.isspace() or first.isdecimal()
            else None
        )
        if marker is not None:
            text = " ".join(raw[marker.end() :].split())
            if marker.group(1) and tokens:  # a numbered item: its number is not part of the text
                del tokens[0]
        else:
            text = " ".join(raw.split())
        cjk = 0 if text.isascii() else len(_CJK.findall(text))
        end = text[-1:] in _END_CHARS
        sentences = len(sent_marks(text))
        if stop:
            ratio = sum(map(is_stop, tokens)) / len(tokens) if tokens else 0.0
        else:
            # no stopword list (Japanese, Chinese, an unlisted language): whole sentences stand
            # in for the stopword share, so the same thresholds and model features apply
            ratio = PROSE_PROXY if end and sentences and len(text) >= 30 else 0.0
        out.append(
            Line(
                index,
                raw,
                text,
                " ".join(tokens),
                marker is not None,
                len(tokens) + cjk // 2,
                len(text) + 2 * cjk,
                ratio,
                end,
                sentences,
            )
        )
    return out


def make_line(index: int, raw: str, stop: frozenset[str]) -> Line:
    """Features of one raw line, given the page language's stopwords (may be empty)."""
    return make_lines([(index, raw)], stop)[0]


@cache
def _icon_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(m) for m in icon_words()))


def is_icon_line(line: Line) -> bool:
    """Icon-font glyph names rendered as text: many 'icon', 'chevron', ... in one line."""
    if line.words < 3:
        return False
    key = line.key
    if not any(word in key for word in icon_words()):  # substring tests before the regex
        return False
    hits = len(_icon_pattern().findall(line.key))
    return hits >= 3 and hits >= 0.25 * line.words


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
    if ":" not in line.text:
        return False
    match = _GLUED_DATELINE.search(line.text)
    return match is not None and match.start() >= 15


def _may_be_copyright(line: Line) -> bool:
    """Substring tests that every ``_COPYRIGHT`` match passes (cheaper than the regex)."""
    return "copyright" in line.key or "©" in line.text or "(" in line.text


def chrome_reason(line: Line, *, icons: bool = True) -> str | None:
    """The chrome family a line belongs to (``chrome.<family>``), or None.

    ``icons=False`` says the page has no icon word at all, so the icon test can be skipped.
    """
    key = line.key
    text = line.text
    if not key:
        return "chrome.empty" if text else None
    words = line.words
    if icons and is_icon_line(line):
        return "chrome.icons"
    if words <= 20 and (
        (text[-1] == ":" and _COMMENT_HEAD.match(text))
        or (key[0].isdigit() and (_COMMENT_COUNT.match(key) or _COMMENT_HEAD.match(key)))
        or (key[0] in "vsr" and _COMMENT_COUNT.match(key))
    ):
        return "chrome.comments"
    family = exact_phrases().get(key)
    if family is not None:
        return f"chrome.{family}"
    if (text[-1] == ")" or ":" in text) and is_teaser(line):
        return "chrome.teaser"
    if words <= CONTAINS_MAX_WORDS:
        if _may_be_copyright(line) and _COPYRIGHT.search(text):
            return "chrome.copyright"
        if not contains_first_words().isdisjoint(key.split()):
            match = contains_pattern().search(key)
            if match is not None and match.lastgroup is not None:
                return f"chrome.{match.lastgroup}"
        if words <= 3 and not text.isascii() and " " not in text and _mixed_scripts(text):
            return "chrome.language"
    elif words <= 40 and "reserved" in key and _COPYRIGHT.search(text):
        return "chrome.copyright"
    elif words <= LONG_PROMO_MAX_WORDS and long_promo_pattern().search(key):
        return "chrome.promo"
    elif "cookie" in key and key.count("cookie") >= 2 and _CONSENT.search(key):
        return "chrome.cookie"
    return None


def mark_chrome(lines: list[Line]) -> None:
    """Set each line's chrome reason (in place), including short lines repeated on the page.

    A short line seen three times or more ("Share", "Whatsapp Facebook", a date) is page
    furniture repeated around teasers, not article text.
    """
    counts: dict[str, int] = {}
    for line in lines:
        if line.words <= REPEAT_MAX_WORDS and not (line.words >= 4 and line.sentence_end):
            counts[line.key] = counts.get(line.key, 0) + 1
    everything = "\n".join(line.key for line in lines)
    icons = any(word in everything for word in icon_words())
    for line in lines:
        reason = chrome_reason(line, icons=icons)
        if reason is None and counts.get(line.key, 0) >= REPEAT_MIN and line.key:
            reason = "chrome.repeated"
        line.chrome = reason
