"""Bytes to text: byte-order marks, UTF-8, a declared charset, then detection.

The order is: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; bytes that look binary are
refused; strict UTF-8; UTF-8 line by line when most non-ASCII bytes are well-formed UTF-8 (a
UTF-8 page with a few pasted single-byte lines: those lines are read as the declared charset
or Windows-1252, and a ``read.mixed_encoding`` note says how many); a charset the HTML or XML
declares; Windows-1252 when the bytes decode
to mostly-ASCII Western text (charset-normalizer is weak on short Western pages, and 1252 is
what browsers assume for them); then charset-normalizer's best guess. Anything else is
undecodable. Failures raise ``InputError`` with reason ``binary`` or ``undecodable``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from wirewatch.errors import InputError
from wirewatch.records import Drop

_SNIFF_BYTES = 65_536
# Control bytes that never occur in text (tab, newlines, form feed, escape excluded).
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_CONTROL_SHARE = 0.01
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# WHATWG: browsers read these labels as windows-1252.
_AS_1252 = frozenset({"latin1", "iso88591", "iso885915", "ascii", "usascii", "cp819", "l1"})
_WESTERN_NON_ASCII_SHARE = 0.5  # Western text: < 10 %; other scripts read as 1252: > 80 %


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec that produced it (a Python codec name), and notes on how."""

    text: str
    encoding: str
    notes: tuple[Drop, ...] = ()


def looks_binary(data: bytes) -> bool:
    """True when the first 64 KB hold NUL bytes or more than 1 % control bytes."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > _CONTROL_SHARE


def _utf16_without_bom(data: bytes) -> str | None:
    """Most ASCII text in UTF-16 has a NUL in every other byte: guess the byte order."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` or XML declaration names in the first 4 KB, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace").strip().lower()
    if re.sub(r"[^a-z0-9]", "", label) in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _western(data: bytes) -> str | None:
    """Windows-1252 text when the bytes decode and most letters stay ASCII."""
    text = _try(data, "cp1252")
    if text is None:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    non_ascii = sum(1 for c in letters if not c.isascii())
    return text if non_ascii / len(letters) < _WESTERN_NON_ASCII_SHARE else None


def _utf8_majority(data: bytes) -> bool:
    """More well-formed UTF-8 multi-byte characters than bytes that are not UTF-8: a UTF-8
    page with a few single-byte lines pasted in, not a single-byte page (where a well-formed
    UTF-8 pair such as ``Ã©`` is rare)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - bad > bad > 0


def _line_by_line(data: bytes, fallback: str) -> Decoded:
    """UTF-8 line by line; a line that is not UTF-8 is read as ``fallback`` (else Latin-1,
    which takes any byte), and the count of such lines is noted."""
    lines: list[str] = []
    fallback_lines = 0
    for line in data.split(b"\n"):
        text = _try(line, "utf-8")
        if text is None:
            fallback_lines += 1
            text = _try(line, fallback) or line.decode("latin-1")
        lines.append(text)
    note = Drop("read.mixed_encoding",
                f"{fallback_lines} of {len(lines)} lines not UTF-8, read as {fallback}")
    return Decoded("\n".join(lines), "utf-8", (note,))


def _detected(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # lazy: slow to import, rarely needed

    best = from_bytes(data).best()
    if best is None:
        return None
    return Decoded(str(best), best.encoding)


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode page bytes; ``html`` lets a declared ``<meta charset>`` decide after UTF-8.

    >>> decode_bytes("Café".encode("cp1252")).text
    'Café'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise InputError("undecodable", f"not valid {encoding} despite its BOM")
            return Decoded(text, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and (text := _try(data, utf16)) is not None:
        return Decoded(text, utf16)
    if looks_binary(data):
        raise InputError("binary", "binary content (NUL or control bytes), not a page")
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    declared = declared_charset(data) if html else None
    if _utf8_majority(data):
        return _line_by_line(data, declared if declared not in (None, "utf-8") else "cp1252")
    if declared is not None:
        text = _try(data, declared)
        if text is not None:
            return Decoded(text, declared)
    text = _western(data)
    if text is not None:
        return Decoded(text, "cp1252")
    detected = _detected(data)
    if detected is None:
        raise InputError("undecodable", "no text encoding fits these bytes")
    return detected


def decode_with_charset(data: bytes, charset: str | None, *, html: bool) -> Decoded:
    """Decode with the charset a transport header names when it fits, else ``decode_bytes``.

    A byte-order mark still decides first; latin-1 labels read as windows-1252 (WHATWG).
    """
    if charset is None or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_bytes(data, html=html)
    label = charset.strip().lower()
    if re.sub(r"[^a-z0-9]", "", label) in _AS_1252:
        encoding: str | None = "cp1252"
    else:
        try:
            encoding = codecs.lookup(label).name
        except LookupError:
            encoding = None
    if encoding is not None and not looks_binary(data):
        text = _try(data, encoding)
        if text is not None:
            return Decoded(text, encoding)
    return decode_bytes(data, html=html)
