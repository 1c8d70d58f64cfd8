"""Golden analyses of the seed and the bundled examples (``tests/data/golden_analyses.json``).

What must hold on every machine: the same quotes, events and actors, whatever BLAS kernel or
thread count computes the model's floats. Floats (intensity, confidence) are compared within a
tolerance, never exactly. When a change to the coder is meant to change these analyses,
rewrite the file and review its diff:

    PYTHONPATH=src .venv/bin/python -m tests.golden_analyses --write
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wirewatch.records import Actor, Analysis

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "data" / "golden_analyses.json"
SEED = ROOT.parent / "shared" / "seed"
EXAMPLES = ROOT / "examples" / "pages"
FLOAT_FIELDS = ("intensity", "confidence")


def _actor(actor: Actor | None) -> str | None:
    return None if actor is None else f"{actor.code}|{actor.sector}|{actor.name}"


def summarise(analyses: Sequence[Analysis]) -> dict[str, Any]:
    """Per article source: its quotes, events and actors as plain JSON values."""
    out: dict[str, Any] = {}
    for analysis in analyses:
        events = []
        for e in analysis.events:
            row: dict[str, Any] = {
                "type": e.type, "mode": e.mode, "modality": e.modality,
                "source": [_actor(a) for a in e.source], "target": [_actor(a) for a in e.target],
                "attribution": _actor(e.attribution), "trigger": e.trigger,
                "start": e.start, "end": e.end, "rule": e.rule,
            }
            for name in FLOAT_FIELDS:
                if hasattr(e, name):
                    row[name] = getattr(e, name)
            events.append(row)
        out[Path(analysis.article.source).name] = {
            "quotes": [{"kind": q.kind, "speaker": _actor(q.speaker), "cue": q.cue,
                        "start": q.start, "end": q.end} for q in analysis.quotes],
            "events": events,
            "actors": sorted(str(_actor(a)) for a in analysis.actors),
        }
    return out


def analyse_inputs() -> dict[str, Any]:
    """The seed and the examples read, extracted and analysed by the library's default path."""
    from wirewatch.analyze.pipeline import analyze_articles
    from wirewatch.errors import InputError
    from wirewatch.extract import extract_page
    from wirewatch.read import read_pages
    from wirewatch.records import Article, Page

    articles: list[Article] = []
    for page in read_pages([SEED, EXAMPLES]):
        if isinstance(page, Page):
            try:
                articles.append(extract_page(page))
            except InputError:  # the examples' pages without an article
                continue
    return summarise(analyze_articles(articles))


def differences(golden: Any, got: Any, path: str = "") -> list[str]:
    """Where ``got`` differs from ``golden``: floats within 1e-6 relative, the rest exactly."""
    if isinstance(golden, float) or isinstance(got, float):
        if isinstance(golden, int | float) and isinstance(got, int | float) and (
                abs(golden - got) <= 1e-6 * max(1.0, abs(golden))):
            return []
        return [f"{path}: {golden!r} != {got!r}"]
    if isinstance(golden, dict) and isinstance(got, dict):
        found: list[str] = []
        for key in sorted(set(golden) | set(got)):
            if key not in golden or key not in got:
                found.append(f"{path}/{key}: only in {'golden' if key in golden else 'new'}")
            else:
                found += differences(golden[key], got[key], f"{path}/{key}")
        return found
    if isinstance(golden, list) and isinstance(got, list):
        if len(golden) != len(got):
            return [f"{path}: {len(golden)} items in golden, {len(got)} now"]
        return [d for i, (a, b) in enumerate(zip(golden, got, strict=True))
                for d in differences(a, b, f"{path}[{i}]")]
    return [] if golden == got else [f"{path}: {golden!r} != {got!r}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite analyses.json")
    args = parser.parse_args()
    got = analyse_inputs()
    if args.write:
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"wrote {GOLDEN} ({len(got)} articles)")
        return 0
    diffs = differences(json.loads(GOLDEN.read_text()), got)
    print("\n".join(diffs) or "same as golden")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
