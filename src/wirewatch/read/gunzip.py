"""Gzip decompressed as a stream, bounded in memory, read up to trailing garbage.

``GunzipStream`` wraps an open binary file and yields the decompressed bytes of every gzip
member in turn, at most ``CHUNK`` bytes of output per step, so a reader that stops at its byte
limit never inflates more than that (a 1 MB bomb costs no more than the limit). Bytes after a
complete member that are not another member end the data there: ``trailing_garbage`` says so
and the reader records a note instead of refusing the page (``gzip`` refuses it whole). A first
member that is corrupt or cut short raises ``InputError("bad_gzip")``.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from wirewatch.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 65_536
_GZIP_WBITS = 31  # zlib: gzip header and trailer, CRC and length checked


class GunzipStream(io.RawIOBase):
    """A readable raw stream of the decompressed bytes of ``source``.

    Wrap it in ``io.BufferedReader`` for ``read(n)`` and ``readline(limit)``.
    """

    def __init__(self, source: BinaryIO) -> None:
        super().__init__()
        self._source = source
        self._inflater = zlib.decompressobj(_GZIP_WBITS)
        self._members = 0  # complete members so far
        self._out = b""
        self._done = False
        self.trailing_garbage = 0  # bytes seen after the last good member (at least)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while not self._out and not self._done:
            self._step()
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        self._out = self._out[size:]
        return size

    def _step(self) -> None:
        inflater = self._inflater
        if inflater.eof:
            self._members += 1
            self._next_member(inflater.unused_data)
            return
        data = inflater.unconsumed_tail or self._source.read(CHUNK)
        if not data and self._members == 0:
            raise InputError("bad_gzip", "gzip data is truncated (ends inside a member)")
        if not data:  # a later member cut short: what came before it stands
            self._garbage(b"")
            return
        try:
            self._out = inflater.decompress(data, CHUNK)
        except zlib.error as error:
            if self._members == 0:
                raise InputError("bad_gzip", f"gzip data is corrupt: {error}") from error
            self._garbage(data)

    def _next_member(self, rest: bytes) -> None:
        if len(rest) < len(GZIP_MAGIC):
            rest += self._source.read(CHUNK)
        while rest and not rest.lstrip(b"\0"):  # NUL padding after a member, as gzip allows
            rest = self._source.read(CHUNK)
        rest = rest.lstrip(b"\0")
        if len(rest) == 1:
            rest += self._source.read(CHUNK)
        if not rest:
            self._done = True
        elif rest.startswith(GZIP_MAGIC):
            self._inflater = zlib.decompressobj(_GZIP_WBITS)
            try:
                self._out = self._inflater.decompress(rest, CHUNK)
            except zlib.error:
                self._garbage(rest)
        else:
            self._garbage(rest)

    def _garbage(self, rest: bytes) -> None:
        self.trailing_garbage = max(len(rest), 1)
        self._done = True

