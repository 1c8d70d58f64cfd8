"""Per-pair totals for the /dyads overview: one row per ordered pair, kept by the watch stage.

``GET /dyads`` ranks pairs by activity (merged events, all days) or escalation (tension of
the last ``WINDOW_DAYS`` days of the store minus the ``WINDOW_DAYS`` before). Grouping every
dyad day on each request cost 130 ms at 450k dyad days; the watch stage instead keeps one
row per pair (``dyad_pairs``), recomputed for the pairs whose days changed and, when the
store's last day moves, for the pairs with days in the two windows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from wirewatch.records import Alert, DyadDay
from wirewatch.store import watch_delta as delta
from wirewatch.store import watch_pairs

WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class PairTotals:
    """One ordered pair's totals, as ``dyad_pairs`` holds them."""

    source: str
    target: str
    events: int
    tension: float
    recent: float
    prior: float
    escalation: float
    alerts: int


def windows(last_day: str) -> tuple[str, str]:
    """The first day of the recent window and of the prior window, for the store's last day."""
    last = date.fromisoformat(last_day)
    return ((last - timedelta(days=WINDOW_DAYS - 1)).isoformat(),
            (last - timedelta(days=2 * WINDOW_DAYS - 1)).isoformat())


def window_sums(days: Sequence[tuple[str, float]], last_day: str) -> tuple[float, float]:
    """(recent, prior) tension sums of one pair's (day, tension)s, taken in day order."""
    recent_from, prior_from = windows(last_day)
    recent = prior = 0.0
    for day, tension in sorted(days):
        if day >= recent_from:
            recent += tension
        elif day >= prior_from:
            prior += tension
    return round(recent, 3) + 0.0, round(prior, 3) + 0.0


def pair_totals(days: Sequence[DyadDay], n_alerts: int, last_day: str) -> PairTotals:
    """The totals of one pair's dyad days (all of one pair, any order)."""
    ordered = sorted(days, key=lambda d: d.day)
    recent, prior = window_sums([(d.day, d.tension) for d in ordered], last_day)
    return PairTotals(
        source=ordered[0].source, target=ordered[0].target,
        events=sum(d.events for d in ordered),
        tension=round(sum(d.tension for d in ordered), 3) + 0.0,
        recent=recent, prior=prior, escalation=round(recent - prior, 3) + 0.0,
        alerts=n_alerts,
    )


def refresh_pairs(conn: sa.Connection, changed: Iterable[tuple[str, str]],
                  old_last: str | None) -> str | None:
    """Recompute the totals of the ``changed`` pairs and, when the store's last day moved
    since ``old_last``, the windows of every pair with days in them; return the last day."""
    new_last = watch_pairs.last_day(conn)
    pairs = sorted(set(changed))
    rows = []
    if new_last is not None:
        for source, target in pairs:
            days = delta.pair_days(conn, source, target)
            if days:
                rows.append(pair_totals(days, watch_pairs.alert_count(conn, source, target),
                                        new_last))
    watch_pairs.replace_pairs(conn, pairs, rows)
    if new_last is not None and new_last != old_last:
        recent = watch_pairs.window_days(conn, windows(new_last)[1])
        targets = set(recent) | set(watch_pairs.pairs_in_windows(conn))
        watch_pairs.set_windows(conn, {p: window_sums(recent.get(p, []), new_last)
                                       for p in targets})
    return new_last


def all_pairs(days: Sequence[DyadDay], alerts: Sequence[Alert]) -> list[PairTotals]:
    """Every pair's totals (the full rebuild)."""
    if not days:
        return []
    last = max(d.day for d in days)
    by_pair: dict[tuple[str, str], list[DyadDay]] = {}
    for d in days:
        by_pair.setdefault((d.source, d.target), []).append(d)
    n_alerts = Counter((a.source, a.target) for a in alerts)
    return [pair_totals(by_pair[p], n_alerts[p], last) for p in sorted(by_pair)]
