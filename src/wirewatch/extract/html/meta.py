"""Cheap extras from a parsed HTML tree that trafilatura's metadata leaves out.

A precise publication time (trafilatura gives the day only), the section, the page language,
the lead image's caption and credit, and the headlines of links in a "related" block. Each is
one XPath over the tree (the related links: one walk over the block elements), no
site-specific rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_PUBLISHED = XPath(
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @property='og:published_time'"
    " or @name='pubdate' or @name='publishdate' or @name='publish-date'"
    " or @name='date' or @name='dc.date' or @name='DC.date.issued']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)
_JSON_LD = XPath("//script[@type='application/ld+json']/text()")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_SECTION = XPath(
    "//meta[@property='article:section' or @name='article:section' or @name='section']/@content"
)
_LANG = XPath("/html/@lang | /html/@xml:lang")
_FIGCAPTION = XPath("(//article//figure | //main//figure | //figure)[.//figcaption][1]//figcaption")
_CREDIT_IN = XPath(
    ".//*[contains(translate(@class, 'CREDITOPYRHS', 'creditopyrhs'), 'credit')"
    " or contains(translate(@class, 'CREDITOPYRHS', 'creditopyrhs'), 'copyright')]"
)
_OG_IMAGE_ALT = XPath("//meta[@property='og:image:alt']/@content")
_CREDIT_TEXT = re.compile(
    r"(?:[(\[]\s*)?(?:©|\(c\)|copyright\b|photo(?:graph)?s?\s*(?:credit)?\s*[:/]|"
    r"image\s*(?:credit)?\s*:|picture\s*:|credits?\s*(?::|\.{2,}|…)|source\s*:)\s*(?P<credit>[^()\[\]]{2,80}?)"
    r"\s*[)\]]?\s*\Z",
    re.IGNORECASE,
)
_ISO_DATETIME = re.compile(r"\A\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·»•]|::)\s+")
_H1 = XPath("(//h1)[1]")
_ALNUM = re.compile(r"[\W_]+")
_MIN_RELATED_WORDS = 3
_MAX_RELATED = 20


@dataclass(frozen=True, slots=True)
class HtmlExtras:
    """What the tree says beyond trafilatura's fields; any of them may be missing."""

    published: str | None = None
    section: str | None = None
    language: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    related: tuple[str, ...] = ()
    h1: str | None = None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return _SPACE.sub(" ", text).strip() or None


def _first(values: list[object]) -> str | None:
    for value in values:
        cleaned = _clean(str(value))
        if cleaned:
            return cleaned
    return None


def _key(text: str) -> str:
    return _ALNUM.sub("", text).casefold()


def _is_site(segment: str, site: str | None, host: str | None) -> bool:
    key = _key(segment)
    if not key:
        return False
    if site and (key == _key(site) or key in {_key(part) for part in _TITLE_SEPARATOR.split(site)}):
        return True
    labels = [_key(label) for label in (host or "").lower().split(".")[:-1] if label != "www"]
    return len(key) >= 4 and any(
        len(label) >= 4 and (key in label or label in key) for label in labels
    )


def clean_title(
    title: str, *, site: str | None = None, host: str | None = None, h1: str | None = None
) -> str:
    """The headline without the site name that ``<title>`` often adds before or after it.

    A separated segment goes when it is the site name (or the host name), or when what is
    left equals the page's first ``<h1>``. Nothing else is cut.

    >>> clean_title("Talks resume | The Daily Example", site="The Daily Example")
    'Talks resume'
    """
    h1_key = _key(h1) if h1 else None
    while True:
        separators = list(_TITLE_SEPARATOR.finditer(title))
        if not separators:
            return title
        first, last = separators[0], separators[-1]
        head, tail = title[: last.start()], title[first.end() :]
        if _is_site(title[last.end() :], site, host) or (h1_key and _key(head) == h1_key):
            title = head.strip()
        elif _is_site(title[: first.start()], site, host) or (h1_key and _key(tail) == h1_key):
            title = tail.strip()
        else:
            return title


