"""The scraped-text cleaner: a text page (every line a scraper kept) -> a clean Article.

    >>> from wirewatch.records import Page
    >>> page = Page(source="a.txt", form="text", content=open("page.txt").read())  # doctest: +SKIP
    >>> article = clean_text_page(page)                                            # doctest: +SKIP

Steps: split into lines and compute cheap features (``text_lines``), mark chrome phrases,
choose the body lines (``text_body``), read metadata from the head and footer (``meta``), then
assemble the Article with a Drop for every discarded line.
"""

from __future__ import annotations

import re
from collections import deque
from itertools import filterfalse, repeat
from operator import attrgetter, itemgetter

from wirewatch.errors import NoArticleError
from wirewatch.extract.text.body import BodyOptions, select_body
from wirewatch.extract.text.chrome import (
    mark_chrome,
)
from wirewatch.extract.text.dates import date_hint_line
from wirewatch.extract.text.edges import trim_edges
from wirewatch.extract.text.glued import split_glued
from wirewatch.extract.text.lines import (
    Line,
    build_page,
    guess_language,
    normalise_key,
    set_stop_ratios,
    stopwords,
)
from wirewatch.extract.text.meta import find_meta
from wirewatch.extract.text.reflow import reflow
from wirewatch.ids import paragraphs_id
from wirewatch.records import Article, Drop, Page

EXTRACTOR = "wirewatch.text/1"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 6000
_PROSE_LINE = 80
HEADLINE_GLUE_WORDS = 3  # a title this long glued in front of paragraph one is cut off it
_RAW = itemgetter(1)
# zero-width characters a renderer leaves on otherwise empty lines
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")


def page_language(text: str) -> str | None:
    """A cheap language guess from stopword coverage ("en", "de", ...), or None.

    Only lines of some length count, so menus in another language do not outvote the prose.
    """
    prose = [ln for ln in text.splitlines() if len(ln) >= _PROSE_LINE]
    sample = "\n".join(prose)[:_SAMPLE_CHARS] if prose else text[:_SAMPLE_CHARS]
    return guess_language(_WORD.findall(sample.lower()))


def lines_language(
    numbered: list[tuple[int, str]], tokens: list[list[str]], content: str
) -> str | None:
    """``page_language`` from the lines' tokens, so the page is not tokenised twice.

    The sample is the same: the first 6000 characters of the lines of 80 or more characters
    (blank ones aside); a line's tokens are split further where they hold digits.
    """
    long_lines = [
        pos for pos, size in enumerate(map(len, map(_RAW, numbered))) if size >= _PROSE_LINE
    ]
    if not long_lines:
        return page_language(content)
    sample: list[str] = []
    mixed: list[str] = []  # tokens of lines with digits: their words come from one regex pass
    offset = -1  # no newline before the first line
    for pos in long_lines:
        raw = numbered[pos][1]
        offset += 1  # the newline joining it to the previous one
        if offset >= _SAMPLE_CHARS:
            break
        if offset + len(raw) > _SAMPLE_CHARS:
            sample.extend(_WORD.findall(raw[: _SAMPLE_CHARS - offset].lower()))
            break
        offset += len(raw)
        words = tokens[pos]
        if not words or "".join(words).isalpha():  # no digits: the tokens are the words
            sample.extend(words)
        else:
            mixed.extend(words)
    if mixed:  # the guess counts words, so their order in the sample does not matter
        sample.extend(filter(str.isalpha, mixed))
        sample.extend(_WORD.findall(" ".join(filterfalse(str.isalpha, mixed))))
    return guess_language(sample)


def split_lines(content: str) -> tuple[list[tuple[int, str]], str | None, list[Drop]]:
    """Non-empty raw lines with their numbers, the date hint of a ``date`` line, its drop."""
    if not content.isascii() and any(ch in content for ch in _INVISIBLE_CHARS):
        content = _INVISIBLE.sub("", content)
    raw_lines = content.splitlines()
    drops: list[Drop] = []
    hint = None
    if raw_lines:
        hint = date_hint_line(raw_lines[0])
        if hint is not None:
            drops.append(Drop(reason="meta.date_line", text=raw_lines[0].strip(), line=0))
            raw_lines = ["", *raw_lines[1:]]
    numbered = [(i, raw) for i, raw in enumerate(raw_lines) if raw and not raw.isspace()]
    return split_glued(reflow(numbered)), hint, drops


