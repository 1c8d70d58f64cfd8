"""Dates within reason: a day before 1900-01-01 or more than two days ahead is no news date.

Pages dated 1000-06-15 and 9999-06-15 once filled 3.29M dyad-days between them (issue 13); a
published date outside ``EARLIEST`` … today + ``FUTURE_DAYS`` is dropped with a reason
(``date.out_of_range``) and the watch never counts a day outside it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

EARLIEST = date(1900, 1, 1)
FUTURE_DAYS = 2  # time zones and pre-dated embargoed pieces


def latest_day(today: date | None = None) -> date:
    """The last plausible day: today (UTC) plus ``FUTURE_DAYS``."""
    return (today or datetime.now(UTC).date()) + timedelta(days=FUTURE_DAYS)


def parse_day(value: str | None) -> date | None:
    """The ``YYYY-MM-DD`` at the start of an ISO date or date-time, if it is a real day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def plausible_day(value: str | None, *, today: date | None = None) -> date | None:
    """The day of ``value`` when it lies within ``EARLIEST`` … ``latest_day(today)``.

    >>> plausible_day("2024-03-05T18:42:00", today=date(2024, 3, 5))
    datetime.date(2024, 3, 5)
    >>> plausible_day("9999-06-15") is None
    True
    """
    day = parse_day(value)
    if day is None or not EARLIEST <= day <= latest_day(today):
        return None
    return day
