"""Dates written in page text ("2 Dec, 2021 11:07", "October 9, 2018 at 9:40 am", "2021-12-02")
turned into ISO 8601 strings as precise as the text gives."""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "mär": 3, "mai": 5, "okt": 10, "dez": 12, "janv": 1,
    "févr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "août": 8, "déc": 12, "ene": 1,
    "abr": 4, "ago": 8, "dic": 12, "set": 9, "out": 10,
}  # fmt: skip
_MON = r"(?P<mon>[A-Za-zéèûäöüçíóñ]{3,10})\.?"
_TIME = (
    r"(?:\s*,?\s*(?:at|um|à|a las|às|-|–|\|)?\s*"
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
_PATTERNS = [
    re.compile(
        r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ](?P<hh>\d{1,2}):(?P<mm>\d{2}))?(?P<ampm>)",
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MON}\s*,?\s*(?:de\s+)?"
        rf"(?P<y>(?:19|20)\d{{2}}){_TIME}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>(?:19|20)\d{{2}}){_TIME}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<y>(?:19|20)\d{{2}}){_TIME}",
    ),
]
_DATE_HINT = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")


def date_hint_line(line: str) -> str | None:
    """The YYYY-MM-DD of a scraper's ``date YYYY-MM-DD`` first line, else None."""
    match = _DATE_HINT.match(line)
    return match.group(1) if match else None


def _month(name: str) -> int | None:
    low = name.lower()
    for size in (5, 4, 3):
        if low[:size] in _MONTHS:
            return _MONTHS[low[:size]]
    return None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year, day = int(groups["y"]), int(groups["d"])
    if groups.get("mon"):
        month = _month(groups["mon"])
    else:
        first, second = int(groups["d"]), int(groups["m"])
        if first <= 12 < second:
            month, day = first, second  # US order: the second number cannot be a month
        else:
            month = second
    if month is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if groups.get("hh") is not None and groups.get("mm") is not None:
        hour, minute = int(groups["hh"]), int(groups["mm"])
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            out += f"T{hour:02d}:{minute:02d}"
    return out


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as (ISO string, start, end), or None.

    >>> find_date("2 Dec, 2021 11:07")[0]
    '2021-12-02T11:07'
    >>> find_date("Posted October 9, 2018 at 9:40 pm")[0]
    '2018-10-09T21:40'
    """
    if "19" not in text and "20" not in text:
        return None  # every pattern needs a year 19xx or 20xx
    best: tuple[str, int, int] | None = None
    # the numeric patterns need their separators: "-" (ISO), "." or "/" (day.month.year)
    dashed = "-" in text
    dotted = "." in text or "/" in text
    for pattern, possible in zip(_PATTERNS, (dashed, True, True, dotted), strict=True):
        if not possible:
            continue
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso is not None and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>0[1-9]|1[0-2]|[a-z]{3})[/-]?(?P<d>0[1-9]|[12]\d|3[01])?(?=[/_.-]|$)",
    re.IGNORECASE,
)


def date_from_url(url: str | None) -> str | None:
    """A date in a URL path ("/2020/01/20/", "/2020/jan/20/", "/20200428/"), as precise as it is.

    >>> date_from_url("https://example.org/news/2020/jan/20/a-story")
    '2020-01-20'
    >>> date_from_url("https://example.org/2019/05/some-story") is None
    True
    """
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer("/" + path):
        if match.group("d") is None:
            continue  # a year and month alone is too vague for a publication date
        month_text = match.group("m")
        month = int(month_text) if month_text.isdigit() else _month(month_text)
        if month is None:
            continue
        return f"{int(match.group('y')):04d}-{month:02d}-{int(match.group('d')):02d}"
    return None
