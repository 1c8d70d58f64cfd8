"""wirewatch: news pages to structured, verifiable knowledge about international politics.

The public API (each a plain function over the records in ``wirewatch.records``):

    >>> import wirewatch
    >>> article = wirewatch.extract_file("page.txt")        # Page -> Article
    >>> analysis = wirewatch.analyze(article)                 # Article -> quotes and events
"""

from __future__ import annotations

__version__ = "0.1.0"
