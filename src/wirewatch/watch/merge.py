"""Merge the events that several articles report into one event per real-world happening.

Two coded events are reports of the same real-world event when they have the same PLOVER
type, the same first source actor code and the same first target actor code, and their days
(the event's own date, else the article's published day) are the same, or their articles
belong to the same story and the days lie at most ``window_days`` apart (links are
transitive). Requiring the story for the cross-day case keeps a daily routine accusation
from merging into one long event. Only factual reports merge (modality ``asserted`` or
``alleged``): a threat that "may" happen or a denied attack is not an event that took place.
Only reports with ``Event.confidence`` >= ``MIN_CONFIDENCE`` merge (precision first:
docs/watch.md). A report counts with its modality's weight (``MODALITY_WEIGHTS``): an
alleged event's intensity at half, since someone claims it and the outlet does not state
it; the merged event's intensity is the mean of its reports' weighted intensities.

A merged event keeps every mention (article, site, evidence sentence and its offsets), its
first sighting, and its number of *independent* outlets: a syndicated copy counts as its
original's outlet, so one wire story reprinted by five sites is one outlet.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from wirewatch.days import plausible_day
from wirewatch.errors import QueryError
from wirewatch.records import Actor, Analysis, Event, EventMention, MergedEvent, Story

FACTUAL_MODALITIES = frozenset({"asserted", "alleged"})
# How much of a report's intensity counts (docs/watch.md): future, hypothetical, negated and
# denied events are not events that took place and count nothing (they do not merge at all).
MODALITY_WEIGHTS = {"asserted": 1.0, "alleged": 0.5}
# The precision-first default (docs/watch.md): events with less evidence do not feed
# tension and alerts; on PLOVER's tuning half it keeps recall and drops the weakest events.
MIN_CONFIDENCE = 0.6


ReportKey = tuple[str, str | None, str | None]  # (type, source key, target key)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's factual report of an event, as the merge sees it."""

    event: Event
    article_id: str
    seq: int  # the event's position in its article
    site: str | None
    published: str | None
    day: date | None
    story_id: str | None
    outlet: str  # the independent outlet: the original's site for a syndicated copy

    @property
    def key(self) -> ReportKey:
        return (self.event.type, first_code(self.event.source), first_code(self.event.target))

    @property
    def order(self) -> tuple[str, str, int]:
        # The canonical order of reports: the merge's ties (majority mode, quad and story,
        # the first sighting) are decided in it, never in the order rows were read.
        return (self.published or "", self.article_id, self.seq)


def _day(text: str | None) -> date | None:
    # Only days within reason (wirewatch.days): a stray year 1000 or 9999 would make the
    # filled tension series millions of days long.
    return plausible_day(text)


