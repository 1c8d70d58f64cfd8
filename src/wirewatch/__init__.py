"""wirewatch: news pages to structured, verifiable knowledge about international politics.

The public API: plain functions over the records in ``wirewatch.records``.

    >>> import wirewatch
    >>> [article] = wirewatch.extract_path("page.txt")        # doctest: +SKIP
    >>> analysis = wirewatch.analyze(article)                  # doctest: +SKIP
    >>> [(q.speaker, q.text) for q in analysis.quotes]         # doctest: +SKIP
    >>> store = wirewatch.open_store("wirewatch.db")           # doctest: +SKIP
    >>> summary = wirewatch.run_paths(["examples/pages"], store)     # doctest: +SKIP

Imports are lazy: ``import wirewatch`` loads neither trafilatura nor spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from wirewatch.analyze.pipeline import analyze_article as analyze
    from wirewatch.analyze.pipeline import analyze_articles
    from wirewatch.extract import extract_page, extract_path
    from wirewatch.read import read_pages
    from wirewatch.run import run_paths
    from wirewatch.store import open_store

# public name -> (module, attribute)
_EXPORTS = {
    "read_pages": ("wirewatch.read", "read_pages"),
    "extract_page": ("wirewatch.extract", "extract_page"),
    "extract_path": ("wirewatch.extract", "extract_path"),
    "analyze": ("wirewatch", "analyze"),  # the callable stage package (analyze/__init__.py)
    "analyze_articles": ("wirewatch.analyze.pipeline", "analyze_articles"),
    "open_store": ("wirewatch.store", "open_store"),
    "run_paths": ("wirewatch.run", "run_paths"),
}

__all__ = [
    "__version__",
    "analyze",
    "analyze_articles",
    "extract_page",
    "extract_path",
    "open_store",
    "read_pages",
    "run_paths",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")
    from importlib import import_module

    module, attribute = _EXPORTS[name]
    if name == "analyze":
        return import_module("wirewatch.analyze")
    return getattr(import_module(module), attribute)