def first_h1(tree: HtmlElement) -> str | None:
    """The text of the page's first ``<h1>``."""
    found = _H1(tree)
    return _clean(found[0].text_content()) if found else None


def published_time(tree: HtmlElement) -> str | None:
    """The first ISO publication date-time the head or JSON-LD states, as precise as given."""
    candidates: list[str] = [str(value) for value in _PUBLISHED(tree)]
    for script in _JSON_LD(tree):
        candidates.extend(_JSON_LD_DATE.findall(str(script)))
    for value in candidates:
        match = _ISO_DATETIME.match(value.strip())
        if match:
            return match.group(0).replace(" ", "T")
    return None


@dataclass(frozen=True, slots=True)
class Caption:
    """An image caption and its credit, either of which may be missing."""

    text: str | None
    credit: str | None


def split_credit(caption: str) -> Caption:
    """A caption and the credit at its end (``© Reuters``, ``Photo: AP``), separated.

    >>> split_credit("Troops at the border. Photo: AP / Jane Doe")
    Caption(text='Troops at the border.', credit='AP / Jane Doe')
    """
    match = _CREDIT_TEXT.search(caption)
    if match is None:
        return Caption(caption, None)
    rest = caption[: match.start()].strip(" -–—|,")
    return Caption(rest or None, match.group("credit").strip() or None)


def lead_caption(tree: HtmlElement) -> Caption:
    """The first figure's caption and credit, else the ``og:image:alt`` text."""
    captions = _FIGCAPTION(tree)
    if not captions:
        return Caption(_first(_OG_IMAGE_ALT(tree)), None)
    figcaption = captions[0]
    whole = _clean(" ".join(figcaption.itertext()))
    if whole is None:
        return Caption(None, None)
    credit_nodes = _CREDIT_IN(figcaption)
    credit = _clean(" ".join(credit_nodes[0].itertext())) if credit_nodes else None
    if credit is None:
        return split_credit(whole)
    return Caption(_clean(whole.replace(credit, "")), split_credit(credit).credit or credit)


_RELATED_BLOCKS = ("aside", "section", "div", "ul", "nav")
_RELATED_UPPER = str.maketrans("RELATED", "related")  # XPath translate(): only these letters


def _is_related(value: str | None) -> bool:
    return value is not None and "related" in value.translate(_RELATED_UPPER)


def related_links(tree: HtmlElement) -> list[HtmlElement]:
    """The links inside an ``aside``, ``section``, ``div``, ``ul`` or ``nav`` whose class or id
    holds "related" (any case of those letters), each once, in document order: what the XPath
    ``//*[self::aside or ...][contains(translate(@class, 'RELATED', 'related'), 'related') or
    ...]//a`` selects, in one walk (tests/extract/test_html_document.py compares the two)."""
    links: list[HtmlElement] = []
    inside: HtmlElement | None = None  # the outermost related block being walked
    for block in tree.iter(*_RELATED_BLOCKS):
        if inside is not None and _within(block, inside):
            continue  # its links are the outer block's
        if _is_related(block.get("class")) or _is_related(block.get("id")):
            inside = block
            links.extend(block.iterdescendants("a"))
    return links


def _within(element: HtmlElement, block: HtmlElement) -> bool:
    return any(parent is block for parent in element.iterancestors(*_RELATED_BLOCKS))


def _related(tree: HtmlElement) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for anchor in related_links(tree):
        text = _clean(anchor.text_content())
        if text and len(text.split()) >= _MIN_RELATED_WORDS:
            seen.setdefault(text, None)
        if len(seen) >= _MAX_RELATED:
            break
    return tuple(seen)


def html_extras(tree: HtmlElement) -> HtmlExtras:
    """All the extras of one page."""
    language = _first(_LANG(tree))
    caption = lead_caption(tree)
    return HtmlExtras(
        published=published_time(tree),
        section=_first(_SECTION(tree)),
        language=language.split("-")[0].split("_")[0].lower() if language else None,
        image_caption=caption.text,
        image_credit=caption.credit,
        related=_related(tree),
        h1=first_h1(tree),
    )
