"""Lines of scraped text: normalisation, cheap features and the chrome phrase rules.

Everything here works one line at a time; the decisions that need context (which block is the
article) live in ``text_body``. The phrase lists are data files under
``wirewatch/data/chrome`` loaded once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from operator import attrgetter, itemgetter

import numpy as np

_BULLET = re.compile(r"^\s*(?:[*+\-•·▪●◦‣–]|(\d{1,3})[.)])(?:\s+|$)")
_TOKEN = re.compile(r"[^\W_]+")
_BULLET_FIRST = frozenset("*+-•·▪●◦‣–")
_DIGIT = re.compile(r"\d")
# bytes -> themselves for ASCII letters (lowered) and digits, newlines and non-ASCII; a space
# otherwise
_ASCII_LOWER_SPACED = bytes(
    (b | 32 if 65 <= b <= 90 else b) if chr(b).isalnum() or b == 10 or b >= 128 else 32
    for b in range(256)
)
# UTF-8 lead bytes of the CJK ranges of _CJK (U+3040 and up: E3 to ED, EF)
CJK_LEADS = bytes(b for b in range(256) if 0xE3 <= b <= 0xED or b == 0xEF)
_INDEX, _RAW = itemgetter(0), itemgetter(1)
_KEY = attrgetter("key")
# frequent non-word characters (quotes, dashes, ©, »): token separators like ASCII punctuation
_NON_WORD_MARKS = "’”“—–‘©…»›‹•«×−®·"
_NORM_DROP = re.compile(r"[\W_]+", re.UNICODE)
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_END_CHARS = frozenset(".!?…。！？:;\"'”’»)]")
_SENT_CHARS = (".", "!", "?", "。", "！", "？")
_SENT_MARK = re.compile(r"[.!?。！？](?=\s|$|[\"'”’»)])")
# for _sentence_counts: bytes . ! ? -> 1 (else 0); single bytes a mark may precede; the lead
# bytes of 。！？ (E3 80 82, EF BC 81, EF BC 9F) kept by a delete-translate
_MARK_BYTES = bytes(1 if b in b".!?" else 0 for b in range(256))
_FOLLOWS = np.array([b in b" \n\"')" for b in range(256)])
_CJK_MARK_LEADS = b"\xe3\xef"
# the ASCII control characters other than the newline
_CONTROLS = bytes(b for b in range(128) if (b < 32 and b != 10) or b == 127)
PROSE_PROXY = 0.3


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
    tokens: list[str] = field(default_factory=list)  # the key's words (``key.split()``)


def holds_any(data: bytes, values: bytes) -> bool:
    """Whether ``data`` holds any of the byte ``values``: one ``memchr`` a value, far cheaper
    than a translate over the data for a few values."""
    return any(value in data for value in values)


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


@cache
def stopword_lists() -> dict[str, tuple[str, ...]]:
    """{language code: its stopwords as a tuple} (for counting hits with ``map``)."""
    return {lang: tuple(sorted(words)) for lang, words in stopwords().items()}


def guess_language(tokens: list[str]) -> str | None:
    """The language whose stopwords cover most tokens, if they cover at least 15 %.

    >>> guess_language("the cat sat on the mat and it was happy".split())
    'en'
    """
    if not tokens:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    count_of = counts.get
    for lang, words in stopword_lists().items():
        hits = sum(map(count_of, words, repeat(0, len(words))))
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= 0.15 * len(tokens) else None


def clean_spaces(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


def make_lines(numbered: list[tuple[int, str]], stop: frozenset[str]) -> list[Line]:
    """Features of many raw lines at once, given the page language's stopwords (may be empty)."""
    lines, tokens = build_lines(numbered)
    set_stop_ratios(lines, tokens, stop)
    return lines


@dataclass(frozen=True, slots=True)
class LineColumns:
    """The features of a page's lines that never change after ``build_page``, as lists (one
    item a line, in line order), with the count of each key: read by the line model and the
    title rule instead of one attribute read per line and pass. ``line_columns`` is the plain
    definition.
    """

    texts: list[str]
    keys: list[str]
    bullets: list[bool]
    words: list[int]
    lengths: Sequence[float]  # ints, but Line.length is a float field
    sentence_end: list[bool]
    sentences: list[int]
    key_counts: Counter[str]


