"""JSON Lines: one page a line, ``{"id"?, "url"?, "date"?, "html" | "text"}``.

Each line is its own input: a bad line becomes a Skip with source ``path:N`` (1-based) and
never stops the others. Blank lines are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from wirewatch.errors import InputError
from wirewatch.read.decode import decode_bytes
from wirewatch.read.text import page_from_text, valid_date
from wirewatch.records import Page, Skip


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def page_from_record(source: str, record: object) -> Page | Skip:
    """A Page from one parsed JSON value, or a Skip saying what is wrong with it."""
    if not isinstance(record, dict):
        return Skip(source, "bad_json", f"a JSON {type(record).__name__}, not an object")
    html, text = record.get("html"), record.get("text")
    if html is None and text is None:
        return Skip(source, "bad_json", 'the object has neither "html" nor "text"')
    body = html if html is not None else text
    if not isinstance(body, str):
        return Skip(source, "bad_json", f'"html"/"text" is a {type(body).__name__}, not a string')
    date = _optional_str(record, "date")
    return page_from_text(
        source,
        body,
        form="html" if html is not None else "text",
        url=_optional_str(record, "url"),
        date_hint=valid_date(date) if date else None,
        page_id=_optional_str(record, "id"),
    )


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(raw).text


def jsonl_pages(prefix: str, lines: Iterable[bytes], *, max_bytes: int) -> Iterator[Page | Skip]:
    """Pages from the raw lines of a JSONL input; sources are ``prefix:N``.

    An input without a single non-blank line is one Skip (``empty``) with source ``prefix``.
    """
    seen = False
    for number, raw in enumerate(lines, start=1):
        source = f"{prefix}:{number}"
        if not raw.strip():
            continue
        seen = True
        if len(raw) > max_bytes:
            yield Skip(source, "too_large", f"a line over the {max_bytes}-byte limit")
            continue
        try:
            line = _decode_line(raw)
        except InputError as error:
            yield Skip(source, error.reason, error.detail)
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield Skip(source, "bad_json", f"not JSON: {error}")
            continue
        yield page_from_record(source, record)
    if not seen:
        yield Skip(prefix, "empty", "no JSON lines")
