"""How an input is named in records: its path's bytes, shown as text that round-trips.

A POSIX file name is bytes. ``str(path)`` of a name that is not UTF-8 holds lone surrogates
(``caf\\udce9.html``), which no database or JSON encoder takes; replacing them would give two
different names one source. ``source_name`` shows the bytes instead: UTF-8 as is, every other
byte as ``\\xNN`` and a backslash as ``\\\\``, so that every backslash in a source is an escape and
two different names never share one.
"""

from __future__ import annotations

import os

_ESCAPE_BACKSLASH = os.sep == "/"  # on Windows the backslash is the separator: kept as is


def source_name(path: str | os.PathLike[str]) -> str:
    r"""The path's bytes (``os.fsencode``) as text, with backslash escapes where not UTF-8.

    >>> source_name(os.fsdecode(b"news/caf\xe9.html"))
    'news/caf\\xe9.html'
    >>> source_name("news/café.html")
    'news/café.html'
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a str path with surrogates that no file name decodes to
        raw = os.fspath(path).encode("utf-8", "surrogatepass")
    if _ESCAPE_BACKSLASH:
        raw = raw.replace(b"\\", b"\\\\")
    return raw.decode("utf-8", "backslashreplace")
