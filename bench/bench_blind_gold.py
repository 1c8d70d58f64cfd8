"""Events and quotes against the blind gold v1 (bench/blind_gold/v1, issue 9 item 7).

The gold was committed before any wirewatch code ran on its 40 AEB bodies; see its README
for the selection, the guidelines and the counts. This script runs wirewatch's default
analysis (the public ``wirewatch.analyze_articles`` on Articles built from the bodies, as
bench_quotes_gold.py builds them) and scores:

- events, per distinct (sentence, type) pair: a prediction matches a gold pair when the type
  is the same and the predicted evidence sentence overlaps the gold sentence (one-to-one,
  greedy by overlap). Precision, recall and F1 overall and by family (the codebook's quad
  category of the type); actor agreement on matched pairs reported separately (source and
  target codes: any gold code among the predicted codes; only where the gold has a code);
  modality accuracy on matched pairs (the prediction's modality among the gold records');
- no-event sentences: the share of ``no_event`` sentences that got any event (lower is
  better);
- quotes: span precision/recall (bench_quotes_gold's matching: overlap of at least half the
  shorter span), speaker accuracy on found quotes (its ``speakers_agree``), reported-speech
  recall (gold ``indirect`` quotes matched by any predicted quote, and by an ``indirect`` one);
- where events carry ``confidence``: the same event figures at the default threshold and a
  precision/recall curve over thresholds.

Never tune on this gold (README: v1 is burned once anyone does).

No option prints the misses: reading them is looking at the blind set.

Usage: .venv/bin/python bench/bench_blind_gold.py [--threshold T]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "blind_gold" / "v1"))

from build_gold import FAMILY, selection  # noqa: E402

import wirewatch  # noqa: E402
from quote_match import Q, Score, head, match, speakers_agree  # noqa: E402
from wirewatch.records import BODY_SEPARATOR, Analysis, Article, Event  # noqa: E402

GOLD = BENCH / "blind_gold" / "v1"
RESULTS = BENCH / "results" / "blind_gold.md"
FAMILIES = ("verbal cooperation", "material cooperation", "verbal conflict",
            "material conflict")
THRESHOLDS = tuple(round(0.1 * i, 1) for i in range(10))
# where a default confidence threshold may be published once events carry one
THRESHOLD_NAMES = ("DEFAULT_MIN_CONFIDENCE", "MIN_CONFIDENCE", "DEFAULT_CONFIDENCE")
TARGETS = {"precision": 0.85, "recall": 0.70, "speaker": 0.92, "reported": 0.60}


@dataclass
class GoldPair:
    """One gold (sentence, type) pair with what its records say."""

    key: str
    start: int
    end: int
    type: str
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    modalities: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Pred:
    """One predicted (sentence, type) pair: the first event of that pair as coded."""

    key: str
    start: int
    end: int
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    modality: str
    confidence: float | None


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_gold(
    bodies: dict[str, str],
) -> tuple[list[GoldPair], list[tuple[str, int, int, str]], dict[str, list[Q]]]:
    """Gold pairs, no-event sentences (key, start, end, reason) and quotes, checked by SHA-1."""
    pairs: dict[tuple[str, int, int, str], GoldPair] = {}
    no_event = []
    for line in (GOLD / "events.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if sha1(bodies[r["key"]][r["start"]:r["end"]]) != r["sha1"]:
            raise SystemExit(f"gold sentence changed: {r['key']} {r['start']}-{r['end']}")
        if r["kind"] == "no_event":
            no_event.append((r["key"], r["start"], r["end"], r["reason"]))
            continue
        pair = pairs.setdefault((r["key"], r["start"], r["end"], r["type"]),
                                GoldPair(r["key"], r["start"], r["end"], r["type"]))
        pair.sources |= {a["code"] for a in r["source"] if a["code"]}
        pair.targets |= {a["code"] for a in r["target"] if a["code"]}
        pair.modalities.add(r["modality"])
    quotes: dict[str, list[Q]] = {k: [] for k in bodies}
    for line in (GOLD / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if sha1(bodies[r["key"]][r["start"]:r["end"]]) != r["sha1"]:
            raise SystemExit(f"gold quote changed: {r['key']} {r['start']}-{r['end']}")
        quotes[r["key"]].append(Q(r["start"], r["end"], r["kind"], r["speaker"]))
    return list(pairs.values()), no_event, quotes


def run(selected: Sequence[tuple[str, str]]) -> tuple[list[Analysis], float]:
    """wirewatch's default analysis: the public ``wirewatch.analyze_articles`` on all bodies.

    (``wirewatch.analyze`` itself is shadowed by the ``wirewatch.analyze`` subpackage once that
    is imported, so only its first call reaches the function: the batch form is used.)
    """
    articles = [Article(id=key, source=key, form="text", body=tuple(body.split(BODY_SEPARATOR)))
                for key, body in selected]
    for article, (_, body) in zip(articles, selected, strict=True):
        assert article.body_text == body
    started = time.perf_counter()
    out = list(wirewatch.analyze_articles(articles))
    return out, time.perf_counter() - started


def codes(actors: Iterable[object]) -> frozenset[str]:
    return frozenset(c for a in actors if (c := getattr(a, "code", None)))


def predictions(analyses: Sequence[Analysis]) -> list[Pred]:
    seen: dict[tuple[str, int, int, str], Pred] = {}
    for a in analyses:
        for e in a.events:
            k = (a.article.id, e.start, e.end, e.type)
            if k not in seen:
                seen[k] = Pred(*k, codes(e.source), codes(e.target), e.modality,
                               confidence(e))
    return list(seen.values())


def confidence(e: Event) -> float | None:
    value = getattr(e, "confidence", None)
    return float(value) if value is not None else None


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def match_events(gold: Sequence[GoldPair], pred: Sequence[Pred]) -> list[tuple[GoldPair, Pred]]:
    """One-to-one pairs of the same body and type whose sentences overlap, by overlap."""
    cands = [(-overlap(g.start, g.end, p.start, p.end), gi, pi)
             for gi, g in enumerate(gold) for pi, p in enumerate(pred)
             if g.key == p.key and g.type == p.type
             and overlap(g.start, g.end, p.start, p.end) > 0]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def event_scores(gold: Sequence[GoldPair], pred: Sequence[Pred]) -> dict[str, Score]:
    pairs = match_events(gold, pred)
    rows = {"all": Score(tp=len(pairs), pred=len(pred), gold=len(gold))}
    for fam in FAMILIES:
        rows[fam] = Score(tp=sum(FAMILY[g.type] == fam for g, _ in pairs),
                          pred=sum(FAMILY.get(p.type) == fam for p in pred),
                          gold=sum(FAMILY[g.type] == fam for g in gold))
    return rows


def agreement(pairs: Sequence[tuple[GoldPair, Pred]]) -> dict[str, tuple[int, int]]:
    """(agreeing, counted) on matched pairs: modality, source code, target code."""
    src = [(g, p) for g, p in pairs if g.sources]
    tgt = [(g, p) for g, p in pairs if g.targets]
    return {
        "modality": (sum(p.modality in g.modalities for g, p in pairs), len(pairs)),
        "source code": (sum(bool(g.sources & p.sources) for g, p in src), len(src)),
        "target code": (sum(bool(g.targets & p.targets) for g, p in tgt), len(tgt)),
    }


def where_spurious(gold: Sequence[GoldPair], no_event: Sequence[tuple[str, int, int, str]],
                   pred: Sequence[Pred]) -> Counter[str]:
    """Unmatched predictions by the gold's view of their sentence."""
    matched = {id(p) for _, p in match_events(gold, pred)}
    out: Counter[str] = Counter()
    for p in pred:
        if id(p) in matched:
            continue
        if any(g.key == p.key and overlap(g.start, g.end, p.start, p.end) > 0 for g in gold):
            out["in a gold event sentence, another type"] += 1
        elif any(n[0] == p.key and overlap(n[1], n[2], p.start, p.end) > 0 for n in no_event):
            out["in a no-event sentence"] += 1
        else:
            out["in a sentence the gold left without a record"] += 1
    return out


