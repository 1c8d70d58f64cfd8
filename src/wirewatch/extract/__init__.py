"""Extraction: a Page to a clean Article, whatever form the page came in.

    >>> from wirewatch.extract import extract_path
    >>> results = extract_path("../shared/seed")  # doctest: +SKIP

``extract_page`` dispatches on ``page.form``: HTML goes to trafilatura and our layers
(``extract.html``), scraped text to the line cleaner (``extract.text``).
Both raise ``NoArticleError`` (an ``InputError`` with a ``reason``) for a page without an
article; ``extract_path`` turns those into ``Skip`` records.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wirewatch.errors import InputError
from wirewatch.extract.bounds import bound_article, bound_text_page
from wirewatch.records import Article, Page, Skip

__all__ = ["extract_page", "extract_pages", "extract_path"]


def extract_page(page: Page) -> Article:
    """One Page to an Article; raises NoArticleError when the page holds no article.

    The page's notes lead the Article's drops, and a published date out of reason is dropped
    (``extract.bounds``).
    """
    if page.form == "html":
        from wirewatch.extract.html.article import extract_html_page

        return bound_article(page, extract_html_page(page))
    from wirewatch.extract.text.clean import (
        clean_text_page,  # lazy: its word lists load on first use
    )

    page = bound_text_page(page)
    return bound_article(page, clean_text_page(page))


def extract_pages(items: Iterable[Page | Skip]) -> list[Article | Skip]:
    """Articles for the pages, a Skip for each page without one; Skips pass through."""
    results: list[Article | Skip] = []
    for item in items:
        if isinstance(item, Skip):
            results.append(item)
            continue
        try:
            results.append(extract_page(item))
        except InputError as error:
            results.append(Skip(item.source, error.reason, error.detail))
    return results


def extract_path(path: str | Path) -> list[Article | Skip]:
    """Read a file or folder and extract every page in it (Skips for what failed)."""
    from wirewatch.read import read_path

    return extract_pages(read_path(path))
