"""The incremental watch stage: new articles join the derived tables without a rebuild.

``update_watch(store)`` finds the articles added, removed or re-stored since the last update
and recomputes only what they can change, giving the tables a full rebuild would give:

1. **Duplicates.** New articles' band keys are looked up in ``lsh_bands``; candidate pairs at
   or above the threshold become ``dup_edges``. The duplicate groups touched (connected
   components of the edges, before and after) get their original and their ``duplicates``
   rows again.
2. **Stories.** The full rebuild takes articles in order (dated first, then published, the
   longer body, the id) and puts each in the story of its best earlier match. Here a worklist
   in that same order starts from the new articles and the articles whose duplicate original
   changed; an article is decided again exactly as the rebuild decides it, and when its story
   changes, the later articles that share a band with it and its copies join the worklist.
   An article's decision reads only its candidates' stories, so nothing else can change.
3. **Merged events.** The reports (factual events) of the articles whose story, outlet or
   content changed are replaced in ``watch_reports``; for each (type, source, target) key the
   day range around them is widened until no cluster link crosses its ends (checked on the
   old clusters, through each report's ``merged_id``, and on the new reports), and the
   clusters inside are merged again.
4. **Dyad days and alerts** of the (pair, day)s whose merged events changed; the alerts of
   every pair with a changed day are recomputed from its series (one row a day at most).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wirewatch.records import Analysis, Story
from wirewatch.store.watch_index import IndexState, Node
from wirewatch.watch import lsh
from wirewatch.watch.stories import (
    article_day,
    body_shingles,
    content_words,
    duplicate_banding,
    story_id,
)

DUP_THRESHOLD = 0.5  # find_duplicates' default
STORY_SIMILARITY = 0.25  # group_stories' defaults
STORY_WINDOW_DAYS = 3
DUP_BANDS = duplicate_banding(DUP_THRESHOLD)
STORY_BANDS = lsh.banding("story", STORY_SIMILARITY)


@dataclass(slots=True)
class Touched:
    """What an update changed, for the later steps."""

    story_changed: set[str] = field(default_factory=set)  # articles with a new story
    outlet_changed: set[str] = field(default_factory=set)  # articles with a new original
    heads: set[str] = field(default_factory=set)  # stories (by first article) to rewrite


def node_of(analysis: Analysis, codes: Iterable[str], stored_at: str) -> Node:
    """A new article's node: its signatures computed as the full rebuild computes them."""
    article = analysis.article
    shingles = body_shingles(article.body_text)
    words = content_words(article)
    return Node(
        article_id=article.id, stored_at=stored_at, published=article.published,
        day=article_day(article), body_len=len(article.body_text), site=article.site,
        title=article.title, codes=frozenset(codes),
        dup_sig=lsh.signature(shingles) if len(shingles) >= 2 else None,
        story_sig=lsh.signature(words) if len(words) >= 3 else None,
    )


def band_keys(node: Node) -> list[int]:
    keys = []
    if node.dup_sig is not None:
        keys.extend(DUP_BANDS.keys(node.dup_sig))
    if node.story_sig is not None:
        keys.extend(STORY_BANDS.keys(node.story_sig))
    return keys


def add_nodes(state: IndexState, nodes: Sequence[Node]) -> None:
    """Insert new nodes with their band keys, and their duplicate edges."""
    state.insert(nodes, [band_keys(n) for n in nodes])
    edges: dict[tuple[str, str], float] = {}
    for node in nodes:
        if node.dup_sig is None:
            continue
        found = state.band_neighbours(DUP_BANDS.keys(node.dup_sig))
        state.load(found)
        for other_id in found:
            other = state.nodes.get(other_id)
            if other is None or other_id == node.article_id or other.dup_sig is None:
                continue
            sim = lsh.similarity(node.dup_sig, other.dup_sig)
            if sim >= DUP_THRESHOLD:
                a, b = sorted((node.article_id, other_id))
                edges[(a, b)] = round(sim, 4)
    state.insert_edges((a, b, sim) for (a, b), sim in edges.items())


def _component(state: IndexState, seed: str, seen: set[str]) -> list[str]:
    stack, members = [seed], []
    seen.add(seed)
    while stack:
        aid = stack.pop()
        members.append(aid)
        for other in state.edge_partners(aid):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return members


