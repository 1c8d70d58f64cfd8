"""Made-up analyses for the watch stage's tests and benchmarks: bodies drawn from a few base
texts with some words swapped (so that near-duplicates and stories occur), a few sites, days
and actors, and events of a few types between those actors."""

from __future__ import annotations

import random

from wirewatch.records import Actor, Analysis, Article, Event

ACTORS = {
    "USA": Actor("United States", "USA", "GOV"),
    "CHN": Actor("China", "CHN", "GOV"),
    "RUS": Actor("Russia", "RUS", "GOV"),
    "NATO": Actor("NATO", "IGO", None),
}
TYPES = (("ACCUSE", -3.0, "VERBAL CONFLICT"), ("ACCUSE", -3.5, "VERBAL CONFLICT"),
         ("AGREE", 2.5, "VERBAL COOPERATION"), ("ASSAULT", -9.0, "MATERIAL CONFLICT"))
MODALITIES = ("asserted", "asserted", "alleged", "hypothetical")


def vocabulary(size: int) -> list[str]:
    return [f"word{i}" for i in range(size)]


def base_texts(rng: random.Random, n: int, length: int, vocab: list[str]) -> list[list[str]]:
    return [[rng.choice(vocab) for _ in range(length)] for _ in range(n)]


def make_analysis(rng: random.Random, index: int, bases: list[list[str]], vocab: list[str], *,
                  days: int, month: str = "2024-03", sites: int = 4,
                  source: str | None = None) -> Analysis:
    """One made-up article with 0-3 events; ``index`` makes its id and source unique."""
    words = list(rng.choice(bases))
    for _ in range(rng.choice((0, 0, 1, 3, 8, 20, 40))):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    day = rng.randrange(1, days + 1)
    published = (None if rng.random() < 0.08 else
                 f"{month}-{day:02d}T{rng.choice(('08', '12', '12', '18'))}:00:00")
    codes = rng.sample(sorted(ACTORS), rng.choice((0, 2, 2, 3, 3, 4)))
    body = (" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :]))
    sentence = body[0][:40]
    events = []
    for _ in range(rng.randrange(0, 5) if len(codes) >= 2 else 0):
        src, tgt = rng.sample(codes, 2)
        type_, intensity, quad = rng.choice(TYPES)
        event_day = rng.choice((None, None, max(1, day - 1), day))
        events.append(Event(
            type=type_, mode=None, source=(ACTORS[src],), target=(ACTORS[tgt],),
            modality=rng.choice(MODALITIES), attribution=None, intensity=intensity, quad=quad,
            trigger="said", sentence=sentence, start=0, end=len(sentence), rule="synthetic",
            coder="synthetic/1",
            date=f"{month}-{event_day:02d}" if event_day and published else None))
    aid = f"a{index:06d}"
    article = Article(
        id=aid, source=source or f"{aid}.txt", form="text",
        site=f"site{rng.randrange(sites)}.example",
        title=rng.choice((None, " ".join(words[:6]))), published=published, body=body,
    )
    return Analysis(article=article, events=tuple(events),
                    actors=tuple(ACTORS[c] for c in codes))
