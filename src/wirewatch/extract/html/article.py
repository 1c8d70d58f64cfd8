"""HTML pages to Articles with trafilatura (and htmldate for the date), plus light extras.

The body comes from trafilatura in precision mode without comments. It runs first without its
fallback extractors (readability, jusText), which are slow; only when that result is short
(under ``rescue_below`` characters) is the page redone with them. On the AEB benchmark this is
both more accurate and faster than trafilatura's default (see docs/reading-and-html.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal

from lxml.html import HtmlElement

from wirewatch.errors import NoArticleError
from wirewatch.extract.html.document import finish_metadata, head_metadata
from wirewatch.extract.html.meta import HtmlExtras, clean_title, html_extras
from wirewatch.extract.html.parse import load_trafilatura, parse_page_html
from wirewatch.extract.html.prepare import (
    PreparedPage,
    prepare_tree,
    restore_repeats,
    text_key,
)
from wirewatch.extract.html.short import NAVIGATION, is_short, navigation_class
from wirewatch.ids import article_id, normalise_for_id
from wirewatch.records import Article, Drop, Page

EXTRACTOR = "wirewatch.html/1"
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_WORD = re.compile(r"\w+")
Focus = Literal["precision", "balanced", "recall"]


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How trafilatura is called and what is done after. Defaults are the measured best."""

    focus: Focus = "precision"  # trafilatura's favor_precision / favor_recall, or neither
    include_comments: bool = False
    include_tables: bool = True
    fast_first: bool = True  # first pass without trafilatura's fallback extractors
    rescue_below: int = 500  # characters: a shorter first pass is redone with the fallbacks
    rescue_gain: float = 1.5  # a later pass replaces the text only when this many times longer
    deduplicate: bool = False
    balanced_rescue: bool = True  # still short after the fallbacks: try trafilatura's balanced mode
    with_metadata: bool = True  # title, authors, date, site, categories, and the extras
    extensive_date: bool = True  # htmldate's extensive search when the head states no time
    drop_title_repeat: bool = True  # a first paragraph equal to the title is dropped
    min_words: int = 10  # fewer words in the whole body: short (flagged) or navigation
    min_longest_paragraph: int = 8  # no paragraph this long: a menu or a list of links
    prepare_page: bool = True  # our layers: hidden text, in-sentence spans, loose text, repeats


DEFAULT_OPTIONS = HtmlOptions()
# Pages longer than this get htmldate's quick date search only (corpora: 1.6M at most).
EXTENSIVE_DATE_MAX_CHARS = 2_000_000


def parse_html(html: str) -> HtmlElement:
    """An lxml tree of the page (``parse_page_html`` without its notes)."""
    return parse_page_html(html).tree


def _bare(tree: HtmlElement, url: str | None, options: HtmlOptions, *, fast: bool) -> Any:
    return load_trafilatura().bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=options.focus == "precision",
        favor_recall=options.focus == "recall",
        include_comments=options.include_comments,
        include_tables=options.include_tables,
        deduplicate=options.deduplicate,
        date_extraction_params=_date_params(options.extensive_date),
    )


def _date_params(extensive: bool) -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": extensive,
        "max_date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


def _text(document: Any) -> str:
    return str(document.text or "") if document is not None else ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """trafilatura's body text and its metadata document (None without ``with_metadata``)."""

    text: str
    metadata: Any
    rescued: bool


