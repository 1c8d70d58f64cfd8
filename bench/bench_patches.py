"""Which speed patches pay in the default command: analyze CPU time with each patch set, under
BLAS at 1 thread and at its default threads, in fresh processes, the same run.

Variants: none (the model's own components and operations), ``memo``, ``numpy_gemm`` and both
(``analyze.nlp.patches``). Corpus: the bundled examples plus the first 60 AEB pages, extracted
before timing; each child warms up on 5 of them, then times ``analyze_articles`` over all of
them (process CPU seconds, all threads). Rounds are interleaved so that load on the machine
falls on every variant alike; the best round is reported, and each variant's analyses are
compared with the unpatched ones of the same BLAS setting (quotes, events, actors: exact).

Usage: .venv/bin/python bench/bench_patches.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "results" / "bench_patches.md"
AEB = ROOT.parent / "shared" / "corpora" / "aeb" / "html"
VARIANTS = {"none": (), "memo": ("memo",), "numpy_gemm": ("numpy_gemm",),
            "memo+numpy_gemm": ("memo", "numpy_gemm")}
BLAS_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def child(variant: str) -> None:
    from wirewatch.analyze.nlp.load import _load, model_name
    from wirewatch.analyze.pipeline import analyze_articles
    from wirewatch.errors import InputError
    from wirewatch.extract import extract_page
    from wirewatch.read import read_pages
    from wirewatch.records import Page

    paths = [ROOT / "examples" / "pages", *sorted(AEB.glob("*.html.gz"))[:60]]
    articles = []
    for page in read_pages(paths):
        if isinstance(page, Page):
            try:
                articles.append(extract_page(page))
            except InputError:
                continue
    nlp = _load(model_name(), VARIANTS[variant])
    analyze_articles(articles[:5], nlp=nlp)
    c0 = time.process_time()
    analyses = analyze_articles(articles, nlp=nlp)
    seconds = time.process_time() - c0
    keys = sorted(
        [f"q|{i}|{q.start}|{q.end}|{q.kind}|{q.speaker}" for i, a in enumerate(analyses)
         for q in a.quotes]
        + [f"e|{i}|{e.start}|{e.trigger}|{e.type}|{e.mode}|{e.source}|{e.target}|{e.modality}"
           for i, a in enumerate(analyses) for e in a.events]
        + [f"a|{i}|{x}" for i, a in enumerate(analyses) for x in a.actors])
    print(json.dumps({"n": len(articles), "seconds": seconds, "keys": keys}))


def run_child(variant: str, threads: str) -> dict[str, object]:
    env = dict(os.environ)
    for name in BLAS_ENV:
        env.pop(name, None)
        if threads == "1":
            env[name] = "1"
    out = subprocess.run([sys.executable, __file__, "--child", variant], env=env, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    best: dict[tuple[str, str], float] = {}
    keys: dict[tuple[str, str], list[str]] = {}
    n = 0
    for _ in range(args.rounds):
        for threads in ("1", "default"):
            for variant in VARIANTS:
                got = run_child(variant, threads)
                n = int(str(got["n"]))
                seconds = float(str(got["seconds"]))
                best[(threads, variant)] = min(best.get((threads, variant), 1e9), seconds)
                keys[(threads, variant)] = list(map(str, got["keys"]))  # type: ignore[call-overload]
    lines = [
        "# Speed patches: analyze CPU seconds by patch set and BLAS threads",
        "",
        f"{n} articles (examples + 60 AEB pages), `analyze_articles` after a 5-article warm-up, "
        f"process CPU seconds (all threads), best of {args.rounds} interleaved rounds, each in a "
        "fresh process. Same analyses: quotes, events and actors compared exactly with the "
        "unpatched pipeline of the same BLAS setting.",
        "",
        "| BLAS threads | patches | CPU s | articles/CPU-s | vs none | same analyses |",
        "|---|---|---:|---:|---:|---|",
    ]
    for threads in ("1", "default"):
        base = best[(threads, "none")]
        for variant in VARIANTS:
            s = best[(threads, variant)]
            same = keys[(threads, variant)] == keys[(threads, "none")]
            lines.append(f"| {threads} | {variant} | {s:.2f} | {n / s:.1f} | {base / s:.2f}x | "
                         f"{'yes' if same else 'NO'} |")
    text = "\n".join(lines) + "\n"
    OUT.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
