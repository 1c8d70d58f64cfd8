"""Stable identifiers computed from content, so re-runs and resumed runs upsert."""

from __future__ import annotations

import hashlib
import re

_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Lower-case, whitespace-collapsed text: formatting changes do not change an id."""
    return _SPACE.sub(" ", text).strip().lower()


def article_id(source: str, body: str) -> str:
    """16 hex digits of SHA-256 over the source and the normalised body.

    >>> article_id("a.txt", "Hello  world") == article_id("a.txt", "hello world")
    True
    """
    digest = hashlib.sha256()
    digest.update(source.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(normalise_for_id(body).encode("utf-8"))
    return digest.hexdigest()[:16]
