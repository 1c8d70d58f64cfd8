"""Read articles and events from the store, build stories, merged events, dyad days and alerts,
and write them to the watch tables (``store.watch_schema``, through ``store.watch_io``) in one
transaction.

``rebuild_watch`` is the step that ``wirewatch run`` calls at its end; ``ensure_fresh`` is what
``wirewatch tension`` and ``wirewatch serve`` call: it rebuilds only when the articles or
events changed since the last build (a fingerprint kept in ``watch_state``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from wirewatch.store import Store
from wirewatch.store.watch_io import (
    built_fingerprint,
    fingerprint,
    load_analyses,
    write_state,
    write_watch,
)
from wirewatch.watch.merge import merge_events
from wirewatch.watch.stories import find_duplicates, group_stories
from wirewatch.watch.tension import AlertParams, detect_alerts, dyad_days


@dataclass(frozen=True, slots=True)
class WatchSummary:
    """What one rebuild wrote."""

    articles: int
    duplicates: int
    stories: int
    merged_events: int
    dyad_days: int
    alerts: int


def rebuild_watch(store: Store, *, params: AlertParams | None = None) -> WatchSummary:
    """Recompute duplicates, stories, merged events, dyad days and alerts from the store.

    Everything is replaced in one transaction, so readers see the old or the new tables.
    """
    params = params or AlertParams()
    with store.transaction() as conn:
        mark = fingerprint(conn)
        analyses, actor_codes = load_analyses(conn)
        articles = [a.article for a in analyses]
        dups = find_duplicates(articles)
        found = group_stories(articles, actors=actor_codes, duplicates=dups)
        merged = merge_events(analyses, found)
        days = dyad_days(merged)
        found_alerts = detect_alerts(days, params)
        write_watch(conn, dups, found, merged, days, found_alerts)
        write_state(conn, {
            "fingerprint": mark,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "alert_method": params.method,
        })
    return WatchSummary(len(articles), len(dups), len(found), len(merged), len(days),
                        len(found_alerts))


def is_stale(store: Store) -> bool:
    """True when the watch tables were never built or the articles/events changed since."""
    with store.connect() as conn:
        return built_fingerprint(conn) != fingerprint(conn)


def ensure_fresh(store: Store) -> WatchSummary | None:
    """Rebuild when stale; return the summary of the rebuild, or None when already fresh."""
    return rebuild_watch(store) if is_stale(store) else None


