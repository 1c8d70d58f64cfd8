"""Near-duplicate articles and stories across outlets.

Two pure functions over :class:`~wirewatch.records.Article` records:

- :func:`find_duplicates` finds syndicated copies (one site republishing another's article,
  perhaps with a new headline, a paragraph more or less, a few words changed): MinHash over
  3-word shingles of the normalised body, candidates from LSH, kept when the estimated Jaccard
  similarity reaches ``threshold``. The earliest published article of a group is the original.
- :func:`group_stories` groups articles about the same real-world story: MinHash over the set
  of content words (title and body, function words removed), candidates from LSH, kept when the
  word sets are similar enough, the published days lie within ``window_days`` and the articles
  share a coded actor (when both have actors). Syndicated copies always join their original.

Merging the events of a story lives in :mod:`wirewatch.watch.merge`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from importlib import resources

from wirewatch.errors import QueryError
from wirewatch.records import Article, Duplicate, Story
from wirewatch.watch import lsh
from wirewatch.watch.lsh import BandIndex, Signature

_WORD = re.compile(r"\w+")
CANDIDATE_MARGIN = 0.15


@cache
def stopwords() -> frozenset[str]:
    """The function words left out of story word sets (data/watch/stopwords.txt)."""
    text = resources.files("wirewatch").joinpath("data/watch/stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def body_shingles(text: str, *, size: int = 3) -> set[str]:
    """The set of ``size``-word shingles of lower-cased ``\\w+`` tokens.

    >>> sorted(body_shingles("A b c d", size=3))
    ['a b c', 'b c d']
    """
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def content_words(article: Article) -> set[str]:
    """Lower-case words of title and body, without function words, digits or 1-2 letter words."""
    stop = stopwords()
    text = f"{article.title or ''} {article.body_text}".lower()
    return {w for w in _WORD.findall(text) if len(w) > 2 and not w.isdigit() and w not in stop}


def article_day(article: Article) -> date | None:
    """The published day of an article, or None when it has no parseable date."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _order_key(article: Article) -> tuple[int, str, int, str]:
    # Earliest first; undated last; then the longer body (the fuller text is the original);
    # then the id, so that the choice never depends on input order.
    day = article_day(article)
    return (
        0 if day else 1,
        article.published or "",
        -len(article.body_text),
        article.id,
    )


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for item in self.parent:
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())


def _check_threshold(value: float, name: str) -> None:
    if not 0.0 < value <= 1.0:
        raise QueryError(f"{name} must be in (0, 1], got {value}")


def _unique(articles: Sequence[Article]) -> dict[str, Article]:
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    return by_id


def dup_signatures(articles: Sequence[Article], *, shingle_size: int = 3
                   ) -> dict[str, Signature]:
    """The MinHash signature of each body's shingle set (bodies with fewer than 2 shingles
    have none: they are never duplicates)."""
    out: dict[str, Signature] = {}
    for aid, article in _unique(articles).items():
        shingles = body_shingles(article.body_text, size=shingle_size)
        if len(shingles) >= 2:
            out[aid] = lsh.signature(shingles)
    return out


def story_signatures(articles: Sequence[Article]) -> dict[str, Signature]:
    """The MinHash signature of each article's content words (3 words at least)."""
    out: dict[str, Signature] = {}
    for aid, article in _unique(articles).items():
        words = content_words(article)
        if len(words) >= 3:
            out[aid] = lsh.signature(words)
    return out


def duplicate_banding(threshold: float) -> lsh.Banding:
    # Candidates come from LSH tuned a little below the threshold: LSH's S-curve misses many
    # pairs just above its own threshold, and the estimated similarity decides anyway.
    return lsh.banding("dup", max(0.1, threshold - CANDIDATE_MARGIN))


def duplicate_edges(signatures: Mapping[str, Signature], *, threshold: float = 0.5
                    ) -> list[tuple[str, str, float]]:
    """Candidate pairs (a < b) whose estimated Jaccard similarity reaches ``threshold``."""
    index = BandIndex(duplicate_banding(threshold))
    for aid, sig in signatures.items():
        index.insert(aid, sig)
    edges = []
    for aid, sig in signatures.items():
        for other in index.query(sig):
            if other > aid:
                sim = lsh.similarity(sig, signatures[other])
                if sim >= threshold:
                    edges.append((aid, other, round(sim, 4)))
    edges.sort()
    return edges


def find_duplicates(
    articles: Sequence[Article], *, threshold: float = 0.5, shingle_size: int = 3,
    signatures: Mapping[str, Signature] | None = None,
) -> list[Duplicate]:
    """Syndicated copies among ``articles``: each copy with the original it repeats.

    A group of near-identical bodies (estimated Jaccard similarity of their 3-word shingle
    sets >= ``threshold``, linked transitively) has one original, the earliest published; every
    other member is reported as its copy. Articles with fewer than ``shingle_size`` words are
    never duplicates. ``signatures`` (from :func:`dup_signatures`) saves computing them.
    """
    _check_threshold(threshold, "threshold")
    by_id = _unique(articles)
    hashes = signatures if signatures is not None else dup_signatures(
        list(by_id.values()), shingle_size=shingle_size)
    links = _UnionFind(hashes)
    for a, b, _sim in duplicate_edges(hashes, threshold=threshold):
        links.union(a, b)
    out: list[Duplicate] = []
    for group in links.groups():
        if len(group) < 2:
            continue
        members = sorted((by_id[m] for m in group), key=_order_key)
        original = members[0]
        for copy in members[1:]:
            sim = lsh.similarity(hashes[copy.id], hashes[original.id])
            out.append(Duplicate(copy.id, original.id, round(sim, 4)))
    out.sort(key=lambda d: (d.original_id, d.copy_id))
    return out