def line_columns(lines: list[Line]) -> LineColumns:
    """The columns of lines built already."""
    keys = [line.key for line in lines]
    return LineColumns(
        texts=[line.text for line in lines],
        keys=keys,
        bullets=[line.bullet for line in lines],
        words=[line.words for line in lines],
        lengths=[line.length for line in lines],
        sentence_end=[line.sentence_end for line in lines],
        sentences=[line.sentences for line in lines],
        key_counts=Counter(keys),
    )


def build_lines(numbered: list[tuple[int, str]]) -> tuple[list[Line], list[list[str]]]:
    """Lines with every feature but the stopword share, and each line's tokens.

    ``build_page`` gives the same and the lines' columns.
    """
    lines, tokens, _columns = build_page(numbered)
    return lines, tokens


def build_page(
    numbered: list[tuple[int, str]],
) -> tuple[list[Line], list[list[str]], LineColumns]:
    """Lines with every feature but the stopword share, each line's tokens, and the columns.

    Normalisation and lower-casing run on the joined text. A line's tokens are its runs of
    letters and digits (``_`` and everything else separate them; a numbered list item's number
    left out); its key is the tokens joined by single spaces.
    """
    if not numbered:
        return [], [], line_columns([])
    raws = list(map(_RAW, numbered))  # split from the page's lines: none holds a newline
    joined = "\n".join(raws)
    ascii_page = joined.isascii()
    # NFC works line by line (a newline is a starter that composes with nothing), and an ASCII
    # line is NFC: only the other lines need the check
    if not ascii_page and not all(
        unicodedata.is_normalized("NFC", raw) for raw in raws if not raw.isascii()
    ):
        joined = unicodedata.normalize("NFC", joined)
        raws = joined.split("\n")
    # ASCII letters lowered and ASCII punctuation turned to spaces in one bytes pass (other
    # bytes kept), the common non-ASCII marks replaced first: a line left ASCII splits into its
    # tokens; any other is lowered alone (``_line_tokens``)
    if ascii_page:
        encoded = joined.encode("ascii")
        data = encoded.translate(_ASCII_LOWER_SPACED)
        all_tokens = [plain.split() for plain in data.decode("ascii").split("\n")]
    else:
        marked = joined
        present = [mark for mark in _NON_WORD_MARKS if mark in joined]
        for mark in present:
            marked = marked.replace(mark, " ")
        encoded = marked.encode("utf-8", "surrogatepass")  # marks are no control characters
        data = encoded.translate(_ASCII_LOWER_SPACED)
        all_tokens = [
            plain.split() if plain.isascii() else _line_tokens(raw, present)
            for plain, raw in zip(
                data.decode("utf-8", "surrogatepass").split("\n"), raws, strict=True
            )
        ]
    # no ASCII control character on the page (newlines aside): an ASCII line is printable
    plain_ascii = not holds_any(encoded, _CONTROLS)
    bullet_match = _BULLET.match
    markers = [
        bullet_match(raw)
        if (first := raw[:1]) in _BULLET_FIRST or first.isspace() or first.isdecimal()
        else None
        for raw in raws
    ]
    rests = [
        raw if marker is None else raw[marker.end() :]
        for raw, marker in zip(raws, markers, strict=True)
    ]
    texts = [
        rest  # no whitespace to collapse: only single ASCII spaces inside
        if ((plain_ascii and rest.isascii()) or rest.isprintable())
        and "  " not in rest
        and rest[:1] != " "
        and rest[-1:] != " "
        else " ".join(rest.split())
        for rest in rests
    ]
    bullets = [marker is not None for marker in markers]
    for pos in [
        pos for pos, marker in enumerate(markers) if marker is not None and marker.lastindex
    ]:
        if all_tokens[pos]:  # a numbered item: its number is not part of the text
            del all_tokens[pos][0]
    sentences = _sentence_counts(texts)
    words = list(map(len, all_tokens))
    lengths = list(map(len, texts))
    cjk_lines = (
        []
        if ascii_page or not holds_any(data, CJK_LEADS)  # no CJK lead byte
        else [pos for pos, text in enumerate(texts) if not text.isascii()]
    )
    for pos in cjk_lines:
        cjk = len(_CJK.findall(texts[pos]))
        words[pos] += cjk // 2
        lengths[pos] += 2 * cjk
    n = len(texts)
    keys = list(map(" ".join, all_tokens))
    ends = [text[-1:] in _END_CHARS for text in texts]
    out = list(  # the Line constructor mapped over columns, in the order of Line's fields
        map(
            Line,
            list(map(_INDEX, numbered)),
            raws,
            texts,
            keys,
            bullets,
            words,
            lengths,
            repeat(0.0, n),
            ends,
            sentences,
            repeat(None, n),  # chrome
            repeat("", n),  # label
            repeat(-1.0, n),  # score
            repeat(None, n),  # meta
            all_tokens,
        )
    )
    columns = LineColumns(texts, keys, bullets, words, lengths, ends, sentences, Counter(keys))
    return out, all_tokens, columns


