"""wirewatch.store: articles, quotes, events and actors in SQLite (default) or PostgreSQL.

>>> from wirewatch.store import open_store
>>> with open_store("wirewatch.db") as store:                  # doctest: +SKIP
...     store.save_analysis(analysis)
...     store.get_article(analysis.article.id)
"""

from __future__ import annotations

from wirewatch.store.core import InputResult, Store, database_url, open_store
from wirewatch.store.reader import ArticleFilter, EventFilter, StoredEvent

__all__ = [
    "ArticleFilter",
    "EventFilter",
    "InputResult",
    "Store",
    "StoredEvent",
    "database_url",
    "open_store",
]
