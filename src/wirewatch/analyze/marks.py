"""Pair quotation marks in a paragraph, tolerating any mix and any imbalance.

Double marks of every style (" “ ” „ « ») pair with each other, because real pages mix them
(a straight opening mark closed by a curly one). Single marks (‘ ’ ') pair only where they
cannot be apostrophes, and only outside double quotes (inside, they are nested quotes and stay
part of the text). A mark left open at the end of a paragraph runs to the end of the paragraph;
a stray closing mark is ignored. Nothing here can raise on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«‟〝")
DOUBLE_CLOSE = frozenset("”»〞")
DOUBLE_ANY = frozenset('"＂')
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
SINGLE_ANY = frozenset("'")

_OPEN_BEFORE = frozenset(" \t\n([{—–-:;/")  # a mark after these (or at the start) opens
# The loops below visit only the marks they act on, found by one regex scan.
_DOUBLE_MARK = re.compile("[" + "".join(sorted(DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_ANY)) + "]")
_SINGLE_MARK = re.compile("[" + "".join(sorted(SINGLE_OPEN | SINGLE_CLOSE | SINGLE_ANY)) + "]")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Text between a pair of marks: ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    closed: bool  # False: the paragraph ended before a closing mark
    single: bool  # paired single marks


def _opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPEN_BEFORE or text[i - 1] in DOUBLE_OPEN


def _closes(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not nxt.isalnum()


def _is_double_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return True
    return ch in DOUBLE_ANY and _opens(text, i)


def _is_double_close(text: str, i: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_CLOSE or ch in DOUBLE_ANY:
        return True
    # some pages close with an opening-style mark: accept it when it cannot open
    return ch in DOUBLE_OPEN and not _opens(text, i) and _closes(text, i)


def _double_spans(text: str, base: int) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for match in _DOUBLE_MARK.finditer(text):
        i, ch = match.start(), match.group()
        if open_at is None:
            if _is_double_open(text, i) or (ch in DOUBLE_ANY and not _closes(text, i)):
                open_at = i
            continue
        if _is_double_close(text, i) and not (ch in DOUBLE_OPEN and _opens(text, i)):
            spans.append(MarkedSpan(base + open_at + 1, base + i, True, False))
            open_at = None
        elif ch in DOUBLE_OPEN:
            # a new opening mark before the last one closed: the last one was unbalanced
            open_at = i
    if open_at is not None and open_at + 1 < len(text):
        spans.append(MarkedSpan(base + open_at + 1, base + len(text), False, False))
    return spans


def _single_spans(text: str, base: int, blocked: list[MarkedSpan]) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for match in _SINGLE_MARK.finditer(text):
        i, ch = match.start(), match.group()
        if any(b.start <= base + i < b.end for b in blocked):
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word: don't, Lavrov’s
        if open_at is None:
            can_open = ch in SINGLE_OPEN or (ch in SINGLE_ANY and not prev.isalnum())
            if can_open and _opens(text, i) and nxt.strip():
                open_at = i
            continue
        if (ch in SINGLE_CLOSE or ch in SINGLE_ANY) and not nxt.isalnum() and prev.strip():
            if i - open_at > 1:
                spans.append(MarkedSpan(base + open_at + 1, base + i, True, True))
            open_at = None
    return spans


def marked_spans(text: str, base: int = 0) -> list[MarkedSpan]:
    """Quoted stretches of one paragraph, in order; offsets are ``base`` + index in ``text``.

    >>> [(s.start, s.end) for s in marked_spans('He said “no” twice')]
    [(9, 11)]
    """
    doubles = _double_spans(text, base)
    singles = _single_spans(text, base, doubles)
    return sorted(doubles + singles, key=lambda s: (s.start, s.end))


def paragraph_ranges(text: str, separator: str = "\n\n") -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a body joined with ``separator``."""
    ranges: list[tuple[int, int]] = []
    start = 0
    while start <= len(text):
        end = text.find(separator, start)
        if end < 0:
            end = len(text)
        if end > start:
            ranges.append((start, end))
        start = end + len(separator)
    return ranges
