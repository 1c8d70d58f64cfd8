"""Files and folders to raw inputs: walking, size limits, gzip, forms, one Skip per failure.

Nothing here raises for a bad input: each file, folder entry or JSONL line that cannot be read
becomes a ``Skip`` with a short reason, and the walk goes on with the next one.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wirewatch.errors import InputError
from wirewatch.read.decode import decode_bytes
from wirewatch.read.feeds import feed_items
from wirewatch.read.gunzip import CHUNK, GunzipStream
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
from wirewatch.read.source import source_name
from wirewatch.read.text import page_from_text
from wirewatch.read.warc import warc_pages, warc_pages_from_bytes
from wirewatch.records import Drop, Page, PageForm, Skip

MAX_BYTES = 20 * 1024 * 1024  # "over 20 MB" is refused, before and after gunzip
_NO_FILE_LIMIT = sys.maxsize  # JSONL files: the limit is per line, not per file
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows (which has no FIFOs to block on)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def walk(path: Path) -> Iterator[Path | Skip]:
    """The files under ``path`` (itself if a file), sorted, and a Skip per unreadable entry.

    Symlinked folders are followed once; a second route to the same folder is a ``duplicate``.
    """
    if not path.exists() and not path.is_symlink():
        yield Skip(source_name(path), "not_found", "no such file or folder")
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
            yield Skip(source_name(folder), "duplicate",
                       f"folder already read as {source_name(real)}")
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
    return Skip(source_name(str(error.filename)), "unreadable", error.strerror or str(error))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_stdin(info: os.stat_result) -> bool:
    try:
        return os.path.samestat(info, os.fstat(0))
    except OSError:  # no standard input at all
        return False


def open_input(path: Path, *, max_bytes: int) -> io.BufferedReader:
    """A regular file opened for reading; InputError for anything else.

    Opened without blocking, so a FIFO with no writer is refused (``unsupported``) instead of
    stalling the run; a FIFO, device or socket is read only when it is this process's standard
    input (``/dev/stdin``). A regular file over ``max_bytes`` is ``too_large`` unread.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError as error:
        raise InputError("not_found", error.strerror or "no such file") from error
    except OSError as error:
        raise InputError("unreadable", error.strerror or str(error)) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) and not _is_stdin(info):
            raise InputError("unsupported", f"{_kind(info.st_mode)}, not a page file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError("too_large", f"{info.st_size} bytes, over the {max_bytes} limit")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a file; InputError when too large, not a regular file, or not readable."""
    with open_input(path, max_bytes=max_bytes) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError("unreadable", error.strerror or str(error)) from error
    if len(data) > max_bytes:
        raise InputError("too_large", f"over the {max_bytes}-byte limit")
    return data


@dataclass(frozen=True, slots=True)
class Inflated:
    """Decompressed bytes and the notes on how (trailing garbage ignored)."""

    data: bytes
    notes: tuple[Drop, ...] = ()


def _garbage_note(stream: GunzipStream) -> tuple[Drop, ...]:
    if not stream.trailing_garbage:
        return ()
    return (Drop("read.gzip_trailing_garbage",
                 "bytes after the gzip data that are not gzip: read up to them"),)


def gunzip(data: bytes, *, max_bytes: int) -> Inflated:
    """Decompressed bytes, never more than ``max_bytes + 1`` inflated: ``bad_gzip`` when the
    first member is truncated or corrupt, ``too_large`` past the limit; bytes after a complete
    member that are not gzip end the data with a note."""
    stream = GunzipStream(io.BytesIO(data))
    with io.BufferedReader(stream, buffer_size=CHUNK) as handle:
        out = handle.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise InputError("too_large", f"over {max_bytes} bytes once decompressed")
    return Inflated(out, _garbage_note(stream))


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
        notes: tuple[Drop, ...] = ()
        if data.startswith(GZIP_MAGIC):
            inflated = gunzip(data, max_bytes=max_bytes)
            data, notes = inflated.data, inflated.notes
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
            yield page_from_text(source, decoded.text, form=page_form,
                                 encoding=decoded.encoding, notes=notes + decoded.notes)
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
            yield from warc_pages(handle, source_name(path), max_bytes=max_bytes)
    except OSError as error:
        reason = "not_found" if isinstance(error, FileNotFoundError) else "unreadable"
        yield Skip(source_name(path), reason, error.strerror or str(error))


def _jsonl_stream(path: Path, name: NameForm, *, max_bytes: int) -> Iterator[Page | Skip]:
    """A JSONL file read line by line, each line bounded: memory stays under one line's limit
    whatever the file's size (plain or gzipped)."""
    source = source_name(path)
    lines: BoundedLines | None = None
    try:
        with open_input(path, max_bytes=_NO_FILE_LIMIT) as raw:
            gzipped = raw.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC
            if name.gzipped and not gzipped:
                yield Skip(source, "bad_gzip", "named .gz but not gzip data")
                return
            if not gzipped:
                lines = BoundedLines(raw, max_bytes)
                yield from jsonl_pages(source, lines, max_bytes=max_bytes)
                return
            stream = GunzipStream(raw)
            with io.BufferedReader(stream, buffer_size=CHUNK) as handle:
                lines = BoundedLines(handle, max_bytes)
                yield from jsonl_pages(source, lines, max_bytes=max_bytes)
            if stream.trailing_garbage:
                yield Skip(f"{source}:{lines.count + 1}", "trailing_garbage",
                           "bytes after the gzip data that are not gzip: the lines before them "
                           "were read")
    except InputError as error:
        where = f"{source}:{lines.count + 1}" if lines is not None else source
        yield Skip(where, error.reason, error.detail)
    except OSError as error:
        yield Skip(source, "unreadable", error.strerror or str(error))


class BoundedLines:
    """The lines of a stream, counted; a line over ``max_bytes`` comes as its first
    ``max_bytes + 1`` bytes (enough to be refused as too large) and the rest is skipped in
    bounded pieces, so no line is ever held whole past the limit."""

    def __init__(self, handle: io.BufferedIOBase, max_bytes: int) -> None:
        self.handle = handle
        self.max_bytes = max_bytes
        self.count = 0

    def __iter__(self) -> Iterator[bytes]:
        while line := self.handle.readline(self.max_bytes + 1):
            self.count += 1
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                while (rest := self.handle.readline(CHUNK)) and not rest.endswith(b"\n"):
                    pass
            yield line


def file_pages(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Page | Skip | Link]:
    """The pages in one file (several for JSONL and WARC), the Links of a feed, sitemap or
    URL list, or the Skips that say why not."""
    name = form_from_name(path.name)
    source = source_name(path)
    if name.form == "unsupported":
        yield Skip(source, "unsupported", f"a {path.suffix or 'non-page'} file, not a page")
        return
    if path.is_file() and (name.form == "warc" or (
            name.form == "unknown" and _starts_as_warc(path))):
        yield from _warc_stream(path, max_bytes=max_bytes)
        return
    if name.form == "jsonl":
        yield from _jsonl_stream(path, name, max_bytes=max_bytes)
        return
    try:
        data = read_limited(path, max_bytes=max_bytes)
    except InputError as error:
        yield Skip(source, error.reason, error.detail)
        return
    yield from pages_from_bytes(source, data, name, max_bytes=max_bytes)


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
