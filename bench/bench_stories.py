"""Duplicate detection (precision/recall on built copies) and clustering time at 100,000 articles.

Part 1. Real article texts (AEB ground-truth bodies, plus trafilatura-eval pages extracted
with trafilatura) are copied and lightly altered the way republishing sites alter them:
a changed headline, a dropped paragraph, an added paragraph, and word swaps (a share of the
words replaced by other words of the text). Non-duplicates: all other pairs of texts, plus
hard negatives: mosaics of one paragraph from each of four texts. Pairs are scored against truth:
precision = found pairs that are true / found pairs; recall = true pairs found / true pairs.
Anchors, same run: exact Jaccard of the 3-shingle sets over all pairs at the same threshold
(what MinHash estimates) and exact hashing of the normalised body (the naive deduplicator).

Part 2. Time of find_duplicates + group_stories on synthetic articles (60 words of story
vocabulary and 90 of shared vocabulary each, 10% syndicated copies, 60 days), at 10,000 and
100,000; the all-pairs exact anchor at 2,000 only (quadratic).

    .venv/bin/python bench/bench_stories.py [--quick]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from wirewatch.ids import normalise_for_id
from wirewatch.records import Article
from wirewatch.watch.stories import body_shingles, find_duplicates, group_stories

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
RESULTS = ROOT / "bench" / "results"
THRESHOLD = 0.5


def load_texts(limit_eval: int) -> list[tuple[str, ...]]:
    truth = json.loads((SHARED / "aeb" / "ground-truth.json").read_text("utf-8"))
    texts = [
        tuple(p.strip() for p in v["articleBody"].split("\n") if p.strip()) for v in truth.values()
    ]
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None and limit_eval:
        meta = json.loads((SHARED / "trafilatura-eval-en" / "evaldata-en.json").read_text("utf-8"))
        for item in list(meta.values())[:limit_eval]:
            raw = (SHARED / "trafilatura-eval-en" / "pages" / item["file"]).read_bytes()
            body = trafilatura.extract(raw)
            if body:
                texts.append(tuple(p.strip() for p in body.split("\n") if p.strip()))
    return [t for t in texts if sum(len(p.split()) for p in t) >= 80]


def alter(paras: tuple[str, ...], rng: random.Random, swap_rate: float) -> tuple[str, ...]:
    out = list(paras)
    if len(out) > 3:
        del out[rng.randrange(1, len(out))]
    out.insert(rng.randrange(len(out) + 1), "This article was republished with permission.")
    vocab = " ".join(paras).split()
    for i, p in enumerate(out):
        words = p.split()
        for j in range(len(words)):
            if rng.random() < swap_rate:
                words[j] = rng.choice(vocab)
        out[i] = " ".join(words)
    return tuple(out)


def build_cases(
    texts: list[tuple[str, ...]], swap_rate: float, seed: int = 7
) -> tuple[list[Article], set[frozenset[str]]]:
    rng = random.Random(seed)
    arts = [
        Article(
            id=f"t{i}",
            source=f"t{i}",
            form="text",
            title=f"Original {i}",
            published="2024-01-01",
            body=t,
        )
        for i, t in enumerate(texts)
    ]
    truth: set[frozenset[str]] = set()
    copies = []
    for i in rng.sample(range(len(texts)), len(texts) // 2):
        cid = f"c{i}"
        copies.append(
            Article(
                id=cid,
                source=cid,
                form="text",
                title=f"New headline {i}",
                published="2024-01-02",
                body=alter(texts[i], rng, swap_rate),
            )
        )
        truth.add(frozenset((cid, f"t{i}")))
    hard = []
    for i in rng.sample(range(len(texts)), len(texts) // 4):
        # A mosaic: one paragraph from each of four different texts (an article quoting
        # several others). A negative, kept only when no single source gives half its words.
        sources = rng.sample(range(len(texts)), 4)
        body = tuple(texts[s][k % len(texts[s])] for k, s in enumerate(sources))
        words = [len(p.split()) for p in body]
        if max(words) * 2 <= sum(words):
            hard.append(
                Article(id=f"h{i}", source=f"h{i}", form="text", published="2024-01-03", body=body)
            )
    all_arts = arts + copies + hard
    return all_arts, truth


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def closure(pairs: set[frozenset[str]]) -> set[frozenset[str]]:
    """All pairs within the connected groups (a copy of a copy is a copy of the original)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for p in pairs:
        a, b = tuple(p)
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return {frozenset(c) for g in groups.values() for c in itertools.combinations(g, 2)}


