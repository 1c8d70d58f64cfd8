"""What kind of input a file is: by its name first, else by its content."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

InputForm = Literal[
    "text", "html", "jsonl", "warc", "feed", "sitemap", "urls", "unsupported", "unknown"
]

GZIP_MAGIC = b"\x1f\x8b"
_EXTENSION_FORMS: dict[str, InputForm] = {
    "txt": "text",
    "text": "text",
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "shtml": "html",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "warc": "warc",
    "wet": "warc",
    "rss": "feed",
    "atom": "feed",
}
_MARKUP_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", re.I | re.S
)
# The root element of an XML document, after the prolog, comments, a doctype and
# processing instructions (xml-stylesheet).
_XML_ROOT = re.compile(
    r"\A\ufeff?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?([\w.-]+)\b",
    re.S | re.I,
)
_XML_FORMS: dict[str, InputForm] = {
    "rss": "feed", "feed": "feed", "rdf": "feed", "urlset": "sitemap", "sitemapindex": "sitemap",
}
WARC_MAGIC = b"WARC/"
_MARKUP_TAG = re.compile(r"<(?:p|div|article|section|span|a|meta|title|br|h[1-6])\b[^<>]*>", re.I)
_MARKUP_TAGS_NEEDED = 3


@functools.cache
def unsupported_extensions() -> frozenset[str]:
    """Extensions that are never pages (images, archives, fonts...), from the data file."""
    text = (
        resources.files("wirewatch")
        .joinpath("data", "read", "unsupported_extensions.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class NameForm:
    """What a file name announces: a form, and whether the file is gzipped."""

    form: InputForm
    gzipped: bool


def form_from_name(name: str) -> NameForm:
    """The form a file name announces, and whether it is gzipped (``a.html.gz``).

    >>> form_from_name("page.HTM.gz")
    NameForm(form='html', gzipped=True)
    """
    lowered = name.lower()
    gzipped = lowered.endswith(".gz")
    if gzipped:
        lowered = lowered[:-3]
    _, dot, extension = lowered.rpartition(".")
    if not dot or "/" in extension:
        return NameForm("unknown", gzipped)
    if extension in _EXTENSION_FORMS:
        return NameForm(_EXTENSION_FORMS[extension], gzipped)
    if extension in unsupported_extensions():
        return NameForm("unsupported", gzipped)
    return NameForm("unknown", gzipped)


def looks_like_html(text: str) -> bool:
    """Markup at the start, or several common tags in the first 4 KB."""
    head = text[:4096]
    if _MARKUP_START.match(head):
        return True
    return len(_MARKUP_TAG.findall(head)) >= _MARKUP_TAGS_NEEDED


def looks_like_jsonl(text: str) -> bool:
    """The first non-blank line is a JSON object (the lines are parsed one by one later)."""
    import json

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not (stripped.startswith("{") and stripped.endswith("}")):
            return False
        try:
            return isinstance(json.loads(stripped), dict)
        except ValueError:
            return False
    return False


def xml_form(text: str) -> InputForm | None:
    """``feed`` (rss, Atom feed, RSS 1.0 rdf:RDF) or ``sitemap`` (urlset, sitemapindex) by the
    document's root element; None for anything else."""
    match = _XML_ROOT.match(text[:8192])
    return _XML_FORMS.get(match.group(1).lower()) if match else None


def looks_like_url_list(text: str) -> bool:
    """Every non-blank line that is not a ``#`` comment (of the first 200) is an http(s) URL."""
    from wirewatch.read.links import is_web_url

    urls, start = 0, 0
    while urls < 200 and start < len(text):  # line by line: a page fails on its first line
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        start = end + 1
        if not line or line.startswith("#"):
            continue
        if not is_web_url(line):
            return False
        urls += 1
    return urls > 0


def sniff_form(text: str) -> InputForm:
    """``jsonl`` if lines are JSON objects, ``feed``/``sitemap`` by an XML root, ``urls`` if
    every line is a URL, ``html`` if it looks like markup, else ``text``."""
    if looks_like_jsonl(text):
        return "jsonl"
    form = xml_form(text)
    if form is not None:
        return form
    if looks_like_url_list(text):
        return "urls"
    if looks_like_html(text):
        return "html"
    return "text"