def regroup_duplicates(state: IndexState, seeds: set[str], old_members: set[str],
                       touched: Touched) -> list[tuple[str, str, float]]:
    """New duplicate groups around ``seeds``; sets originals, returns (copy, original, sim)."""
    seen: set[str] = set()
    pairs: list[tuple[str, str, float]] = []
    for seed in sorted(seeds):
        if seed in seen or state.get(seed) is None:
            continue
        members = _component(state, seed, seen)
        state.load(members)
        nodes = sorted((state.nodes[m] for m in members), key=lambda n: n.key)
        original = nodes[0] if len(nodes) > 1 else None
        for node in nodes:
            new = original.article_id if original else None
            if node.original_id != new:
                node.original_id = new
                state.dirty.add(node.article_id)
                touched.outlet_changed.add(node.article_id)
            if (original is not None and node is not original and node.dup_sig is not None
                    and original.dup_sig is not None):  # members of edges have signatures
                sim = round(lsh.similarity(node.dup_sig, original.dup_sig), 4)
                pairs.append((node.article_id, original.article_id, sim))
    # Old members now in no group (their group lost its other members) are alone.
    for aid in sorted(old_members - seen):
        lone = state.get(aid)
        if lone is not None and lone.original_id is not None:
            lone.original_id = None
            state.dirty.add(aid)
            touched.outlet_changed.add(aid)
    return pairs


def _best_earlier(state: IndexState, node: Node) -> str | None:
    """The story head of the best earlier match, as ``stories.group_stories`` chooses it."""
    if node.story_sig is None:
        return None
    found = state.band_neighbours(STORY_BANDS.keys(node.story_sig))
    state.load(found)
    earlier = [state.nodes[i] for i in found if i in state.nodes and state.nodes[i].key < node.key]
    state.load(o.story_head for o in earlier)
    best: tuple[float, str] | None = None
    for other in earlier:
        if other.story_sig is None:
            continue
        head = state.nodes.get(other.story_head)
        head_day = head.day if head else None
        if node.day and head_day and abs((node.day - head_day).days) > STORY_WINDOW_DAYS:
            continue
        if node.codes and other.codes and not node.codes & other.codes:
            continue
        sim = lsh.similarity(node.story_sig, other.story_sig)
        if sim >= STORY_SIMILARITY and (best is None or (sim, other.article_id) > best):
            best = (sim, other.article_id)
    return state.nodes[best[1]].story_head if best else None


def later_neighbours(state: IndexState, node: Node) -> list[Node]:
    out: list[Node] = []
    if node.story_sig is not None:
        found = state.band_neighbours(STORY_BANDS.keys(node.story_sig))
        state.load(found)
        out.extend(state.nodes[i] for i in found if i in state.nodes
                   and state.nodes[i].key > node.key)
    copies = state.with_column("original_id", node.article_id)
    state.load(copies)
    out.extend(state.nodes[i] for i in copies if state.nodes[i].key > node.key)
    return out


def restory(state: IndexState, start: Iterable[Node], touched: Touched) -> None:
    """Decide again, in the rebuild's order, every article whose story can have changed."""
    heap = [(n.key, n.article_id) for n in start]
    heapq.heapify(heap)
    done: set[str] = set()
    while heap:
        _key, aid = heapq.heappop(heap)
        node = state.nodes.get(aid)
        if aid in done or node is None:
            continue
        done.add(aid)
        original = node.original_id
        original_node = state.get(original) if original is not None and original != aid else None
        if original_node is not None:
            head = original_node.story_head
        else:
            head = _best_earlier(state, node) or aid
        if head == node.story_head:
            continue
        if node.story_head:
            touched.heads.add(node.story_head)
        touched.heads.add(head)
        touched.story_changed.add(aid)
        node.story_head = head
        state.dirty.add(aid)
        for later in later_neighbours(state, node):
            if later.article_id not in done:
                heapq.heappush(heap, (later.key, later.article_id))


def story_heads_of(state: IndexState, ids: Iterable[str]) -> set[str]:
    out = set()
    for aid in ids:
        node = state.get(aid)
        if node is not None and node.story_head:
            out.add(node.story_head)
    return out


def build_story(state: IndexState, head: str, member_ids: Sequence[str]) -> Story | None:
    """The Story of the articles whose first article is ``head`` (as ``group_stories``
    builds it), or None when it has no members left."""
    state.load(member_ids)
    members = sorted((state.nodes[m] for m in member_ids), key=lambda n: n.key)
    if not members:
        return None
    ids = tuple(m.article_id for m in members)
    idset = set(ids)
    dated = sorted(m.published for m in members if m.published)
    pairs = sorted((m.article_id, m.original_id) for m in members
                   if m.original_id and m.original_id != m.article_id and m.original_id in idset)
    return Story(
        id=story_id(ids[0]), article_ids=ids,
        sites=tuple(sorted({m.site for m in members if m.site})),
        first_seen=dated[0] if dated else None, last_seen=dated[-1] if dated else None,
        title=next((m.title for m in members if m.title), None), duplicate_of=tuple(pairs),
    )


def place_nodes(nodes: Sequence[Node], stories: Sequence[Story]) -> None:
    """Set each node's original and story head from a full rebuild's stories."""
    head_of = {aid: s.article_ids[0] for s in stories for aid in s.article_ids}
    original_of = {c: o for s in stories for c, o in s.duplicate_of}
    originals = set(original_of.values())
    for node in nodes:
        aid = node.article_id
        node.original_id = original_of.get(aid) or (aid if aid in originals else None)
        node.story_head = head_of[aid]
