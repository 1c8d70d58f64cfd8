"""The one exception tree of wirewatch.

WirewatchError
├── InputError          an input cannot be read or decoded (carries a short ``reason`` code)
│   └── NoArticleError  the input was read but holds no article (no body, no content)
├── ConfigError         a bad option, model name or configuration value
├── ModelError          the spaCy model cannot be loaded
├── StoreError          the database cannot be opened, migrated or written
└── QueryError          a bad filter or id given to the store, API or CLI
    └── NotFoundError   no record with the id asked for

PageTimeout (a BaseException, apart from the tree: it is the wall-clock budget of one page
firing inside third-party code, and must pass through their ``except Exception`` blocks; the
stage that set the budget turns it into a ``timeout`` record at once).

Third-party errors are re-raised ``from`` the original at the boundary where they occur.
Batch drivers turn InputError into a recorded Skip and go on; everything else stops the run
with a one-line message and a non-zero exit status.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class of every error wirewatch raises on purpose."""


class InputError(WirewatchError):
    """An input that cannot become a page; ``reason`` is a short code that runs count."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class NoArticleError(InputError):
    """A page was read but no article could be extracted from it."""


class ConfigError(WirewatchError):
    """A bad option, model name or configuration value."""


class ModelError(WirewatchError):
    """The NLP model cannot be loaded."""


class StoreError(WirewatchError):
    """The database cannot be opened, migrated or written."""


class QueryError(WirewatchError):
    """A bad filter, id or parameter in a query."""


class NotFoundError(QueryError):
    """No record with the id asked for (the API answers 404, the CLI exits 1)."""


class PageTimeout(BaseException):
    """A page ran past its wall-clock budget (``run.deadline``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the {seconds:g} s budget of a page")
        self.seconds = seconds
