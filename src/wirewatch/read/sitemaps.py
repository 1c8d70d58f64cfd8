"""Sitemaps: ``<urlset>`` (plain or Google News) and ``<sitemapindex>``, gzipped or not.

A urlset's ``<loc>`` entries become page Links; the date hint is the news extension's
``publication_date``, else ``lastmod``. An index's entries become sitemap Links (fetched in
turn, to the reader's depth limit). The XML is parsed without entities, DTDs or network
(no XXE), leniently; at most ``MAX_ENTRIES`` (the protocol's 50,000) are read from one file.
"""

from __future__ import annotations

from collections.abc import Iterator

from wirewatch.read.links import Link, LinkKind, is_web_url
from wirewatch.read.text import valid_date
from wirewatch.records import Skip

MAX_ENTRIES = 50_000


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: object, name: str) -> str | None:
    for child in element.iter():  # type: ignore[attr-defined]
        if _local(child.tag) == name and child.text and child.text.strip():
            return str(child.text.strip())
    return None


def sitemap_items(source: str, data: bytes) -> Iterator[Link | Skip]:
    """Links in one sitemap document, or a Skip when it is not a readable sitemap."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        yield Skip(source, "bad_sitemap", f"not XML: {error}"[:300])
        return
    if root is None:
        yield Skip(source, "bad_sitemap", "no XML element")
        return
    kind: LinkKind
    name = _local(root.tag)
    if name == "urlset":
        entry, kind = "url", "page"
    elif name == "sitemapindex":
        entry, kind = "sitemap", "sitemap"
    else:
        yield Skip(source, "bad_sitemap", f"root element <{name}>, not a sitemap")
        return
    count = 0
    for number, element in enumerate((e for e in root if _local(e.tag) == entry), start=1):
        if number > MAX_ENTRIES:
            yield Skip(source, "too_large", f"over {MAX_ENTRIES} entries, the rest not read")
            return
        count += 1
        where = f"{source}:{number}"
        loc = _child_text(element, "loc")
        if loc is None or not is_web_url(loc):
            yield Skip(where, "bad_url", f"no http(s) <loc>: {str(loc)[:100]!r}")
            continue
        stamp = _child_text(element, "publication_date") or _child_text(element, "lastmod")
        day = valid_date(stamp) if stamp else None
        yield Link(loc, where, kind, date_hint=day, title=_child_text(element, "title"))
    if count == 0:
        yield Skip(source, "empty", f"a <{name}> without entries")
