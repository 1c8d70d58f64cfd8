"""What every extracted Article gets, whatever its form: the reader's notes and a sane date;
and the one limit of the text cleaner's input: ``MAX_TEXT_PAGE_CHARS``.

The Page's notes (mixed encodings, gzip trailing garbage, collapsed runs) come first in the
Article's drops; a published date outside 1900-01-01 … today + 2 days is removed and recorded
as ``date.out_of_range`` (``wirewatch.days``).
"""

from __future__ import annotations

from dataclasses import replace

from wirewatch.days import EARLIEST, latest_day, plausible_day
from wirewatch.records import Article, Drop, Page


def bound_article(page: Page, article: Article) -> Article:
    """The article with the page's notes in its drops and an implausible date removed."""
    drops = page.notes + article.drops
    published = article.published
    if published is not None and plausible_day(published) is None:
        drops += (Drop("date.out_of_range",
                       f"published {published} outside {EARLIEST} … {latest_day()}"),)
        published = None
    if drops == article.drops and published == article.published:
        return article
    return replace(article, drops=drops, published=published)


# A scraped-text page is cleaned up to here, cut at a line end (a 20 MiB page of prose took the
# run past 1 GB and 45 s; AEB's longest article body has 53,372 characters).
MAX_TEXT_PAGE_CHARS = 2_000_000


def bound_text_page(page: Page) -> Page:
    """The page cut after its last whole line within ``MAX_TEXT_PAGE_CHARS``, with a note."""
    if len(page.content) <= MAX_TEXT_PAGE_CHARS:
        return page
    end = page.content.rfind("\n", 0, MAX_TEXT_PAGE_CHARS) + 1 or MAX_TEXT_PAGE_CHARS
    note = Drop("text.truncated",
                f"{len(page.content) - end} characters after the first {end} not cleaned")
    return replace(page, content=page.content[:end], notes=(*page.notes, note))
