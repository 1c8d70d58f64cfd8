"""An archived HTTP response (a WARC ``response`` block) to status, headers and decoded body.

Archives keep the bytes as they came off the wire: a status line, headers, a blank line, then
the body, possibly chunked and compressed. Common Crawl removes both encodings but keeps the
headers renamed; other crawlers keep them. The body is de-chunked only when it parses as
chunks, and decompressed (gzip, deflate, br) within the size limit.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from wirewatch.errors import InputError


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """Status code, headers (names lower-cased, the last of repeated ones) and body bytes."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def split_head(block: bytes) -> tuple[bytes, bytes]:
    """Head and body of an HTTP message (CRLF or bare LF line ends)."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        head, found, body = block.partition(separator)
        if found:
            return head, body
    raise InputError("bad_http", "no end of HTTP headers in the record")


def parse_response(block: bytes, *, max_bytes: int) -> HttpResponse:
    """Parse and decode one archived HTTP response; InputError ``bad_http``/``bad_encoding``."""
    head, body = split_head(block)
    lines = head.decode("iso-8859-1").splitlines()
    status_line = lines[0].split() if lines else []
    if len(status_line) < 2 or not status_line[0].upper().startswith("HTTP/") or not (
        status_line[1].isdigit()
    ):
        raise InputError("bad_http", f"not an HTTP status line: {lines[0][:80] if lines else ''}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body) or body
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding and encoding != "identity":
        body = decompress(body, encoding, max_bytes=max_bytes)
    return HttpResponse(int(status_line[1]), headers, body)


def dechunk(body: bytes) -> bytes | None:
    """The de-chunked body, or None when the bytes are not chunked after all."""
    out = bytearray()
    position = 0
    while True:
        line_end = body.find(b"\r\n", position)
        if line_end < 0:
            return None
        size_text = body[position:line_end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return None
        if size == 0:
            return bytes(out)
        start = line_end + 2
        out += body[start : start + size]
        if start + size > len(body):
            return None
        position = start + size + 2


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    """Decompressed bytes (at most ``limit``); ValueError when they do not decode."""
    if encoding == "br":
        import brotli  # warcio's dependency

        try:
            return bytes(brotli.decompress(body))
        except brotli.error as error:
            raise ValueError(str(error)) from error
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError("bad_encoding", f"unknown content encoding {encoding}")
    # gzip or zlib header auto-detected; "deflate" is also sent raw, without a header
    for wbits in (zlib.MAX_WBITS | 32, -zlib.MAX_WBITS):
        try:
            return zlib.decompressobj(wbits).decompress(body, limit)
        except zlib.error as error:
            failure = error
    raise ValueError(str(failure))


def decompress(body: bytes, encoding: str, *, max_bytes: int) -> bytes:
    """gzip / deflate / br body bytes, refused past ``max_bytes`` once decompressed."""
    try:
        out = _inflate(body, encoding, max_bytes + 1)
    except ValueError as error:
        if _already_plain(body):  # the archive decoded it but kept the header
            return body
        raise InputError("bad_encoding", f"{encoding} body does not decode: {error}") from error
    if len(out) > max_bytes:
        raise InputError("too_large", f"over {max_bytes} bytes once decompressed")
    return out


def _already_plain(body: bytes) -> bool:
    head = body[:512].lstrip()
    return head.startswith((b"<", b"{")) or (bool(head) and head[:64].isascii())
