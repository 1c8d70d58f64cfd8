"""The incremental stage's second half: reports, merged events, dyad days and alerts.

Merged events are clusters of reports of one (type, source, target) key: reports of the same
day, and reports of the same story at most ``window_days`` apart (``watch.merge``). For each key
touched, the day range around the changed reports is widened until it is closed: no old
merged event (each report keeps its ``merged_id``) reaches outside it and no new link crosses
its ends. The clusters inside a closed range are exactly the rebuild's, so they are merged
again and replace the old ones; nothing outside the range can have changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from wirewatch.records import Analysis, Event, MergedEvent
from wirewatch.store import watch_delta as delta
from wirewatch.store.watch_index import IndexState, Node
from wirewatch.watch.merge import Report, article_reports, merge_clusters, outlet_of
from wirewatch.watch.stories import story_id
from wirewatch.watch.tension import AlertParams, detect_alerts, dyad_day

Key = tuple[str, str | None, str | None]
WINDOW_DAYS = 1  # merge_events' default


@dataclass(slots=True)
class Affected:
    """Per key: the report days touched, the undated stories touched, the old merged ids."""

    days: dict[Key, set[str]] = field(default_factory=dict)
    undated: dict[Key, set[str | None]] = field(default_factory=dict)
    old_ids: dict[Key, set[str]] = field(default_factory=dict)

    def add(self, row: Mapping[str, Any]) -> None:
        key = (row["type"], row["source_key"], row["target_key"])
        if row["day"]:
            self.days.setdefault(key, set()).add(row["day"])
        else:
            self.undated.setdefault(key, set()).add(row["story_id"])
        if row.get("merged_id"):
            self.old_ids.setdefault(key, set()).add(row["merged_id"])

    def touched_keys(self) -> list[Key]:
        found = {*self.days, *self.undated, *self.old_ids}
        return sorted(found, key=lambda k: (k[0], k[1] or "", k[2] or ""))


def report_row(rep: Report, merged_id: str | None = None) -> dict[str, Any]:
    type_, source, target = rep.key
    return {"article_id": rep.article_id, "seq": rep.seq, "type": type_, "source_key": source,
            "target_key": target, "day": rep.day.isoformat() if rep.day else None,
            "published": rep.published, "site": rep.site, "story_id": rep.story_id,
            "outlet": rep.outlet, "merged_id": merged_id}


def _report(row: Mapping[str, Any], event: Event) -> Report:
    return Report(event=event, article_id=row["article_id"], seq=row["seq"], site=row["site"],
                  published=row["published"],
                  day=date.fromisoformat(row["day"]) if row["day"] else None,
                  story_id=row["story_id"], outlet=row["outlet"])


def node_outlet(state: IndexState, node: Node) -> str:
    original = node.original_id if node.original_id != node.article_id else None
    original_node = state.get(original) if original else None
    return outlet_of(node.article_id, node.site, original,
                     original_node.site if original_node else None)


def refresh_reports(conn: sa.Connection, state: IndexState, added: Sequence[Analysis],
                    removed: Iterable[str], context: Iterable[str]) -> Affected:
    """Replace the reports of added and removed articles, and the story and outlet of the
    reports of ``context`` articles (whose story or original changed)."""
    added_ids = {a.article.id for a in added}
    context_ids = set(context) - added_ids - set(removed)
    affected = Affected()
    old_rows = delta.report_rows_of(conn, {*added_ids, *removed, *context_ids})
    for row in old_rows:
        affected.add(row)
    delta.delete_reports(conn, {*added_ids, *removed, *context_ids})
    new_rows = []
    for row in old_rows:
        if row["article_id"] in context_ids:
            node = state.nodes[row["article_id"]]
            new_rows.append({**row, "story_id": story_id(node.story_head),
                             "outlet": node_outlet(state, node)})
    for analysis in added:
        node = state.nodes[analysis.article.id]
        for rep in article_reports(analysis, story_id=story_id(node.story_head),
                                   outlet=node_outlet(state, node)):
            new_rows.append(report_row(rep))
    for row in new_rows:
        affected.add(row)
    delta.insert_reports(conn, new_rows)
    return affected


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _gap(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _crossing(rows: Sequence[Mapping[str, Any]], cut: str, window: int) -> list[str]:
    """Days of the links that cross the boundary before ``cut``: a story's last report before
    it and its first report from it, at most ``window`` days apart."""
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for row in rows:
        story, day = row["story_id"], row["day"]
        if not story:
            continue
        if day < cut:
            before[story] = max(before.get(story, day), day)
        else:
            after[story] = min(after.get(story, day), day)
    out: list[str] = []
    for story, last in before.items():
        first = after.get(story)
        if first is not None and _gap(last, first) <= window:
            out.extend((last, first))
    return out


def _closed_range(conn: sa.Connection, key: Key, days: set[str], old_ids: set[str],
                  window: int) -> tuple[str, str, set[str]]:
    """The smallest closed day range holding ``days`` and the old merged events ``old_ids``,
    and the old merged events inside it."""
    spans = delta.merged_spans(conn, old_ids)
    lo = min([*days, *(s[0] for s in spans.values())])
    hi = max([*days, *(s[1] for s in spans.values())])
    while True:
        rows = delta.report_links_between(conn, key, _shift(lo, -window), _shift(hi, window))
        olds = {r["merged_id"] for r in rows if lo <= r["day"] <= hi and r["merged_id"]}
        olds |= old_ids
        spans = delta.merged_spans(conn, olds)
        new_lo = min([lo, *(s[0] for s in spans.values()),
                      *_crossing([r for r in rows if r["day"] < _shift(lo, window)], lo, window)])
        new_hi = max([hi, *(s[1] for s in spans.values()),
                      *_crossing([r for r in rows if r["day"] > _shift(hi, -window)],
                                 _shift(hi, 1), window)])
        if (new_lo, new_hi) == (lo, hi):
            return lo, hi, olds
        lo, hi = new_lo, new_hi


def remerge(conn: sa.Connection, affected: Affected, *, window: int = WINDOW_DAYS
            ) -> set[tuple[str, str, str]]:
    """Merge the touched keys' closed ranges again; return the (source, target, day)s whose
    merged events changed."""
    changed: set[tuple[str, str, str]] = set()
    for key in affected.touched_keys():
        olds = set(affected.old_ids.get(key, set()))
        reports: list[Report] = []
        days = affected.days.get(key, set())
        dated_olds = set(delta.merged_spans(conn, olds))
        if days or dated_olds:
            lo, hi, in_range_olds = _closed_range(conn, key, days, dated_olds, window)
            olds |= in_range_olds
            reports.extend(_report(r, e) for r, e in delta.reports_between(conn, key, lo, hi))
        for story in sorted(affected.undated.get(key, set()), key=lambda s: s or ""):
            found = delta.undated_reports(conn, key, story)
            olds |= {r["merged_id"] for r, _ in found if r["merged_id"]}
            reports.extend(_report(r, e) for r, e in found)
        new = [(m, [(r.article_id, r.seq) for r in cluster])
               for m, cluster in merge_clusters(reports, window_days=window)]
        changed |= delta.replace_merged(conn, olds, new)
    return changed


def redo_days(conn: sa.Connection, changed: set[tuple[str, str, str]],
              params: AlertParams) -> tuple[int, int]:
    """Recompute the changed dyad days, then every alert of their pairs; return how many
    dyad days and alerts were written."""
    n_days = n_alerts = 0
    for source, target, day in sorted(changed):
        events = [MergedEvent(id="", type="", mode=None, source_code=source,
                              target_code=target, date=day, first_seen=None, outlets=0,
                              story_id=None, intensity=intensity, quad=quad)
                  for quad, intensity in delta.merged_of_day(conn, source, target, day)]
        delta.replace_dyad_day(conn, source, target, day,
                               dyad_day(source, target, day, events) if events else None)
        n_days += bool(events)
    for source, target in sorted({(s, t) for s, t, _ in changed}):
        found = detect_alerts(delta.pair_days(conn, source, target), params)
        delta.replace_alerts(conn, source, target, found)
        n_alerts += len(found)
    return n_days, n_alerts