def _within(a: date | None, b: date | None, window_days: int) -> bool:
    if a is None or b is None:
        return True
    return abs((a - b).days) <= window_days


def _share_actor(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def story_id(first_article_id: str) -> str:
    """A story's id: derived from its earliest article, so a rebuild keeps it stable."""
    return "s" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:15]


def group_stories(
    articles: Sequence[Article],
    *,
    window_days: int = 3,
    similarity: float = 0.25,
    actors: Mapping[str, Iterable[str]] | None = None,
    duplicates: Sequence[Duplicate] | None = None,
    signatures: Mapping[str, Signature] | None = None,
) -> list[Story]:
    """Group ``articles`` into stories; every article ends up in exactly one story.

    Articles are taken in order of publication. Each joins the story of its most similar
    earlier article when the estimated Jaccard similarity of their content word sets reaches
    ``similarity``, the story began at most ``window_days`` before it (an undated article is
    compatible with any day) and, when ``actors`` gives coded actors for both, they share at
    least one; otherwise it starts a new story. Joining the best match only, within a window
    anchored at the story's first day, keeps stories from chaining through loosely related
    articles into one long thread. A syndicated copy (``duplicates``, computed with
    :func:`find_duplicates` when not given) always joins its original's story; the pairs are
    listed in ``Story.duplicate_of``. Stories come out ordered by first sighting.
    """
    _check_threshold(similarity, "similarity")
    if window_days < 0:
        raise QueryError(f"window_days must be >= 0, got {window_days}")
    by_id = _unique(articles)
    if duplicates is None:
        duplicates = find_duplicates(list(by_id.values()))
    original_of = {d.copy_id: d.original_id for d in duplicates
                   if d.copy_id in by_id and d.original_id in by_id}
    codes = {aid: frozenset((actors or {}).get(aid, ())) for aid in by_id}
    days = {aid: article_day(a) for aid, a in by_id.items()}
    hashes = signatures if signatures is not None else story_signatures(list(by_id.values()))
    index = BandIndex(lsh.banding("story", similarity))
    for aid, sig in hashes.items():
        index.insert(aid, sig)
    story_of: dict[str, str] = {}  # article id -> the id of its story's first article
    first_day: dict[str, date | None] = {}
    for article in sorted(by_id.values(), key=_order_key):
        aid = article.id
        root = original_of.get(aid)
        if root is None or root not in story_of:
            root = _best_earlier(aid, hashes, index, story_of, first_day, days, codes,
                                 similarity=similarity, window_days=window_days)
        if root is None:
            story_of[aid] = aid
            first_day[aid] = days[aid]
        else:
            story_of[aid] = story_of[root]
    groups: dict[str, list[Article]] = {}
    for aid, head in story_of.items():
        groups.setdefault(head, []).append(by_id[aid])
    dup_pairs = set(original_of.items())
    stories = [_make_story(members, dup_pairs) for members in groups.values()]
    stories.sort(key=lambda s: (s.first_seen is None, s.first_seen or "", s.id))
    return stories


def _best_earlier(
    aid: str,
    hashes: Mapping[str, Signature],
    index: BandIndex,
    story_of: Mapping[str, str],
    first_day: Mapping[str, date | None],
    days: Mapping[str, date | None],
    codes: Mapping[str, frozenset[str]],
    *,
    similarity: float,
    window_days: int,
) -> str | None:
    """The already placed article most similar to ``aid`` that it may join, or None."""
    mh = hashes.get(aid)
    if mh is None:
        return None
    best: tuple[float, str] | None = None
    for other in sorted(index.query(mh)):
        if other == aid or other not in story_of:
            continue
        if not _within(days[aid], first_day[story_of[other]], window_days):
            continue
        if not _share_actor(codes[aid], codes[other]):
            continue
        sim = lsh.similarity(mh, hashes[other])
        if sim >= similarity and (best is None or (sim, other) > best):
            best = (sim, other)
    return best[1] if best else None


def _make_story(members: list[Article], dup_pairs: set[tuple[str, str]]) -> Story:
    members.sort(key=_order_key)
    ids = tuple(m.id for m in members)
    idset = set(ids)
    sites = tuple(sorted({m.site for m in members if m.site}))
    dated = sorted(m.published for m in members if m.published)
    return Story(
        id=story_id(ids[0]),
        article_ids=ids,
        sites=sites,
        first_seen=dated[0] if dated else None,
        last_seen=dated[-1] if dated else None,
        title=next((m.title for m in members if m.title), None),
        duplicate_of=tuple(sorted(p for p in dup_pairs if p[0] in idset and p[1] in idset)),
    )
