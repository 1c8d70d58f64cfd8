"""Date ranges a request may ask for: a tension series at most ``MAX_SERIES_DAYS`` a page.

Two pages dated 1000-06-15 and 9999-06-15 once made ``GET /dyads/RUS/NATO`` fill 3.29M days
(49 s, 641 MB). Dates out of reason are now dropped before they reach the watch
(``wirewatch.days``), and a series request is one window of at most three years besides:
``since`` and ``until`` as asked when they are that close (a wider pair is a 400); only one of
them: the window runs three years from it; neither: the three years ending on the pair's last
day. The answer says where the neighbouring pages start (``previous_until``, ``next_since``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wirewatch.errors import QueryError
from wirewatch.records import DyadDay

MAX_SERIES_DAYS = 3 * 365 + 1  # three years, a leap day included


@dataclass(frozen=True, slots=True)
class Window:
    """The days one request covers and where the pages before and after it begin."""

    since: str | None
    until: str | None
    previous_until: str | None = None
    next_since: str | None = None


def _shift(day: date, days: int) -> str:
    return (day + timedelta(days=days)).isoformat()


def series_window(stored: Sequence[DyadDay], since: str | None, until: str | None) -> Window:
    """The window of one series request over a pair's stored (sparse, oldest first) days."""
    span = timedelta(days=MAX_SERIES_DAYS - 1)
    if since and until:
        if date.fromisoformat(until) - date.fromisoformat(since) > span:
            raise QueryError(f"since..until spans more than {MAX_SERIES_DAYS} days; "
                             "ask for one page at a time")
    elif since:
        until = _shift(date.fromisoformat(since), MAX_SERIES_DAYS - 1)
    elif until:
        since = _shift(date.fromisoformat(until), -(MAX_SERIES_DAYS - 1))
    elif stored:
        until = stored[-1].day
        since = _shift(date.fromisoformat(until), -(MAX_SERIES_DAYS - 1))
    else:
        return Window(None, None)
    assert since is not None and until is not None
    earlier = bool(stored) and stored[0].day < since
    later = bool(stored) and stored[-1].day > until
    return Window(since, until,
                  previous_until=_shift(date.fromisoformat(since), -1) if earlier else None,
                  next_since=_shift(date.fromisoformat(until), 1) if later else None)
