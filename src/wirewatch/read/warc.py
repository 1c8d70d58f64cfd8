"""WARC and WET files (gzip or not): one Page per archived page, with its URL and date.

Records are read one at a time (``fastwarc``, or ``warcio`` when fastwarc is not installed),
so a CC-NEWS file of a gigabyte needs memory for one record only. Each ``response`` record
(an archived HTTP response), ``resource`` record (a stored document) and ``conversion`` record
(WET: the text of a page) becomes a Page with ``url`` = ``WARC-Target-URI``, ``date_hint`` =
the day of ``WARC-Date`` and source ``path:N`` (N: the record's 1-based number in the file).
Other records (warcinfo, request, metadata, revisit) are not pages and are passed over.

A record that cannot become a page is a Skip and the next record is read: ``truncated`` (the
crawler marked it ``WARC-Truncated``, or the file ends inside it), ``http_status`` (an archived
redirect or error), ``unsupported`` (an image, a PDF...), ``too_large``, ``bad_http``,
``bad_encoding``, ``empty``. A file that breaks (corrupt gzip, a bad record header) ends with
one Skip at the record where it broke; the records before it are kept.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from wirewatch.errors import InputError
from wirewatch.read.decode import decode_with_charset
from wirewatch.read.payload import parse_response
from wirewatch.read.text import page_from_text, valid_date
from wirewatch.records import Page, PageForm, Skip

Backend = Literal["fastwarc", "warcio"]
_PAGE_RECORDS = frozenset({"response", "resource", "conversion"})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_TEXT_TYPES = ("text/plain", "")


@dataclass(frozen=True, slots=True)
class ArchivedRecord:
    """One record, whichever library read it: its headers and (up to the limit) its block."""

    number: int
    kind: str  # WARC-Type
    uri: str | None
    date: str | None
    declared: int | None  # Content-Length (None when the header was cut off)
    truncated: str | None  # WARC-Truncated
    content_type: str
    block: bytes


def default_backend() -> Backend:
    """fastwarc when it is installed, else warcio."""
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        return "warcio"
    return "fastwarc"


def _length(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _fastwarc_records(stream: BinaryIO, max_bytes: int) -> Iterator[ArchivedRecord]:
    from fastwarc.warc import ArchiveIterator

    records = ArchiveIterator(stream, parse_http=False, verify_digests=False)
    try:
        for number, record in enumerate(records, start=1):
            headers = record.headers
            yield ArchivedRecord(
                number, (headers.get("WARC-Type") or "").lower(),
                headers.get("WARC-Target-URI"), headers.get("WARC-Date"),
                _length(headers.get("Content-Length")), headers.get("WARC-Truncated"),
                headers.get("Content-Type") or "", record.reader.read(max_bytes + 1),
            )
    except (OSError, ValueError) as error:  # fastwarc: bad headers, corrupt gzip
        raise InputError("bad_warc", f"{type(error).__name__}: {error}"[:300]) from error


def _warcio_records(stream: BinaryIO, max_bytes: int) -> Iterator[ArchivedRecord]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(stream, no_record_parse=True), start=1):
            headers = record.rec_headers
            yield ArchivedRecord(
                number, (headers.get_header("WARC-Type") or "").lower(),
                headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date"),
                _length(headers.get_header("Content-Length")),
                headers.get_header("WARC-Truncated"), headers.get_header("Content-Type") or "",
                record.raw_stream.read(max_bytes + 1),
            )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as error:
        raise InputError("bad_warc", f"{type(error).__name__}: {error}"[:300]) from error


def _form_of(content_type: str, where: str) -> PageForm:
    media = content_type.split(";")[0].strip().lower()
    if media.startswith(_HTML_TYPES):
        return "html"
    if media in _TEXT_TYPES:
        return "text"
    raise InputError("unsupported", f"{where} holds {media}, not a page")


def page_from_record(source: str, record: ArchivedRecord, *, max_bytes: int) -> Page | Skip:
    """The Page in one page record, or the Skip that says why not."""
    try:
        if record.truncated is not None:
            raise InputError("truncated", f"the crawler cut this record ({record.truncated})")
        if record.declared is None or len(record.block) < record.declared:
            got = f"{len(record.block)} of {record.declared}" if record.declared else "no"
            raise InputError("truncated", f"the file ends inside this record ({got} bytes)")
        if len(record.block) > max_bytes:
            raise InputError("too_large", f"record over {max_bytes} bytes")
        charset = None
        if record.kind == "response":
            response = parse_response(record.block, max_bytes=max_bytes)
            if response.status != 200:
                raise InputError("http_status", f"archived HTTP {response.status}")
            form = _form_of(response.content_type, "the response")
            body, charset = response.body, response.charset
        else:
            form = _form_of(record.content_type, f"the {record.kind} record")
            body = record.block
        if not body.strip():
            raise InputError("empty", f"an empty {record.kind} record")
        decoded = decode_with_charset(body, charset, html=form == "html")
    except InputError as error:
        return Skip(source, error.reason, error.detail)
    date = valid_date(record.date) if record.date else None
    return page_from_text(source, decoded.text, form=form, encoding=decoded.encoding,
                          url=record.uri, date_hint=date)


def warc_pages(stream: BinaryIO, source: str, *, max_bytes: int,
               backend: Backend | None = None) -> Iterator[Page | Skip]:
    """Pages and Skips from a WARC/WET stream (gzipped or not), in record order."""
    chosen = backend or default_backend()
    reader = _fastwarc_records if chosen == "fastwarc" else _warcio_records
    number = 0
    try:
        for record in reader(stream, max_bytes):
            number = record.number
            if record.kind in _PAGE_RECORDS:
                yield page_from_record(f"{source}:{number}", record, max_bytes=max_bytes)
    except InputError as error:  # the archive breaks: the records before it are kept
        reason = "truncated" if number else error.reason
        yield Skip(f"{source}:{number + 1}", reason, f"the archive breaks here: {error.detail}")
        return
    if number == 0:
        yield Skip(source, "empty", "no WARC records")


def warc_pages_from_bytes(data: bytes, source: str, *, max_bytes: int) -> Iterator[Page | Skip]:
    """The same for bytes already in memory (a fetched or piped WARC)."""
    yield from warc_pages(io.BytesIO(data), source, max_bytes=max_bytes)