def sentence_recall(gold: Sequence[GoldPair], pred: Sequence[Pred]) -> tuple[int, int]:
    """Gold event sentences with at least one predicted event of any type."""
    spans = {(g.key, g.start, g.end) for g in gold}
    found = {s for s in spans
             if any(p.key == s[0] and overlap(s[1], s[2], p.start, p.end) > 0 for p in pred)}
    return len(found), len(spans)


def no_event_hits(no_event: Sequence[tuple[str, int, int, str]], pred: Sequence[Pred],
                  ) -> list[tuple[str, int, int, str]]:
    """The no-event sentences that got at least one predicted event."""
    return [n for n in no_event
            if any(p.key == n[0] and overlap(n[1], n[2], p.start, p.end) > 0 for p in pred)]


def quote_scores(gold: dict[str, list[Q]], analyses: Sequence[Analysis]) -> dict[str, Score]:
    rows = {n: Score() for n in ("spans", "speaker", "reported (any kind)",
                                 "reported (as indirect)")}
    for a in analyses:
        g = gold[a.article.id]
        p = [Q(q.start, q.end, q.kind, q.speaker.name if q.speaker else None)
             for q in a.quotes]
        pairs = match(g, p)
        rows["spans"].add(len(pairs), len(p), len(g))
        rows["speaker"].add(sum(speakers_agree(x.speaker, y.speaker) for x, y in pairs),
                            len(pairs), len(pairs))
        gi = [q for q in g if q.kind == "indirect"]
        pi = [q for q in p if q.kind == "indirect"]
        rows["reported (any kind)"].add(sum(x.kind == "indirect" for x, _ in pairs),
                                        0, len(gi))
        rows["reported (as indirect)"].add(len(match(gi, pi)), len(pi), len(gi))
    return rows