def _headline_off_first(
    lines: list[Line], body_pos: list[int], title: str | None, taken: dict[int, str]
) -> str | None:
    """Keep the headline out of paragraph one: a first body line equal to the title is taken
    as ``meta.title_repeat`` (in place, from ``body_pos``); a first line that starts with the
    title gives the text after it (returned; None otherwise)."""
    if not title:
        return None
    title_key = normalise_key(title)
    while body_pos and lines[body_pos[0]].key == title_key:
        taken[body_pos[0]] = "meta.title_repeat"
        del body_pos[0]
    if not body_pos or len(title_key.split()) < HEADLINE_GLUE_WORDS:
        return None
    text = lines[body_pos[0]].text
    if text.startswith(title) and lines[body_pos[0]].key.startswith(title_key + " "):
        rest = text[len(title) :].strip(" :|–—-")
        return rest or None
    return None


class _Boilerplate(dict[str, str]):
    """{label: drop reason} for lines scored out; ``boilerplate.<label>`` for other labels."""

    def __missing__(self, label: str) -> str:
        return f"boilerplate.{label}"


_BOILERPLATE = _Boilerplate(
    {
        "good": "boilerplate.outside_main",  # good-looking text outside the article's region
        "": "boilerplate.bad",
        "bad": "boilerplate.bad",
    }
)
# Drop's slots, set directly by new_drops (the frozen dataclass's __init__ goes through
# object.__setattr__ once per field, the largest part of building ~150 drops a page)
_DROP_SLOTS = (getattr(Drop, "reason"), getattr(Drop, "text"), getattr(Drop, "line"))  # noqa: B009


def new_drops(reasons: list[str], texts: list[str], numbers: list[int]) -> list[Drop]:
    """``[Drop(r, t, n) for r, t, n in zip(reasons, texts, numbers)]``, built column by column.

    The records are equal to constructed ones (tests/extract/test_text_speed3.py holds them
    side by side, and checks that Drop has no other field and no ``__post_init__``).
    """
    out: list[Drop] = list(map(object.__new__, repeat(Drop, len(reasons))))
    reason, text, line = _DROP_SLOTS
    deque(map(reason.__set__, out, reasons), maxlen=0)
    deque(map(text.__set__, out, texts), maxlen=0)
    deque(map(line.__set__, out, numbers), maxlen=0)
    return out


def clean_text_page(page: Page, *, options: BodyOptions | None = None) -> Article:
    """Clean one scraped-text page into an Article; NoArticleError when no body is found."""
    numbered, hint, drops = split_lines(page.content)
    lines, tokens, columns = build_page(numbered)
    language = lines_language(numbered, tokens, page.content)
    stop = stopwords().get(language or "", frozenset())
    set_stop_ratios(lines, tokens, stop)
    mark_chrome(lines)
    keep, _region = select_body(lines, bool(stop), options, columns)
    if not keep:
        raise NoArticleError("no_body", f"{page.source}: no article body in the text")
    meta = find_meta(
        lines,
        keep[0],
        hint or page.date_hint,
        page.url,
        body_end=keep[-1] + 1,
        key_counts=columns.key_counts,
    )
    body_pos = [pos for pos in keep if pos not in meta.taken]
    first_text = _headline_off_first(lines, body_pos, meta.title, meta.taken)
    if first_text is None:
        trim_edges(lines, body_pos, meta.taken)
    if not body_pos:
        raise NoArticleError("no_body", f"{page.source}: only metadata lines, no body")
    kept = set(body_pos)
    taken = meta.taken.get
    boilerplate = _BOILERPLATE
    dropped = [(pos, line) for pos, line in enumerate(lines) if pos not in kept]
    drops.extend(
        new_drops(
            [taken(pos) or line.chrome or boilerplate[line.label] for pos, line in dropped],
            [line.text for _, line in dropped],
            [line.index for _, line in dropped],
        )
    )
    # drops are in line order already: the date line's (line 0) first, then the lines in order
    body = tuple(lines[pos].text for pos in body_pos)
    if first_text is not None:  # the headline was glued in front of paragraph one
        body = (first_text, *body[1:])
        drops.append(Drop("meta.title_repeat", meta.title or "", lines[body_pos[0]].index))
        drops.sort(key=attrgetter("line"))
    return Article(
        id=paragraphs_id(page.source, body),
        source=page.source,
        form="text",
        url=page.url,
        site=meta.site,
        title=meta.title,
        published=meta.published,
        authors=meta.authors,
        section=meta.section,
        language=language,
        image_caption=meta.image_caption,
        image_credit=meta.image_credit,
        body=body,
        related=tuple(meta.related),
        drops=tuple(drops),
        extractor=EXTRACTOR,
    )
