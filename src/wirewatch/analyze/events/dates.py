"""Dates stated in a sentence, resolved against the publication date.

``find_dates(text)`` returns the date expressions of a sentence with their offsets;
``resolve(expr, published)`` turns one into an ISO date: "on Thursday" is the last Thursday on
or before publication (the next one for future events), "yesterday" the day before, "last
month" the previous calendar month (``YYYY-MM``), "May 31, 2021" that day, "31 May" that day in
the publication year (the year before when that would lie more than a month after it), "last
week" the ISO week (``YYYY-Www``).

>>> from datetime import date
>>> resolve("on Thursday", date(2021, 12, 2))
'2021-12-02'
>>> resolve("last month", date(2021, 12, 2))
'2021-11'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b",
                       re.IGNORECASE)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})"
                       r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?:(last|next|this|on)\s+)?({_DAY_RE})\b", re.IGNORECASE)),
    ("relday", re.compile(r"\b(yesterday|today|tonight|tomorrow|this morning|this evening|"
                          r"this afternoon|last night)\b", re.IGNORECASE)),
    ("relunit", re.compile(r"\b(last|next|this|earlier this|later this)\s+(week|month|year)\b",
                           re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text, with character offsets into it."""

    text: str
    start: int
    end: int


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in ``text``, in order, without overlaps (earlier patterns win)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for _kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if match.group(0).lower() == "may" or any(s < span[1] and span[0] < e
                                                      for s, e in taken):
                continue
            if _kind == "mdy" and match.group(1).lower().startswith("may") and not match.group(3):
                # "may 5" is too often the modal verb before a number; keep it only with a year.
                continue
            taken.append(span)
            found.append(DateMention(match.group(0), span[0], span[1]))
    return sorted(found, key=lambda m: m.start)


def _month_number(word: str) -> int | None:
    return _MONTH_ABBR.get(word.lower().rstrip(".")[:4]) or _MONTH_ABBR.get(word.lower()[:3])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_year(month: int, day: int, published: date) -> date | None:
    guess = _safe_date(published.year, month, day)
    if guess is not None and guess > published + timedelta(days=31):
        guess = _safe_date(published.year - 1, month, day)
    return guess


def _weekday(which: str | None, name: str, published: date, *, future: bool) -> str:
    target = next(i for i, d in enumerate(WEEKDAYS) if d.startswith(name.lower()[:3]))
    delta = (published.weekday() - target) % 7
    if (which or "").lower() == "next" or (future and (which or "").lower() != "last"):
        ahead = (target - published.weekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat()
    if (which or "").lower() == "last" and delta == 0:
        delta = 7
    return (published - timedelta(days=delta)).isoformat()


def _shift_month(published: date, months: int) -> str:
    index = published.year * 12 + published.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve(expr: str, published: date | None, *, future: bool = False) -> str | None:
    """The ISO date (or ``YYYY-MM``/``YYYY``) that ``expr`` names, or None if it cannot say."""
    for kind, pattern in _PATTERNS:
        match = pattern.search(expr)
        if match is None:
            continue
        if kind == "iso":
            found = _safe_date(int(match[1]), int(match[2]), int(match[3]))
            return found.isoformat() if found else None
        if kind in ("mdy", "dmy"):
            month_word, day_word = (match[1], match[2]) if kind == "mdy" else (match[2], match[1])
            month = _month_number(month_word)
            if month is None:
                return None
            if match[3]:
                found = _safe_date(int(match[3]), month, int(day_word))
            elif published is not None:
                found = _without_year(month, int(day_word), published)
            else:
                return None
            return found.isoformat() if found else None
        if published is None:
            return None
        if kind == "weekday":
            return _weekday(match[1], match[2], published, future=future)
        if kind == "relday":
            word = match[1].lower()
            offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
            return (published + timedelta(days=offset)).isoformat()
        if kind == "relunit":
            which, unit = match[1].lower(), match[2].lower()
            step = {"last": -1, "next": 1}.get(which, 0)
            if unit == "year":
                return f"{published.year + step:04d}"
            if unit == "month":
                return _shift_month(published, step)
            year, week, _ = (published + timedelta(weeks=step)).isocalendar()
            return f"{year:04d}-W{week:02d}"  # ISO 8601 week
    return None


def parse_published(value: str | None) -> date | None:
    """The date part of an ISO 8601 publication timestamp, or None."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return _safe_date(int(match[1]), int(match[2]), int(match[3])) if match else None
