"""Files and folders to raw inputs: walking, size limits, gzip, forms, one Skip per failure.

Nothing here raises for a bad input: each file, folder entry or JSONL line that cannot be read
becomes a ``Skip`` with a short reason, and the walk goes on with the next one.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from wirewatch.errors import InputError
from wirewatch.read.decode import decode_bytes
from wirewatch.read.feeds import feed_items
from wirewatch.read.jsonl import jsonl_pages
from wirewatch.read.links import Link, url_list_items
from wirewatch.read.sitemaps import sitemap_items
from wirewatch.read.sniff import (
    GZIP_MAGIC,
    WARC_MAGIC,
    InputForm,
    NameForm,
    form_from_name,
    looks_like_url_list,
    sniff_form,
    xml_form,
)
from wirewatch.read.text import page_from_text
from wirewatch.read.warc import warc_pages, warc_pages_from_bytes
from wirewatch.records import Page, PageForm, Skip

MAX_BYTES = 20 * 1024 * 1024  # "over 20 MB" is refused, before and after gunzip
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def walk(path: Path) -> Iterator[Path | Skip]:
    """The files under ``path`` (itself if a file), sorted, and a Skip per unreadable entry.

    Symlinked folders are followed once; a second route to the same folder is a ``duplicate``.
    """
    if not path.exists() and not path.is_symlink():
        yield Skip(str(path), "not_found", "no such file or folder")
        return
    if not path.is_dir():
        yield path
        return
    errors: list[OSError] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(path, onerror=errors.append, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink back to a folder already read: a loop or a second route
            dirs.clear()
            yield Skip(folder, "duplicate", f"folder already read as {real}")
            continue
        seen.add(real)
        dirs.sort()
        while errors:
            yield _unreadable(errors.pop(0))
        for name in sorted(files):
            yield Path(folder) / name
    while errors:
        yield _unreadable(errors.pop(0))


def _unreadable(error: OSError) -> Skip:
    return Skip(str(error.filename), "unreadable", error.strerror or str(error))


def read_limited(path: Path, *, max_bytes: int, walked: bool) -> bytes:
    """The bytes of a file; InputError when too large, not a regular file, or not readable."""
    try:
        info = path.stat()
        if walked and not stat.S_ISREG(info.st_mode):
            raise InputError("unsupported", "not a regular file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError("too_large", f"{info.st_size} bytes, over the {max_bytes} limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise InputError("not_found", error.strerror or "no such file") from error
    except OSError as error:
        raise InputError("unreadable", error.strerror or str(error)) from error
    if len(data) > max_bytes:
        raise InputError("too_large", f"over the {max_bytes}-byte limit")
    return data


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Decompressed bytes; ``bad_gzip`` when truncated or corrupt, ``too_large`` past the limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes + 1)
    except _GZIP_ERRORS as error:
        raise InputError("bad_gzip", f"gzip data is truncated or corrupt: {error}") from error
    if len(out) > max_bytes:
        raise InputError("too_large", f"over {max_bytes} bytes once decompressed")
    return out


def _refine(form: InputForm, text: str) -> InputForm:
    """The form the content shows: sniffed when unnamed; a feed or sitemap behind an ``.xml``
    or ``.html`` name, a URL list behind a ``.txt`` name."""
    if form == "unknown":
        return sniff_form(text)
    if form in ("html", "text") and (xml := xml_form(text)) is not None:
        return xml
    if form == "text" and looks_like_url_list(text):
        return "urls"
    return form


def pages_from_bytes(
    source: str, data: bytes, name: NameForm, *, max_bytes: int, base_url: str | None = None
) -> Iterator[Page | Skip | Link]:
    """What one input's bytes hold: gunzipped if needed, then by form: a page, JSONL pages,
    WARC records, or the Links of a feed, sitemap or URL list (``base_url``: where it was
    fetched from, for a feed's relative links)."""
    try:
        if not data.strip():
            raise InputError("empty", "no content (0 bytes or blank)")
        if data.startswith(GZIP_MAGIC):
            data = gunzip(data, max_bytes=max_bytes)
            if not data.strip():
                raise InputError("empty", "empty once decompressed")
        elif name.gzipped:
            raise InputError("bad_gzip", "named .gz but not gzip data")
        form: InputForm = name.form
        if form == "warc" or data.startswith(WARC_MAGIC):
            yield from warc_pages_from_bytes(data, source, max_bytes=max_bytes)
            return
        if form == "jsonl":
            yield from jsonl_pages(source, data.splitlines(), max_bytes=max_bytes)
            return
        if form == "feed":
            yield from feed_items(source, data, base_url=base_url)
            return
        if form == "sitemap":
            yield from sitemap_items(source, data)
            return
        decoded = decode_bytes(data, html=form != "text")
        form = _refine(form, decoded.text)
        if form == "jsonl":
            lines = [line.encode("utf-8") for line in decoded.text.split("\n")]
            yield from jsonl_pages(source, lines, max_bytes=max_bytes)
        elif form == "feed":
            yield from feed_items(source, data, base_url=base_url)
        elif form == "sitemap":
            yield from sitemap_items(source, data)
        elif form == "urls":
            yield from url_list_items(source, decoded.text)
        else:
            page_form: PageForm = "html" if form == "html" else "text"
            yield page_from_text(source, decoded.text, form=page_form, encoding=decoded.encoding)
    except InputError as error:
        yield Skip(source, error.reason, error.detail)


def _starts_as_warc(path: Path) -> bool:
    """The file (gzipped or not) starts with a WARC record header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False  # read_limited reports it
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def _warc_stream(path: Path, *, max_bytes: int) -> Iterator[Page | Skip]:
    """A WARC file read record by record: no size limit on the file, one per record."""
    try:
        with path.open("rb") as handle:
            yield from warc_pages(handle, str(path), max_bytes=max_bytes)
    except OSError as error:
        reason = "not_found" if isinstance(error, FileNotFoundError) else "unreadable"
        yield Skip(str(path), reason, error.strerror or str(error))


def _jsonl_stream(path: Path, name: NameForm, *, max_bytes: int) -> Iterator[Page | Skip]:
    """A JSONL file read line by line, so a large file of many pages needs no 20 MB whole."""
    source = str(path)
    try:
        with path.open("rb") as raw:
            magic = raw.read(2)
            raw.seek(0)
            handle: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if magic == GZIP_MAGIC else raw
            if name.gzipped and magic != GZIP_MAGIC:
                yield Skip(source, "bad_gzip", "named .gz but not gzip data")
                return
            yield from jsonl_pages(source, _lines(handle, source), max_bytes=max_bytes)
    except _LineError as error:
        yield Skip(error.source, error.reason, error.detail)
    except OSError as error:
        reason = "not_found" if isinstance(error, FileNotFoundError) else "unreadable"
        yield Skip(source, reason, error.strerror or str(error))


class _LineError(Exception):
    def __init__(self, source: str, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.source, self.reason, self.detail = source, reason, detail


def _lines(handle: io.BufferedIOBase, source: str) -> Iterable[bytes]:
    number = 0
    try:
        for number, line in enumerate(handle, start=1):  # noqa: B007 - number used after the loop
            yield line
    except _GZIP_ERRORS as error:
        raise _LineError(
            f"{source}:{number + 1}", "bad_gzip", f"gzip data ends early: {error}"
        ) from error


def file_pages(
    path: Path, *, max_bytes: int = MAX_BYTES, walked: bool = False
) -> Iterator[Page | Skip | Link]:
    """The pages in one file (several for JSONL and WARC), the Links of a feed, sitemap or
    URL list, or the Skips that say why not."""
    name = form_from_name(path.name)
    if name.form == "unsupported":
        yield Skip(str(path), "unsupported", f"a {path.suffix or 'non-page'} file, not a page")
        return
    if path.is_file() and (name.form == "warc" or (
            name.form == "unknown" and _starts_as_warc(path))):
        yield from _warc_stream(path, max_bytes=max_bytes)
        return
    if name.form == "jsonl" and path.is_file():
        yield from _jsonl_stream(path, name, max_bytes=max_bytes)
        return
    try:
        data = read_limited(path, max_bytes=max_bytes, walked=walked)
    except InputError as error:
        yield Skip(str(path), error.reason, error.detail)
        return
    yield from pages_from_bytes(str(path), data, name, max_bytes=max_bytes)


def stdin_pages(
    stream: BinaryIO, *, max_bytes: int = MAX_BYTES
) -> Iterator[Page | Skip | Link]:
    """Pages from standard input (source ``-``, or ``-:N`` for JSONL lines), sniffed."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        yield Skip("-", "unreadable", error.strerror or str(error))
        return
    if len(data) > max_bytes:
        yield Skip("-", "too_large", f"over the {max_bytes}-byte limit")
        return
    yield from pages_from_bytes("-", data, NameForm("unknown", gzipped=False), max_bytes=max_bytes)
