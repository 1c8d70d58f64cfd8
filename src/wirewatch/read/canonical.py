"""URL identity for "seen before": normalised URLs and a page's declared canonical URL.

``normalize_url`` lower-cases the scheme and host, drops the default port, the fragment and
click-tracking parameters (``data/read/tracking_parameters.txt``), and keeps everything else
(path case and the other parameters can name different articles). ``canonical_url`` reads the
``<link rel="canonical">`` a page declares in its first 64 KB.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from wirewatch.read.links import is_web_url

_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_REL_CANONICAL = re.compile(r"""\brel\s*=\s*["']?\s*canonical\b""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@functools.cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    text = (resources.files("wirewatch").joinpath("data", "read", "tracking_parameters.txt")
            .read_text(encoding="utf-8"))
    names = [line.strip().lower() for line in text.splitlines()
             if line.strip() and not line.startswith("#")]
    exact = frozenset(name for name in names if not name.endswith("*"))
    prefixes = tuple(name[:-1] for name in names if name.endswith("*"))
    return exact, prefixes


def _tracks(name: str) -> bool:
    exact, prefixes = _tracking()
    lowered = name.lower()
    return lowered in exact or lowered.startswith(prefixes)


def normalize_url(url: str) -> str:
    """The URL as it is compared for "seen before".

    >>> normalize_url("HTTPS://News.Example:443/a/B?id=3&utm_source=rss#top")
    'https://news.example/a/B?id=3'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _tracks(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def canonical_url(html: str, page_url: str) -> str | None:
    """The normalised canonical URL the page declares, or None."""
    for tag in _LINK_TAG.findall(html[:65_536]):
        if not _REL_CANONICAL.search(tag):
            continue
        href = _HREF.search(tag)
        if href is None:
            return None
        value = next(group for group in href.groups() if group is not None).strip()
        absolute = urljoin(page_url, value)
        return normalize_url(absolute) if is_web_url(absolute) else None
    return None
