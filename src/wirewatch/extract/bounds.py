"""What every extracted Article gets, whatever its form: the reader's notes and a sane date.

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
