"""Train the scraped-text cleaner's line model (two stacked logistic regressions).

    .venv/bin/python bench/train_text_model.py          # train on trafilatura-eval-en, write
                                                        # src/wirewatch/data/chrome/line_model.json
    .venv/bin/python bench/train_text_model.py --cv 5   # also: 5-fold CV on AEB (report only)

Labels for the shipped model are silver: the trafilatura-eval-en pages are rendered to text
(bench/text_render.py) and a line is positive when trafilatura's own extraction of the same
page's HTML (comments excluded) contains it. Stage 1 scores each line from its own and its
neighbours' features; stage 2 rescores it from the stage-1 probabilities around it (trained on
out-of-fold stage-1 probabilities, folds by page). Chrome lines are left out: the cleaner drops
them before the model. The AEB pages are never used for the shipped weights; ``--cv`` trains
on tev plus four AEB folds and scores the fifth, to show what in-domain labels would add.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_scoring import load_truth, score
from text_render import render_aeb, render_tev, tev_entries, tev_html
from wirewatch.errors import NoArticleError
from wirewatch.extract.text.body import BodyOptions, heuristic_pass
from wirewatch.extract.text.chrome import (
    mark_chrome,
)
from wirewatch.extract.text.clean import clean_text_page, page_language, split_lines
from wirewatch.extract.text.lines import (
    Line,
    make_lines,
    stopwords,
)
from wirewatch.extract.text.model import (
    FEATURES,
    MODEL_FILE,
    STACK_FEATURES,
    LineModel,
    Stage,
    line_features,
    probabilities,
    stack_features,
)
from wirewatch.records import Page

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "wirewatch" / "data" / "chrome" / MODEL_FILE
RESULTS = Path(__file__).resolve().parent / "results" / "train_text_model.md"
_SPACE = re.compile(r"\s+")
L2 = 1.0
FOLDS = 5


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class PageData:
    lines: list[Line]
    rows: list[list[float] | None]  # None for chrome lines
    labels: list[float]
    weights: list[float]


def page_data(text: str, truth: str) -> PageData:
    """Lines, feature rows, labels (line contained in the truth) and weights for one page."""
    numbered, _hint, _drops = split_lines(text)
    stop = stopwords().get(page_language(text) or "", frozenset())
    lines = make_lines(numbered, stop)
    mark_chrome(lines)
    first, region = heuristic_pass(lines, bool(stop), BodyOptions())
    rows = line_features(lines, first, region, bool(stop), skip_chrome=True)
    blob = _norm(truth)
    truth_lines = {_norm(t) for t in truth.splitlines()}
    labels = [
        1.0
        if line.text and (line.text in truth_lines or (len(line.text) >= 25 and line.text in blob))
        else 0.0
        for line in lines
    ]
    weights = [float(np.sqrt(max(1.0, line.length))) for line in lines]
    return PageData(lines, rows, labels, weights)


def _matrix(
    pages: list[PageData], rows_of: list[list[list[float] | None]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for page, rows in zip(pages, rows_of, strict=True):
        for row, y, w in zip(rows, page.labels, page.weights, strict=True):
            if row is not None:
                xs.append(row)
                ys.append(y)
                ws.append(w)
    return np.array(xs), np.array(ys), np.array(ws)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression by Newton's method."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    beta = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ beta, -30, 30)))
        grad = xb.T @ (w * (p - y)) + reg * beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta[:-1], float(beta[-1])


def best_threshold(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, coef: np.ndarray, b: float
) -> float:
    """The threshold with the best length-weighted line F1 on the training data."""
    p = 1.0 / (1.0 + np.exp(-(x @ coef + b)))
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.2, 0.81, 0.05):
        pred = p >= t
        tp = float((w * (pred & (y == 1))).sum())
        fp = float((w * (pred & (y == 0))).sum())
        fn = float((w * (~pred & (y == 1))).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return best


def fit_stage(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Stage:
    coef, bias = fit(x, y, w)
    return Stage(tuple(float(c) for c in coef), bias, best_threshold(x, y, w, coef, bias))


def train(pages: list[PageData]) -> LineModel:
    """Stage 1 on all pages; stage 2 on out-of-fold stage-1 probabilities."""
    first = fit_stage(*_matrix(pages, [p.rows for p in pages]))
    stacked: list[list[list[float] | None]] = [[] for _ in pages]
    for k in range(FOLDS):
        held = set(range(k, len(pages), FOLDS))
        train_pages = [p for i, p in enumerate(pages) if i not in held]
        stage = fit_stage(*_matrix(train_pages, [p.rows for p in train_pages]))
        for i in held:
            probs = probabilities(pages[i].rows, stage.weights, stage.bias)
            stacked[i] = stack_features(pages[i].lines, probs)
    second = fit_stage(*_matrix(pages, stacked))
    return LineModel(first, second)


def tev_pages() -> tuple[list[PageData], dict[str, str], dict[str, str]]:
    """Training pages, and the rendered texts and silver bodies keyed by URL."""
    import trafilatura

    texts = render_tev()
    entries = tev_entries()
    pages, silver_of, text_of = [], {}, {}
    for url, text in texts.items():
        silver = trafilatura.extract(tev_html(str(entries[url]["file"])), include_comments=False)
        if silver:
            pages.append(page_data(text, silver))
            silver_of[url], text_of[url] = silver, text
    return pages, text_of, silver_of


def cross_validate(folds: int, tev: list[PageData]) -> str:
    truth = load_truth()
    texts = render_aeb()
    ids = sorted(texts)
    random.Random(0).shuffle(ids)
    per_doc = {i: page_data(texts[i], truth[i]) for i in ids}
    preds: dict[str, str] = {}
    for k in range(folds):
        test = set(ids[k::folds])
        model = train(tev + [per_doc[i] for i in ids if i not in test])
        options = BodyOptions(model=model)
        for doc_id in test:
            page = Page(source=doc_id, form="text", content=texts[doc_id])
            try:
                preds[doc_id] = clean_text_page(page, options=options).body_text
            except NoArticleError:
                preds[doc_id] = ""
    s = score(preds, truth)
    return (
        f"| {folds}-fold CV on AEB (train: tev silver + other folds) | {s.f1:.3f} ± {s.f1_std:.3f} "
        f"| {s.precision:.3f} | {s.recall:.3f} | {s.accuracy:.3f} |"
    )


def _stage_json(stage: Stage, names: tuple[str, ...]) -> dict[str, object]:
    return {
        "features": list(names),
        "weights": [round(v, 5) for v in stage.weights],
        "bias": round(stage.bias, 5),
        "threshold": round(stage.threshold, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="also cross-validate on AEB, k folds")
    args = parser.parse_args()
    pages, _texts, _silver = tev_pages()
    model = train(pages)
    assert model.second is not None
    data = {
        "about": "line model of wirewatch.text, written by bench/train_text_model.py; silver "
        "labels from trafilatura on trafilatura-eval-en pages rendered with inscriptis",
        **_stage_json(model.first, FEATURES),
        "stack": _stage_json(model.second, STACK_FEATURES),
        "pages": len(pages),
        "lines": sum(len(p.lines) for p in pages),
    }
    MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"trained on {data['lines']} lines of {len(pages)} pages")
    for stage, names in ((model.first, FEATURES), (model.second, STACK_FEATURES)):
        print(f"stage threshold {stage.threshold:.2f}")
        for name, value in sorted(zip(names, stage.weights, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {name:18s} {value:+.3f}")
    if args.cv:
        row = cross_validate(args.cv, pages)
        table = "| model | F1 ± std | precision | recall | exact |\n|---|---|---|---|---|\n" + row
        print(table)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Line model: cross-validation on AEB (report only; the shipped weights never see "
            "AEB)\n\n`.venv/bin/python bench/train_text_model.py --cv 5`\n\n" + table + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
