"""One pair's tension series as a reader asks for it: the stored days, filled, with alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wirewatch.errors import QueryError
from wirewatch.records import Alert, DyadDay
from wirewatch.store import Store
from wirewatch.store.watch_io import read_alerts, read_dyad_days
from wirewatch.watch.rebuild import ensure_fresh
from wirewatch.watch.tension import fill_days


@dataclass(frozen=True, slots=True)
class TensionSeries:
    """One pair's daily series (quiet days filled with zeros) and its alerts."""

    source: str
    target: str
    days: tuple[DyadDay, ...]
    alerts: tuple[Alert, ...]


def tension_series(
    store: Store,
    source: str,
    target: str,
    since: str | None = None,
    until: str | None = None,
    *,
    refresh: bool = True,
) -> TensionSeries:
    """The stored series of ``source`` -> ``target``; with ``refresh`` (the default) the watch
    tables are rebuilt first when stale (the read-only API passes ``refresh=False``).

    >>> tension_series(open_store("w.db"), "RUS", "NATO", since="2024-03-01")  # doctest: +SKIP
    """
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from exc
    if refresh:
        ensure_fresh(store)
    days = read_dyad_days(store, source, target, since=since, until=until)
    alerts = read_alerts(store, source=source, target=target, since=since, until=until)
    return TensionSeries(source, target, tuple(fill_days(days)), tuple(alerts))