def default_threshold() -> float | None:
    from importlib import import_module
    for module in ("wirewatch.records", "wirewatch.analyze.events"):
        try:
            mod = import_module(module)
        except ImportError:
            continue
        for name in THRESHOLD_NAMES:
            if isinstance(value := getattr(mod, name, None), float):
                return value
    return None


def pct(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def score_row(label: str, sc: Score) -> str:
    return f"| {label} | {sc.cells()} | {sc.tp} / {sc.pred} / {sc.gold} |"


def report(gold: Sequence[GoldPair], no_event: Sequence[tuple[str, int, int, str]],
           quotes: dict[str, list[Q]], analyses: Sequence[Analysis], seconds: float,
           threshold: float | None) -> str:
    pred = predictions(analyses)
    ev = event_scores(gold, pred)
    agree = agreement(match_events(gold, pred))
    hits = no_event_hits(no_event, pred)
    qs = quote_scores(quotes, analyses)
    n_quotes = sum(len(v) for v in quotes.values())
    lines = [
        "## Events and quotes on the blind gold v1 (40 AEB bodies, never tuned on)",
        "",
        f"Gold: {len(gold)} (sentence, type) event pairs, {len(no_event)} no-event sentences "
        f"and {n_quotes} quotes in 40 AEB bodies outside the quotes gold, annotated by one "
        "helper session before any wirewatch code ran on them (bench/blind_gold/v1/README.md: "
        "selection, guidelines, counts; one annotator, no agreement figure). "
        f"wirewatch at {head()}, default analysis (`wirewatch.analyze_articles`), "
        f"{seconds:.0f} s for the 40 bodies on the shared 2-core machine.",
        "",
        "Events: a prediction matches when the type is the same and its evidence sentence "
        "overlaps the gold sentence (distinct sentence+type pairs on both sides, one-to-one). "
        f"Issue 9 targets: precision >= {TARGETS['precision']} at recall >= "
        f"{TARGETS['recall']}; speakers >= {TARGETS['speaker']}; reported speech >= "
        f"{TARGETS['reported']}.",
        "",
        "| events | P | R | F1 | tp / predicted / gold |",
        "|---|---|---|---|---|",
        score_row("**all types (blind)**", ev["all"]),
        *(score_row(fam, ev[fam]) for fam in FAMILIES),
        "",
        "| on matched events | agreement |",
        "|---|---|",
        *(f"| {k} | {pct(*v)} |" for k, v in agree.items()),
        "",
        f"No-event sentences given an event (lower is better): {pct(len(hits), len(no_event))}.",
        "",
        "Gold event sentences given an event of any type: "
        f"{pct(*sentence_recall(gold, pred))}. Unmatched predictions: "
        + "; ".join(f"{k} {v}" for k, v in where_spurious(gold, no_event, pred).most_common())
        + ".",
        "",
        "| quotes | P | R | F1 | tp / predicted / gold |",
        "|---|---|---|---|---|",
        score_row("quote spans, all kinds", qs["spans"]),
        f"| speaker accuracy on found quotes | {pct(qs['speaker'].tp, qs['speaker'].gold)} "
        "| | | |",
        f"| reported speech (gold indirect) found by any quote | n/a | "
        f"{pct(qs['reported (any kind)'].tp, qs['reported (any kind)'].gold)} | | |",
        score_row("reported speech found as indirect", qs["reported (as indirect)"]),
    ]
    lines += confidence_section(gold, pred, threshold)
    lines += breakdown(gold, pred, hits)
    return "\n".join(lines) + "\n"


def confidence_section(gold: Sequence[GoldPair], pred: Sequence[Pred],
                       threshold: float | None) -> list[str]:
    if not pred or any(p.confidence is None for p in pred):
        return ["", "Events carry no `confidence` at this commit: no threshold figures."]
    shown = "unknown" if threshold is None else f"{threshold:.2f}"
    lines = ["", f"Confidence: default threshold {shown}.",
             "", "| threshold | P | R | F1 | tp / predicted / gold |", "|---|---|---|---|---|"]
    for t in sorted({*THRESHOLDS, *([threshold] if threshold is not None else [])}):
        sc = event_scores(gold, [p for p in pred if (p.confidence or 0.0) >= t])["all"]
        mark = " (default)" if t == threshold else ""
        lines.append(score_row(f"{t:.2f}{mark}", sc))
    return lines


def breakdown(gold: Sequence[GoldPair], pred: Sequence[Pred],
              hits: Sequence[tuple[str, int, int, str]]) -> list[str]:
    """By type, and the reasons of the no-event sentences that got an event."""
    pairs = match_events(gold, pred)
    tp = Counter(g.type for g, _ in pairs)
    n_gold = Counter(g.type for g in gold)
    n_pred = Counter(p.type for p in pred)
    lines = ["", "By type (tp / predicted / gold):", "",
             "| type | tp | predicted | gold |", "|---|---|---|---|"]
    for t in sorted(set(n_gold) | set(n_pred), key=lambda t: (-n_gold[t], t)):
        lines.append(f"| {t} | {tp[t]} | {n_pred[t]} | {n_gold[t]} |")
    reasons: defaultdict[str, int] = defaultdict(int)
    for _, _, _, reason in hits:
        reasons[reason.split(",")[0].split(" (")[0]] += 1
    if reasons:
        lines += ["", "No-event sentences given an event, by gold reason: "
                  + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items(),
                                                            key=lambda x: (-x[1], x[0]))) + "."]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=None,
                        help="the default confidence threshold (else read from the package)")
    args = parser.parse_args()
    selected = selection()
    bodies = dict(selected)
    gold, no_event, quotes = load_gold(bodies)
    analyses, seconds = run(selected)
    threshold = args.threshold if args.threshold is not None else default_threshold()
    out = report(gold, no_event, quotes, analyses, seconds, threshold)
    print(out)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
