"""Quote matching shared by the quote benchmarks (bench_quotes_gold, bench_blind_gold).

Moved out of bench_quotes_gold.py unchanged, so that bench_blind_gold does not need textacy
(which bench_quotes_gold and bench_quotes import for their anchor).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Q:
    """A quote span in one body: gold or predicted."""

    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def cells(self) -> str:
        p = self.tp / self.pred if self.pred else None
        r = self.tp / self.gold if self.gold else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return " | ".join(f"{x:.3f}" if x is not None else "n/a" for x in (p, r, f))


def match(gold: Sequence[Q], pred: Sequence[Q]) -> list[tuple[Q, Q]]:
    """One-to-one pairs overlapping by at least half the shorter span, greedy by overlap.

    Equal overlaps go to the pair with the smaller union (the closer span), so a short partial
    pairs with the prediction of that partial, not with a long indirect quote around it.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            shorter = min(g.end - g.start, p.end - p.start)
            if overlap > 0 and 2 * overlap >= shorter:
                union = max(g.end, p.end) - min(g.start, p.start)
                cands.append((-overlap, union, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", name)]


_STOP = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "by", "from",
                   "with", "s"))


def speakers_share_word(gold: str | None, pred: str | None) -> bool:
    """Diagnostic (set after the first run): any content word of the gold name in the
    predicted name, so 'two people' agrees with 'two people familiar with the matter'."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return bool((set(words(gold)) - _STOP) & set(words(pred)))


def speakers_agree(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    last = words(gold)[-1:]
    return bool(last) and last[0] in words(pred)


def head() -> str:
    """The repository's HEAD commit, short, and whether src/ had uncommitted edits."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BENCH, text=True,
                                capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "../src"], cwd=BENCH,
                               text=True, capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return commit + (" with uncommitted edits in src/" if dirty else "")