def score(found: set[frozenset[str]], truth: set[frozenset[str]]) -> tuple[float, float]:
    found, truth = closure(found), closure(truth)
    tp = len(found & truth)
    return (tp / len(found) if found else 1.0, tp / len(truth) if truth else 1.0)


def exact_pairs(arts: list[Article]) -> set[frozenset[str]]:
    sh = {a.id: body_shingles(a.body_text) for a in arts}
    return {
        frozenset((a.id, b.id))
        for a, b in itertools.combinations(arts, 2)
        if jaccard(sh[a.id], sh[b.id]) >= THRESHOLD
    }


def hash_pairs(arts: list[Article]) -> set[frozenset[str]]:
    by: dict[str, list[str]] = {}
    for a in arts:
        by.setdefault(hashlib.sha1(normalise_for_id(a.body_text).encode()).hexdigest(), []).append(
            a.id
        )
    return {frozenset(c) for g in by.values() for c in itertools.combinations(g, 2)}


def synthetic(n: int, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    shared = [f"w{i}" for i in range(20_000)]
    weights = [1 / (i + 1) for i in range(len(shared))]
    out: list[Article] = []
    n_stories = max(1, n // 4)
    for i in range(n):
        if out and rng.random() < 0.1:
            src = out[rng.randrange(len(out))]
            out.append(
                replace(
                    src,
                    id=f"a{i}",
                    source=f"a{i}",
                    body=(*src.body[:-1], "Republished with permission."),
                )
            )
            continue
        story = rng.randrange(n_stories)
        topic = [f"s{story}x{k}" for k in range(40)]
        words = rng.choices(shared, weights, k=90) + rng.choices(topic, k=60)
        rng.shuffle(words)
        day = 1 + (story * 60 // n_stories)
        body = tuple(" ".join(words[k : k + 30]) for k in range(0, 150, 30))
        out.append(
            Article(
                id=f"a{i}",
                source=f"a{i}",
                form="text",
                published=f"2024-{1 + day // 30:02d}-{1 + day % 28:02d}",
                body=body,
            )
        )
    return out


def sample_truth() -> dict[str, int]:
    """Input file name -> story number, from the generator of examples/."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_examples

    out: dict[str, int] = {}
    versions = make_examples.versions()
    i = 0
    for number, story in enumerate(make_examples.STORIES):
        for v in versions[i:i + 1 + len(story.republished_by) + len(story.rewrites)]:
            out[f"{v.when:%Y%m%d-%H%M}-{v.outlet}-"] = number
        i += 1 + len(story.republished_by) + len(story.rewrites)
    return out


def story_grouping_on_sample() -> list[tuple[str, float, float, int]]:
    """Pairwise precision/recall of story co-membership on the analysed examples/ pages."""
    from wirewatch.analyze.pipeline import analyze_articles
    from wirewatch.extract import extract_path
    from wirewatch.watch.stories import content_words

    truth_of = sample_truth()
    articles = [a for a in extract_path(ROOT / "examples" / "pages") if isinstance(a, Article)]
    analyses = analyze_articles(articles)
    actors = {a.article.id: [x.code for x in a.actors if x.code] for a in analyses}
    truth = {}
    for art in articles:
        name = Path(art.source).name
        truth[art.id] = next(v for k, v in truth_of.items() if name.startswith(k))
    true_pairs = {frozenset(p) for p in itertools.combinations(truth, 2)
                  if truth[next(iter(p))] == truth[list(p)[1]]}

    def pairs_of(groups: list[list[str]]) -> set[frozenset[str]]:
        return {frozenset(c) for g in groups for c in itertools.combinations(g, 2)}

    rows = []
    ours = pairs_of([list(st.article_ids) for st in group_stories(articles, actors=actors)])
    # Anchor: plain transitive linking of every pair over 0.2 exact word-set Jaccard within
    # 3 days (the first design, which chained the last week into one story).
    words = {a.id: content_words(a) for a in articles}
    link = {
        frozenset((a.id, b.id)) for a, b in itertools.combinations(articles, 2)
        if jaccard(words[a.id], words[b.id]) >= 0.2
        and abs((date_of(a) - date_of(b)).days) <= 3
    }
    for name, found in (("wirewatch best-match stories", ours),
                        ("transitive linking at 0.2 (anchor)", closure(link))):
        tp = len(found & true_pairs)
        rows.append((name, tp / len(found) if found else 1.0,
                     tp / len(true_pairs) if true_pairs else 1.0, len(articles)))
    return rows


def date_of(article: Article) -> date:
    return date.fromisoformat((article.published or "2000-01-01")[:10])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10,000 articles, not 100,000")
    args = parser.parse_args()
    if not (SHARED / "aeb").exists():
        sys.exit(f"the corpora are not at {SHARED}")
    texts = load_texts(limit_eval=141)
    rows = []
    for level, rate in (("light", 0.02), ("medium", 0.05), ("heavy", 0.10)):
        arts, truth = build_cases(texts, rate)
        t0 = time.perf_counter()
        ours = {frozenset((d.copy_id, d.original_id)) for d in find_duplicates(arts)}
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        exact = exact_pairs(arts)
        t_exact = time.perf_counter() - t0
        hashed = hash_pairs(arts)
        for name, found, secs in (
            ("wirewatch MinHash-LSH", ours, t_ours),
            ("exact Jaccard, all pairs", exact, t_exact),
            ("exact body hash", hashed, None),
        ):
            p, r = score(found, truth)
            rows.append(
                (
                    level,
                    f"{rate:.0%}",
                    len(arts),
                    len(truth),
                    name,
                    p,
                    r,
                    2 * p * r / (p + r) if p + r else 0.0,
                    secs,
                )
            )
    grouping = story_grouping_on_sample()
    sizes = [10_000] if args.quick else [10_000, 100_000]
    timing = []
    small = synthetic(2_000)
    t0 = time.perf_counter()
    exact_pairs(small)
    timing.append(("exact Jaccard all pairs (anchor)", 2_000, time.perf_counter() - t0, None))
    for n in sizes:
        arts = synthetic(n)
        t0 = time.perf_counter()
        dups = find_duplicates(arts)
        t_dup = time.perf_counter() - t0
        t0 = time.perf_counter()
        stories = group_stories(arts, duplicates=dups)
        t_story = time.perf_counter() - t0
        timing.append(("find_duplicates", n, t_dup, len(dups)))
        timing.append(("group_stories", n, t_story, len(stories)))
    lines = [
        "## Stories: duplicate detection and clustering time",
        "",
        f"Duplicate detection on {len(texts)} real article texts (AEB ground-truth bodies and "
        "trafilatura-eval pages extracted with trafilatura), half of them copied with a new "
        "headline, one paragraph dropped, one added and a share of words swapped; plus "
        "mosaics of one paragraph from each of four texts (hard negatives). Pairs scored "
        "after transitive closure. Threshold "
        f"{THRESHOLD} on 3-word shingles for both Jaccard methods, chosen before the first "
        "run. One change after it: LSH candidates are now taken 0.15 below the threshold "
        "(recall of the first run, candidates at the threshold: 0.962 light, 0.955 medium, "
        "0.535 heavy, precision 1.000); nothing else was tuned on this set.",
        "",
        "| alteration | words swapped | articles | true pairs | method | precision | recall "
        "| F1 | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lv, rate, n, t, name, p, r, f, secs in rows:
        lines.append(
            f"| {lv} | {rate} | {n} | {t} | {name} | {p:.3f} | {r:.3f} | {f:.3f} | "
            f"{'' if secs is None else f'{secs:.2f}'} |"
        )
    lines += [
        "",
        "Story grouping on the 46 fictional pages of examples/ (analysed by the full pipeline; "
        "truth from their generator). This is the development set the story method was "
        "chosen on, not a held-out test:",
        "",
        "| method | articles | pair precision | pair recall |",
        "|---|---|---|---|",
        *(f"| {name} | {n} | {p:.3f} | {r:.3f} |" for name, p, r, n in grouping),
    ]
    lines += [
        "",
        "Clustering time on synthetic articles (150 words each, 10% syndicated "
        "copies; one process; the machine is shared by several jobs, so timings are "
        "noisy). 'found' is the number of duplicates or stories; the synthetic stories "
        "are loose word mixtures, so that count measures nothing about quality:",
        "",
        "| step | articles | seconds | found |",
        "|---|---|---|---|",
    ]
    for step, n, secs, found in timing:
        lines.append(f"| {step} | {n:,} | {secs:.1f} | {'' if found is None else found} |")
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stories.md").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