def _line_tokens(raw: str, marks: Iterable[str] = _NON_WORD_MARKS) -> list[str]:
    """The tokens of one line with non-ASCII characters: ``_TOKEN.findall(raw.lower())``.

    The line lowered alone equals its part of the lower-cased page (a newline stops the final
    sigma's look-around as the string's end does). Marks and ASCII punctuation are spaced as
    in the page pass; a line left with only letters, digits and spaces splits. ``marks``: the
    marks to look for, those of the page when it is known (lowering never makes a mark: no
    character's lower case holds one, tests/extract/test_text_speed4.py checks every one).
    """
    low = raw.lower()
    plain = low
    for mark in marks:
        if mark in plain:
            plain = plain.replace(mark, " ")
    plain = (
        plain.encode("utf-8", "surrogatepass")
        .translate(_ASCII_LOWER_SPACED)
        .decode("utf-8", "surrogatepass")
    )
    return plain.split() if plain.replace(" ", "").isalnum() else _TOKEN.findall(low)


def _sentence_counts(texts: list[str]) -> list[int]:
    """How many sentence marks (``_SENT_MARK``) each text has, from one pass over them all.

    The texts are joined by newlines: a mark at a line's end is followed by the newline, which
    the lookahead's ``\\s`` takes as the ``$`` it is in the line alone. Texts hold no
    whitespace but single ASCII spaces, so in UTF-8 a mark ``.!?`` counts when the next bytes
    are a space, a newline, ``"')``, ``”``, ``’`` or ``»``, or it ends the page. A page with a
    CJK mark (lead byte E3 or EF) takes the regex.
    """
    joined = "\n".join(texts)
    data = joined.encode("utf-8", "surrogatepass")
    n = len(texts)
    if holds_any(data, _CJK_MARK_LEADS):
        found = [match.start() for match in _SENT_MARK.finditer(joined)]
        if not found:
            return [0] * n
        sizes = np.fromiter(map(len, texts), np.int64, n)
        starts = np.cumsum(sizes + 1) - sizes - 1
        owners = np.searchsorted(starts, found, side="right") - 1
        return list(np.bincount(owners, minlength=n).tolist())
    size = len(data)
    raw = np.frombuffer(data + b"\0\0\0", dtype=np.uint8)
    marks = np.flatnonzero(np.frombuffer(data.translate(_MARK_BYTES), dtype=np.uint8))
    if not len(marks):
        return [0] * n
    nxt, second, third = raw[marks + 1], raw[marks + 2], raw[marks + 3]
    ends = (
        (marks + 1 == size)
        | _FOLLOWS[nxt]
        | ((nxt == 0xE2) & (second == 0x80) & ((third == 0x9D) | (third == 0x99)))
        | ((nxt == 0xC2) & (second == 0xBB))
    )
    newlines = np.flatnonzero(raw[:size] == 10)
    owners = np.searchsorted(newlines, marks[ends])
    return list(np.bincount(owners, minlength=n).tolist())


def set_stop_ratios(lines: list[Line], tokens: list[list[str]], stop: frozenset[str]) -> None:
    """Set each line's stopword share (in place) from its tokens.

    Without a stopword list (Japanese, Chinese, an unlisted language) whole sentences stand in
    for the stopword share, so the same thresholds and model features apply.
    """
    if stop:
        is_stop = stop.__contains__
        for line, words in zip(lines, tokens, strict=True):
            if words:
                line.stop_ratio = sum(map(is_stop, words)) / len(words)
    else:
        for line in lines:
            if line.sentence_end and line.sentences and len(line.text) >= 30:
                line.stop_ratio = PROSE_PROXY


def make_line(index: int, raw: str, stop: frozenset[str]) -> Line:
    """Features of one raw line, given the page language's stopwords (may be empty)."""
    return make_lines([(index, raw)], stop)[0]
