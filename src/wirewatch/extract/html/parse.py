"""HTML to an lxml tree with libxml2's size limits lifted and its depth limit handled.

trafilatura parses with one module-level ``HTMLParser``; without ``huge_tree`` libxml2 stops at
a text node or attribute of 10 MB and at about 255 levels of nesting, and the page comes out
empty (``no_article`` for a valid 10 MB single-paragraph page). ``use_huge_parser`` swaps in
the same parser with ``huge_tree=True`` (same options, same trees for every page within the old
limits). With it libxml2 still stops at 2,048 levels: when its error log says so, the page is
parsed again with the tags nested deeper than ``read.budget.MAX_DEPTH`` removed (their text
stays), and a ``read.deep_nesting`` note says how many went.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement, HTMLParser

from wirewatch.errors import NoArticleError
from wirewatch.read.budget import flatten_nesting
from wirewatch.records import Drop

_RESOURCE_LIMIT = "ERR_RESOURCE_LIMIT"
# Characters one text node keeps: trafilatura, htmldate and our word counts are linear but slow
# per character (a 10 MB paragraph: 12 s unloaded, 25 s on a loaded machine); spaCy reads 300k.
MAX_TEXT_NODE = 1_000_000


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    """The page's tree and the notes on how it was made."""

    tree: HtmlElement
    notes: tuple[Drop, ...] = ()


@functools.cache
def load_trafilatura() -> Any:
    """Import trafilatura once, keep its per-page log lines off our stderr, and give it the
    huge-tree parser."""
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    use_huge_parser()
    return trafilatura


@functools.cache
def use_huge_parser() -> Any:
    """trafilatura's utils module with its parser replaced by the same one with huge_tree."""
    from trafilatura import utils

    utils.HTML_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                   remove_comments=True, remove_pis=True, huge_tree=True)
    return utils


def _hit_a_limit(utils: Any) -> bool:
    return any(entry.type_name == _RESOURCE_LIMIT for entry in utils.HTML_PARSER.error_log)


def parse_page_html(html: str) -> ParsedHtml:
    """An lxml tree of the page and notes; NoArticleError when lxml cannot make one."""
    load_trafilatura()
    utils = use_huge_parser()
    tree = utils.load_html(html)
    notes: tuple[Drop, ...] = ()
    if tree is not None and _hit_a_limit(utils):
        flat = flatten_nesting(html)
        if flat.notes:
            tree, notes = utils.load_html(flat.content), flat.notes
    if tree is None:
        raise NoArticleError("no_article", "the HTML could not be parsed")
    if len(html) > MAX_TEXT_NODE:
        notes += _truncate_long_text(tree)
    return ParsedHtml(tree, notes)


def _truncate_long_text(tree: HtmlElement) -> tuple[Drop, ...]:
    """Text nodes cut to ``MAX_TEXT_NODE`` characters, with a note of what went."""
    cut = 0
    for element in tree.iter():
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value is not None and len(value) > MAX_TEXT_NODE:
                cut += len(value) - MAX_TEXT_NODE
                setattr(element, attribute, value[:MAX_TEXT_NODE])
    if not cut:
        return ()
    return (Drop("html.text_truncated",
                 f"{cut} characters past {MAX_TEXT_NODE} in one text node cut"),)