def run_trafilatura(
    tree: HtmlElement,
    *,
    url: str | None = None,
    options: HtmlOptions = DEFAULT_OPTIONS,
    categories: bool = True,
) -> Extraction:
    """The body text by the fast-first policy, and trafilatura's metadata document.

    1. trafilatura as configured, without its fallbacks when ``fast_first``;
    2. under ``rescue_below`` characters after a fast pass: again with the fallbacks;
    3. still short in precision mode (``balanced_rescue``): trafilatura's balanced mode.
    A later pass is kept only when its text is ``rescue_gain`` times longer and adds a line of
    ``min_longest_paragraph`` words (a short article is not replaced by the same text with its
    menu, headline, byline and date around it). The metadata
    (``with_metadata``) comes from trafilatura's own steps less tags and licence, categories
    only when ``categories`` (``html_document``); they consume ``tree``: pass a tree that is
    not needed afterwards. The body passes work on copies (trafilatura copies its input).
    """
    passes: list[tuple[HtmlOptions, bool]] = []
    if options.fast_first:
        passes.append((options, False))
    if options.balanced_rescue and options.focus == "precision":
        passes.append((replace(options, focus="balanced"), False))
    head = head_metadata(tree, url) if options.with_metadata else None
    document = _bare(tree, url, options, fast=options.fast_first)
    text, rescued = _text(document), False
    for pass_options, fast in passes:
        if len(text) >= options.rescue_below:
            break
        document = _bare(tree, url, pass_options, fast=fast)
        candidate = _text(document)
        if len(candidate) > len(text) * options.rescue_gain and _adds_prose(
            text, candidate, options.min_longest_paragraph
        ):
            text, rescued = candidate, True
    metadata = None if head is None else finish_metadata(
        head, tree, date_params=_date_params(options.extensive_date), categories=categories)
    return Extraction(text, metadata, rescued)


def _adds_prose(text: str, candidate: str, words: int) -> bool:
    """Whether ``candidate`` has a line of ``words`` words or more that ``text`` lacks (always
    true over an empty text): a rescue that only adds short lines (menu items, the headline,
    a byline and date) does not replace a short article."""
    if not text.strip():
        return True
    have = {text_key(line) for line in text.split("\n")}
    return any(
        len(_WORD.findall(line)) >= words and text_key(line) not in have
        for line in candidate.split("\n")
    )


def extract_body_text(html: str, *, options: HtmlOptions = DEFAULT_OPTIONS) -> str:
    """Only the body, paragraphs joined by newlines (what the benchmarks score)."""
    tree = parse_html(html)
    prepared = prepare_tree(tree) if options.prepare_page else PreparedPage()
    plain = HtmlOptions(**{**_as_dict(options), "with_metadata": False})
    paragraphs = split_paragraphs(run_trafilatura(tree, options=plain).text)
    return "\n".join(restore_repeats(paragraphs, prepared.repeats))


def _as_dict(options: HtmlOptions) -> dict[str, Any]:
    return {name: getattr(options, name) for name in HtmlOptions.__slots__}


def split_paragraphs(text: str) -> list[str]:
    """trafilatura's text output is one paragraph (or list item, heading) a line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


@functools.cache
def author_noise() -> frozenset[str]:
    """Credentials and placeholders that are not author names (data/html/author_noise.txt)."""
    text = (
        resources.files("wirewatch")
        .joinpath("data", "html", "author_noise.txt")
        .read_text(encoding="utf-8")
    )
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _author_key(name: str) -> str:
    return " ".join(name.replace(".", "").split()).lower()


def split_authors(value: str | None, *, site: str | None = None) -> tuple[str, ...]:
    """trafilatura's ``"A; B"`` as names, without credentials, placeholders or the site name.

    >>> split_authors("Jane Roe; PhD; Example News", site="Example News")
    ('Jane Roe',)
    """
    if not value:
        return ()
    noise = author_noise() | ({_author_key(site)} if site else set())
    names: dict[str, None] = {}
    for name in _AUTHOR_SPLIT.split(value.strip()):
        if name and _author_key(name) not in noise:
            names.setdefault(name, None)
    return tuple(names)


def _published(day: str | None, extras: HtmlExtras, date_hint: str | None) -> str | None:
    """The precise time from the head when it agrees with htmldate's day; else the day."""
    if extras.published and (day is None or extras.published.startswith(day)):
        return extras.published
    return day or date_hint