# PLOVER's generic codes for non-state actors: an alliance and a UN agency share "IGO", so a
# dyad keyed on the code alone would mix NATO with the WHO. For these, the organisation's own
# short name (from the actor tables) is the dyad key.
GENERIC_CODES = frozenset({"IGO", "NGO", "ISM", "IMG", "MNC", "UNO", "EUR"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")


@cache
def organisation_keys() -> dict[str, str]:
    """Casefolded organisation name or alias -> its dyad key (acronym, else upper-case name),
    from data/actors/organisations.csv."""
    path = resources.files("wirewatch").joinpath("data/actors/organisations.csv")
    if not path.is_file():
        return {}
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    keys: dict[str, str] = {}
    for row in csv.DictReader(lines):
        generic = row.get("plover_code") or row.get("code") or ""
        if generic not in GENERIC_CODES or not row.get("name"):
            continue
        names = [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]
        key = row["code"] if row["code"] not in GENERIC_CODES else next(
            (n for n in names if _ACRONYM.match(n)), row["name"].upper())
        for name in names:
            keys.setdefault(name.casefold(), key)
    return keys


def dyad_key(actor: Actor) -> str | None:
    """The code a dyad is keyed on: the actor's code, or for a generic non-state code (IGO,
    NGO, ...) the organisation's acronym when the actor's name is, or begins with, a known
    organisation ("NATO", "NATO member states", "the UN Security Council")."""
    if actor.code not in GENERIC_CODES:
        return actor.code
    keys = organisation_keys()
    words = actor.name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    for k in range(len(words), 0, -1):
        key = keys.get(" ".join(words[:k]).casefold())
        if key:
            return key
    return actor.code


def first_code(actors: tuple[Actor, ...]) -> str | None:
    """The dyad key of the first actor that has one."""
    for actor in actors:
        key = dyad_key(actor)
        if key:
            return key
    return None


def article_reports(analysis: Analysis, *, story_id: str | None, outlet: str,
                    min_confidence: float = MIN_CONFIDENCE) -> list[Report]:
    """The factual reports of one article: its events of modality asserted or alleged with
    at least ``min_confidence``."""
    art = analysis.article
    return [
        Report(event=event, article_id=art.id, seq=seq, site=art.site, published=art.published,
               day=_day(event.date) or _day(art.published), story_id=story_id, outlet=outlet)
        for seq, event in enumerate(analysis.events)
        if event.modality in FACTUAL_MODALITIES and event.confidence >= min_confidence
    ]


def outlet_of(article_id: str, site: str | None, original_id: str | None,
              original_site: str | None) -> str:
    """The independent outlet of an article: its original's site for a syndicated copy."""
    root = original_id or article_id
    return (original_site if original_id else site) or site or root


def reports(analyses: Sequence[Analysis], stories: Sequence[Story], *,
            min_confidence: float = MIN_CONFIDENCE) -> list[Report]:
    """Every factual report of ``analyses``, with its story and independent outlet."""
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    original_of = {copy: orig for s in stories for copy, orig in s.duplicate_of}
    site_of = {a.article.id: a.article.site for a in analyses}
    out: list[Report] = []
    for analysis in analyses:
        art = analysis.article
        original = original_of.get(art.id)
        outlet = outlet_of(art.id, art.site, original, site_of.get(original) if original else None)
        out.extend(article_reports(analysis, story_id=story_of.get(art.id), outlet=outlet,
                                   min_confidence=min_confidence))
    return out


def _cluster(reports: list[Report], window_days: int) -> list[list[Report]]:
    """Reports of one (type, source, target) that describe one event: reports of the same day,
    and reports of the same story at most ``window_days`` apart (linked transitively)."""
    reports = sorted(reports, key=lambda r: r.order)
    dated = sorted((r for r in reports if r.day), key=lambda r: (r.day, r.order))
    parent = list(range(len(dated)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    last_of_day: dict[date, int] = {}
    last_of_story: dict[str, int] = {}
    for i, rep in enumerate(dated):
        assert rep.day is not None
        if rep.day in last_of_day:
            parent[find(i)] = find(last_of_day[rep.day])
        prev = last_of_story.get(rep.story_id) if rep.story_id else None
        if prev is not None and (rep.day - (dated[prev].day or rep.day)).days <= window_days:
            parent[find(i)] = find(prev)
        last_of_day[rep.day] = i
        if rep.story_id:
            last_of_story[rep.story_id] = i
    groups: dict[int, list[Report]] = {}
    for i, rep in enumerate(dated):
        groups.setdefault(find(i), []).append(rep)
    clusters = list(groups.values())
    # An undated report joins only reports of its own story (or stays alone).
    undated: dict[str, list[Report]] = {}
    for rep in reports:
        if rep.day is None:
            undated.setdefault(rep.story_id or rep.article_id, []).append(rep)
    clusters.extend(undated.values())
    return clusters


def most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent value; a tie goes to the smallest (``None`` last), never to whichever
    came first, so the result does not depend on the order the reports were loaded in
    (``Counter.most_common`` keeps insertion order among equals). None when there is none.

    >>> most_common(["b", "a", "b", "a", None])
    'a'
    """
    counts = Counter(values)
    if not counts:
        return None
    best = max(counts.values())
    return min((v for v, n in counts.items() if n == best), key=lambda v: (v is None, v or ""))


def merged_event_id(type_: str, source: str | None, target: str | None, first: Report) -> str:
    key = f"{type_}|{source}|{target}|{first.article_id}|{first.event.start}"
    return "m" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def _merge(cluster: list[Report]) -> MergedEvent:
    cluster = sorted(cluster, key=lambda r: r.order)
    first = min(cluster, key=lambda r: (r.published is None, r.published or "", r.article_id))
    ev = first.event
    source, target = first_code(ev.source), first_code(ev.target)
    day = min((r.day for r in cluster if r.day), default=None)
    return MergedEvent(
        id=merged_event_id(ev.type, source, target, first),
        type=ev.type,
        mode=most_common(r.event.mode for r in cluster),
        source_code=source,
        target_code=target,
        date=day.isoformat() if day else None,
        first_seen=first.published,
        outlets=len({r.outlet for r in cluster}),
        story_id=most_common(r.story_id for r in cluster if r.story_id),
        intensity=round(sum(r.event.intensity * MODALITY_WEIGHTS.get(r.event.modality, 0.0)
                            for r in cluster) / len(cluster), 3),
        quad=most_common(r.event.quad for r in cluster) or "",
        mentions=tuple(
            EventMention(r.article_id, r.site, r.event.sentence, r.event.start, r.event.end)
            for r in cluster
        ),
    )


def merge_clusters(same_key: Sequence[Report], *, window_days: int = 1
                   ) -> list[tuple[MergedEvent, list[Report]]]:
    """The merged events of reports that share one (type, source, target) key, each with the
    reports it merges."""
    out = []
    for cluster in _cluster(list(same_key), window_days):
        cluster.sort(key=lambda r: r.order)
        out.append((_merge(cluster), cluster))
    return out


def merge_events(
    analyses: Sequence[Analysis], stories: Sequence[Story], *, window_days: int = 1,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[MergedEvent]:
    """One :class:`MergedEvent` per real-world event reported in ``analyses``.

    ``stories`` (from :func:`wirewatch.watch.stories.group_stories`) give each mention its story and
    say which articles are syndicated copies. Merged events come out by date, then id.
    """
    found = reports(analyses, stories, min_confidence=min_confidence)
    return [m for m, _ in merge_reports(found, window_days=window_days)]


def merge_reports(all_reports: Sequence[Report], *, window_days: int = 1
                  ) -> list[tuple[MergedEvent, list[Report]]]:
    """Merged events (by date, then id) of reports of any keys, each with its reports."""
    if window_days < 0:
        raise QueryError(f"window_days must be >= 0, got {window_days}")
    groups: dict[ReportKey, list[Report]] = {}
    for rep in all_reports:
        groups.setdefault(rep.key, []).append(rep)
    merged = [
        pair
        for key in sorted(groups, key=lambda k: (k[0], k[1] or "", k[2] or ""))
        for pair in merge_clusters(groups[key], window_days=window_days)
    ]
    merged.sort(key=lambda p: (p[0].date is None, p[0].date or "", p[0].id))
    return merged
