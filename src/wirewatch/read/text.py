"""Decoded text to a Page: the optional ``date YYYY-MM-DD`` first line becomes ``date_hint``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.read.budget import bound_content
from wirewatch.records import Drop, Page, PageForm, Skip

# "date 2021-12-02", possibly indented and followed on the same line by scraper junk.
_DATE_LINE = re.compile(r"\A[ \t\ufeff]*date[ \t:]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes such as ``\\ud800``) become U+FFFD, same length.

    >>> without_surrogates("a\\ud800b") == "a\\ufffdb"
    True
    """
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A text with its leading date line taken off: the date (or None) and the rest."""

    date: str | None
    rest: str


def valid_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or date-time string with a plausible month and day.

    >>> valid_date("2021-12-02T11:07:00Z")
    '2021-12-02'
    >>> valid_date("2021-13-02") is None
    True
    """
    match = _ISO_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 9999):
        return None
    return match.group(0)


def split_date_line(text: str) -> DateLine:
    """Take a leading ``date YYYY-MM-DD`` off the text.

    Junk after the date on the same line stays, as the first line, for the cleaner to drop
    with a reason; when nothing follows, the whole line goes.

    >>> split_date_line("date 2021-12-02  icons\\nBody").rest
    'icons\\nBody'
    """
    match = _DATE_LINE.match(text)
    if match is None:
        return DateLine(None, text)
    date = valid_date(match.group(1))
    if date is None:
        return DateLine(None, text)
    rest = text[match.end() :]
    if rest.startswith("\r\n"):
        rest = rest[2:]
    elif rest.startswith(("\n", "\r")):
        rest = rest[1:]
    return DateLine(date, rest)


def page_from_text(
    source: str,
    text: str,
    *,
    form: PageForm = "text",
    encoding: str = "utf-8",
    url: str | None = None,
    date_hint: str | None = None,
    page_id: str | None = None,
    notes: tuple[Drop, ...] = (),
) -> Page | Skip:
    """A Page from decoded content, or a Skip when nothing is left to read.

    For text pages a leading date line is removed and fills ``date_hint`` unless one is given.
    Lone surrogates in any field become U+FFFD (no encoder takes them); degenerate runs are
    collapsed (``read.budget``); ``notes`` are what the reader noticed on the way, with a note
    per collapse added (the extractor adds them to the Article's drops).
    """
    text = without_surrogates(text)
    url = without_surrogates(url) if url is not None else None
    page_id = without_surrogates(page_id) if page_id is not None else None
    content = text
    if form == "text":
        split = split_date_line(text)
        content = split.rest
        date_hint = date_hint or split.date
    if not content.strip():
        detail = "only a date line, no body" if content != text else "no content (blank)"
        return Skip(source=source, reason="empty", detail=detail)
    bounded = bound_content(content, form)
    return Page(
        source=source,
        form=form,
        content=bounded.content,
        url=url,
        date_hint=date_hint,
        page_id=page_id,
        encoding=encoding,
        notes=notes + bounded.notes,
    )