def _body(
    paragraphs: list[str], title: str | None, options: HtmlOptions
) -> tuple[list[str], list[Drop]]:
    drops: list[Drop] = []
    repeated = bool(title and paragraphs) and normalise_for_id(paragraphs[0]) == normalise_for_id(
        title or ""
    )
    if options.drop_title_repeat and repeated:
        drops.append(Drop("html.title_repeat", paragraphs[0]))
        paragraphs = paragraphs[1:]
    return paragraphs, drops


def extract_html_page(page: Page, *, options: HtmlOptions = DEFAULT_OPTIONS) -> Article:
    """One HTML page to an Article; NoArticleError (reason ``no_article``) when it has no body.

    >>> page = Page(source="a.html", form="html", content="<html>...</html>")  # doctest: +SKIP
    >>> extract_html_page(page).title                                         # doctest: +SKIP
    """
    parsed = parse_page_html(page.content)
    tree = parsed.tree
    prepared = prepare_tree(tree) if options.prepare_page else PreparedPage()
    extras = html_extras(tree) if options.with_metadata else HtmlExtras()
    notes = parsed.notes
    if extras.published is not None and options.extensive_date:
        # The head states the time: htmldate's header pass finds that day without the slow
        # extensive search (which scans the whole page text with dateparser).
        options = replace(options, extensive_date=False)
    elif options.extensive_date and len(page.content) > EXTENSIVE_DATE_MAX_CHARS:
        # The extensive search runs regexes over the whole page: 7.5 s on a 10 MB page.
        options = replace(options, extensive_date=False)
        notes += (Drop("html.date_search_limited",
                       f"page over {EXTENSIVE_DATE_MAX_CHARS} characters: no extensive date "
                       "search"),)
    result = run_trafilatura(tree, url=page.url, options=options,
                             categories=extras.section is None)
    meta = result.metadata
    title = _title(meta, extras)
    paragraphs, drops = _body(
        restore_repeats(split_paragraphs(result.text), prepared.repeats), title, options
    )
    if not paragraphs:
        raise NoArticleError("no_article", f"{page.source}: no article body in the HTML")
    longest = options.min_longest_paragraph
    navigation = navigation_class(
        paragraphs, prepared.link_keys, min_words=options.min_words, longest=longest
    )
    if navigation is not None:
        reason = NAVIGATION[navigation].format(longest=longest)
        raise NoArticleError("no_article", f"{page.source}: {navigation}: {reason}")
    drops[:0] = prepared.drops
    if result.rescued:
        drops.append(Drop("html.fast_pass_short", "first pass too short; fallbacks used"))
    categories = getattr(meta, "categories", None) or []
    body = tuple(paragraphs)
    return Article(
        id=article_id(page.source, "\n\n".join(body)),
        source=page.source,
        form="html",
        url=page.url or getattr(meta, "url", None) or None,
        site=getattr(meta, "sitename", None) or None,
        title=title,
        published=_published(getattr(meta, "date", None), extras, page.date_hint),
        authors=split_authors(getattr(meta, "author", None), site=getattr(meta, "sitename", None)),
        section=extras.section or (str(categories[0]) if categories else None),
        language=extras.language or _guess_language(body),
        image_caption=extras.image_caption,
        image_credit=extras.image_credit,
        body=body,
        related=tuple(r for r in extras.related if r not in body),
        drops=notes + tuple(drops),
        extractor=EXTRACTOR,
        short=is_short(paragraphs, min_words=options.min_words),
    )


def _title(meta: Any, extras: HtmlExtras) -> str | None:
    raw = getattr(meta, "title", None)
    if not raw:
        return extras.h1
    site, host = getattr(meta, "sitename", None), getattr(meta, "hostname", None)
    return clean_title(str(raw), site=site, host=host, h1=extras.h1) or None


def _guess_language(body: tuple[str, ...]) -> str | None:
    from wirewatch.extract.text.clean import page_language  # the text cleaner's stopword guess

    return page_language(" ".join(body))
