"""Tension between ordered actor pairs, day by day, and escalation alerts.

The unit is the *merged* event (:mod:`wirewatch.watch.merge`): one real-world event
reported by five outlets counts once, so a story is counted once, not once per outlet.

For an ordered pair (source, target) and a day d, over the merged events E(d) of that pair:

    counts by quad          number of merged events in each PLOVER quad category
    intensity_sum(d)        sum of their PLOVER intensities (-10 hostile .. +10 cooperative)
    intensity_mean(d)       intensity_sum(d) / |E(d)|
    tension(d)              -intensity_sum(d)   (conflict raises it, cooperation lowers it)

Alert (method ``median-mad``): the pair's daily series is filled with zeros from its first
observed day. For each day d with at least ``min_history`` days of history before it, the
baseline is the median m of the previous ``baseline_days`` days and the scale is
s = max(1.4826 * MAD, ``min_scale``) (MAD: median absolute deviation; the floor keeps a
quiet, all-zero history from turning one event into an alert). The score is
z(d) = (tension(d) - m) / s; an alert is raised when z(d) >= ``z_threshold`` and the day has at
least ``min_events`` merged events. Median and MAD are used, not mean and standard deviation,
so that one earlier spike does not hide the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from wirewatch.errors import QueryError
from wirewatch.records import Alert, DyadDay, MergedEvent

QUADS = ("VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT", "MATERIAL CONFLICT")


@dataclass(frozen=True, slots=True)
class AlertParams:
    """The escalation detector's parameters (see the module docstring)."""

    baseline_days: int = 14
    min_history: int = 7
    z_threshold: float = 3.0
    min_scale: float = 2.0
    min_events: int = 2

    def __post_init__(self) -> None:
        if self.baseline_days < 1 or self.min_history < 1 or self.min_events < 1:
            raise QueryError("baseline_days, min_history and min_events must be >= 1")
        if self.min_scale <= 0 or self.z_threshold <= 0:
            raise QueryError("min_scale and z_threshold must be > 0")

    @property
    def method(self) -> str:
        return (
            f"median-mad/v1(days={self.baseline_days},z={self.z_threshold},"
            f"min_scale={self.min_scale},min_events={self.min_events},"
            f"min_history={self.min_history})"
        )


def dyad_day(source: str, target: str, day: str, events: Sequence[MergedEvent]) -> DyadDay:
    """The DyadDay of one pair and day from its merged events (may be empty: all zeros)."""
    counts = dict.fromkeys(QUADS, 0)
    for ev in events:
        if ev.quad in counts:
            counts[ev.quad] += 1
    total = sum(ev.intensity for ev in events)
    return DyadDay(
        source=source,
        target=target,
        day=day,
        verbal_cooperation=counts["VERBAL COOPERATION"],
        material_cooperation=counts["MATERIAL COOPERATION"],
        verbal_conflict=counts["VERBAL CONFLICT"],
        material_conflict=counts["MATERIAL CONFLICT"],
        intensity_sum=round(total, 3),
        intensity_mean=round(total / len(events), 3) if events else 0.0,
        tension=round(-total, 3) + 0.0,  # + 0.0 turns -0.0 into 0.0
    )


def dyad_days(merged: Iterable[MergedEvent]) -> list[DyadDay]:
    """One DyadDay per (source, target, day) that has merged events with both codes and a date.

    Sorted by source, target, day. Self-pairs (source == target) are left out.
    """
    groups: dict[tuple[str, str, str], list[MergedEvent]] = {}
    for ev in merged:
        if ev.source_code and ev.target_code and ev.date and ev.source_code != ev.target_code:
            groups.setdefault((ev.source_code, ev.target_code, ev.date[:10]), []).append(ev)
    return [dyad_day(s, t, d, groups[(s, t, d)]) for s, t, d in sorted(groups)]


def event_count(day: DyadDay) -> int:
    """Merged events of the day (``DyadDay.events``)."""
    return day.events


def fill_days(days: Sequence[DyadDay], *, until: str | None = None) -> list[DyadDay]:
    """One pair's sparse series made daily: missing days become all-zero DyadDays.

    ``days`` must all be of one pair; the result runs from the first day to ``until`` (or the
    last day).
    """
    if not days:
        return []
    pairs = {(d.source, d.target) for d in days}
    if len(pairs) != 1:
        raise QueryError(f"fill_days needs one pair, got {len(pairs)}")
    source, target = pairs.pop()
    by_day = {d.day: d for d in days}
    start = date.fromisoformat(min(by_day))
    end = date.fromisoformat(max([*by_day, until] if until else by_day))
    out: list[DyadDay] = []
    for offset in range((end - start).days + 1):
        day = (start + timedelta(days=offset)).isoformat()
        out.append(by_day.get(day) or dyad_day(source, target, day, []))
    return out


def detect_alerts(days: Sequence[DyadDay], params: AlertParams | None = None) -> list[Alert]:
    """Escalation alerts for one or more pairs' series (sparse or filled; see module doc)."""
    params = params or AlertParams()
    by_pair: dict[tuple[str, str], list[DyadDay]] = {}
    for d in days:
        by_pair.setdefault((d.source, d.target), []).append(d)
    alerts: list[Alert] = []
    for pair in sorted(by_pair):
        series = fill_days(sorted(by_pair[pair], key=lambda d: d.day))
        for i, day in enumerate(series):
            if i < params.min_history or event_count(day) < params.min_events:
                continue
            window = [d.tension for d in series[max(0, i - params.baseline_days) : i]]
            base = median(window)
            mad = median(abs(v - base) for v in window)
            scale = max(1.4826 * mad, params.min_scale)
            score = (day.tension - base) / scale
            if score >= params.z_threshold:
                alerts.append(
                    Alert(
                        source=day.source,
                        target=day.target,
                        day=day.day,
                        tension=day.tension,
                        baseline=round(base, 3),
                        threshold=round(base + params.z_threshold * scale, 3),
                        score=round(score, 3),
                        method=params.method,
                    )
                )
    return alerts
