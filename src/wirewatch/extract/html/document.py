"""trafilatura's metadata steps, less the ones wirewatch never reads.

``trafilatura.metadata.extract_metadata`` also collects tags and a licence, and always
searches the page for categories; wirewatch reads none of these, except the categories when
the head names no section. Here the same steps run in the same order with the same functions,
those left out are skipped, and the author fallback (``html_author``: the same predicates in one
pass instead of regex XPaths) prunes the page's own tree instead of a deep copy of it (so it
runs last, after every other use of the tree). Everything read is
equal to what ``bare_extraction(with_metadata=True)`` gives (tests/extract/test_html_document.py).

1. ``head_metadata(tree, url)`` before the body passes: meta tags, JSON-LD, title, URL and
   host (trafilatura's body extraction reads the page's URL from them when none is given);
2. ``finish_metadata(document, tree, ...)`` after them: date (htmldate), site name,
   categories when asked, then the author fallback, which consumes ``tree``.
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from wirewatch.extract.html.author import author_in_place


def head_metadata(tree: HtmlElement, url: str | None) -> Any:
    """trafilatura's Document with what the head says: title, author, URL, site, host."""
    from courlan import extract_domain
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_title,
        extract_url,
    )

    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None
    document = extract_meta_json(tree, document)
    if not document.title:
        document.title = extract_title(tree)
    if not document.url:
        document.url = extract_url(tree, url)
    if document.url:
        document.hostname = extract_domain(document.url, fast=True)
    return document


def finish_metadata(
    document: Any, tree: HtmlElement, *, date_params: dict[str, Any], categories: bool
) -> Any:
    """Date, site name, categories (only when ``categories``) and author; ``tree`` is pruned
    by the author step and must not be used afterwards."""
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        extract_catstags,
        extract_sitename,
    )

    document.date = find_date(tree, **{**date_params, "url": document.url})
    if not document.sitename:
        document.sitename = extract_sitename(tree)
    if document.sitename:
        site = document.sitename.lstrip("@")
        document.sitename = site.title() if site and "." not in site and not site[0].isupper() \
            else site
    elif document.url:
        match = META_URL.match(document.url)
        if match:
            document.sitename = match[1]
    if categories and not document.categories:
        document.categories = extract_catstags("category", tree)
    if not document.author:
        document.author = author_in_place(tree)
    document.filedate = date_params.get("max_date")
    document.clean_and_trim()
    return document
