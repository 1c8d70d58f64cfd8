"""Keep the watch tables (duplicates, stories, merged events, dyad days, alerts) true to the
articles and events in the store.

- ``update_watch(store)`` is the incremental stage (``watch.incremental``, ``watch.remerge``):
  it adds the articles stored since the last update, removes the deleted ones, re-reads the
  re-stored ones, and recomputes only what they change. ``run_paths`` calls it at its end;
  ``wirewatch tension`` and ``wirewatch serve`` call it through ``ensure_fresh``.
- ``rebuild_watch(store)`` (``wirewatch stories --full``) recomputes everything from the pure
  functions and rewrites the index the incremental stage works from. Both give the same
  tables (``tests/watch/test_incremental.py`` checks it on random insertion orders).

Each runs in one transaction, so readers see the tables before or after, never half-way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from wirewatch.records import Analysis
from wirewatch.store import Store
from wirewatch.store import watch_delta as delta
from wirewatch.store.watch_index import IndexState, Node
from wirewatch.store.watch_io import read_state, table_counts, write_state, write_watch
from wirewatch.store.watch_pairs import replace_pairs
from wirewatch.watch import incremental as inc
from wirewatch.watch.merge import merge_reports, reports
from wirewatch.watch.pairs import all_pairs, refresh_pairs
from wirewatch.watch.remerge import redo_days, refresh_reports, remerge, report_row
from wirewatch.watch.stories import duplicate_edges, find_duplicates, group_stories, story_id
from wirewatch.watch.tension import AlertParams, detect_alerts, dyad_days

# The index's version: a database built by another version (or never) is rebuilt in full.
INDEX_VERSION = "lsh-bands/v1(dup=0.5,story=0.25,window=3,merge=1)+pairs/v1(window=7)"


@dataclass(frozen=True, slots=True)
class WatchSummary:
    """The watch tables after an update: rows in each, and what this update did."""

    articles: int
    duplicates: int
    stories: int
    merged_events: int
    dyad_days: int
    alerts: int
    added: int = 0  # articles added (or re-stored) by this update
    removed: int = 0  # articles removed (or re-stored)
    full: bool = False  # True: a full rebuild


def _summary(conn: sa.Connection, *, added: int, removed: int, full: bool) -> WatchSummary:
    n = table_counts(conn)
    return WatchSummary(n["watch_articles"], n["duplicates"], n["stories"], n["merged_events"],
                        n["dyad_days"], n["alerts"], added, removed, full)


def _state(params: AlertParams, last_day: str | None) -> dict[str, str]:
    state = {"index": INDEX_VERSION, "alert_method": params.method,
             "built_at": datetime.now(UTC).isoformat(timespec="seconds")}
    if last_day:
        state["last_day"] = last_day
    return state


def _rebuild(conn: sa.Connection, params: AlertParams) -> WatchSummary:
    analyses, codes, stored = delta.load_analyses(conn)
    nodes = [inc.node_of(a, codes.get(a.article.id, ()), stored[a.article.id])
             for a in analyses]
    dup_sigs = {n.article_id: n.dup_sig for n in nodes if n.dup_sig is not None}
    story_sigs = {n.article_id: n.story_sig for n in nodes if n.story_sig is not None}
    articles = [a.article for a in analyses]
    dups = find_duplicates(articles, signatures=dup_sigs)
    found = group_stories(articles, actors=codes, duplicates=dups, signatures=story_sigs)
    merged_with = merge_reports(reports(analyses, found))
    merged = [m for m, _ in merged_with]
    days = dyad_days(merged)
    found_alerts = detect_alerts(days, params)
    write_watch(conn, dups, found, merged, days, found_alerts)
    inc.place_nodes(nodes, found)
    delta.clear_index(conn)
    state = IndexState(conn)
    state.insert(nodes, [inc.band_keys(n) for n in nodes])
    state.insert_edges(duplicate_edges(dup_sigs, threshold=inc.DUP_THRESHOLD))
    delta.insert_reports(conn, [report_row(r, m.id) for m, cluster in merged_with
                                for r in cluster])
    replace_pairs(conn, [], all_pairs(days, found_alerts))
    write_state(conn, _state(params, max((d.day for d in days), default=None)))
    return _summary(conn, added=len(nodes), removed=0, full=True)


def _remove(state: IndexState, removed: Sequence[str], seeds: set[str], old_groups: set[str],
            touched: inc.Touched) -> list[Node]:
    """Forget removed articles; return the later articles whose story may change."""
    later: list[Node] = []
    for aid in removed:
        node = state.get(aid)
        if node is None:
            continue
        if node.original_id:
            old_groups.update(state.with_column("original_id", node.original_id))
        seeds.update(state.edge_partners(aid))
        touched.heads.add(node.story_head)
        later.extend(inc.later_neighbours(state, node))
    for aid in removed:
        state.remove(aid)
    return later


def _update(conn: sa.Connection, params: AlertParams, old_last: str | None) -> WatchSummary:
    changes = delta.changed_articles(conn)
    if not changes.added and not changes.removed:
        return _summary(conn, added=0, removed=0, full=False)
    state = IndexState(conn)
    touched = inc.Touched()
    seeds: set[str] = set()
    old_groups: set[str] = set()
    restart = _remove(state, changes.removed, seeds, old_groups, touched)
    added: list[Analysis]
    added, codes, stored = delta.load_analyses(conn, changes.added)
    nodes = [inc.node_of(a, codes.get(a.article.id, ()), stored[a.article.id]) for a in added]
    inc.add_nodes(state, nodes)
    for node in nodes:
        seeds.add(node.article_id)
        for partner in state.edge_partners(node.article_id):
            original = state.nodes[partner].original_id if state.get(partner) else None
            if original:
                old_groups.update(state.with_column("original_id", original))
    pairs = inc.regroup_duplicates(state, seeds | old_groups, old_groups, touched)
    restart += nodes
    restart += [state.nodes[a] for a in sorted(touched.outlet_changed) if a in state.nodes]
    inc.restory(state, restart, touched)
    touched.heads |= inc.story_heads_of(state, touched.outlet_changed)
    touched.heads.discard("")
    state.flush()
    delta.delete_story_members(conn, changes.removed)
    new_stories = [s for head in sorted(touched.heads)
                   if (s := inc.build_story(state, head, state.with_column("story_head", head)))]
    delta.replace_stories(conn, [story_id(h) for h in touched.heads], new_stories)
    delta.replace_duplicates(conn, old_groups | set(changes.removed), pairs)
    affected = refresh_reports(conn, state, added, changes.removed,
                               touched.story_changed | touched.outlet_changed)
    changed = remerge(conn, affected)
    redo_days(conn, changed, params)
    last = refresh_pairs(conn, {(s, t) for s, t, _ in changed}, old_last)
    write_state(conn, _state(params, last))
    return _summary(conn, added=len(changes.added), removed=len(changes.removed), full=False)


def update_watch(store: Store, *, params: AlertParams | None = None,
                 full: bool = False) -> WatchSummary:
    """Bring the watch tables up to date with the store: incrementally, or in full when
    ``full`` is set, when the tables were never built, or when they were built by another
    index version or with other alert parameters."""
    params = params or AlertParams()
    with store.transaction() as conn:
        state = read_state(conn)
        if full or state.get("index") != INDEX_VERSION or state.get("alert_method") != (
                params.method):
            return _rebuild(conn, params)
        return _update(conn, params, state.get("last_day"))


def rebuild_watch(store: Store, *, params: AlertParams | None = None) -> WatchSummary:
    """Recompute every watch table and the incremental index from the store."""
    return update_watch(store, params=params, full=True)


def is_stale(store: Store) -> bool:
    """True when the watch tables were never built or articles were stored or removed since."""
    with store.connect() as conn:
        if read_state(conn).get("index") != INDEX_VERSION:
            return True
        changes = delta.changed_articles(conn)
        return bool(changes.added or changes.removed)


def ensure_fresh(store: Store) -> WatchSummary | None:
    """Update when stale; return the update's summary, or None when already fresh."""
    return update_watch(store) if is_stale(store) else None
