"""Train the scraped-text cleaner's line model (logistic regression) and cross-validate it.

    .venv/bin/python bench/train_text_model.py          # train on trafilatura-eval-en, write
                                                        # src/wirewatch/data/chrome/line_model.json
    .venv/bin/python bench/train_text_model.py --cv 5   # also: 5-fold CV on AEB (report only)

Labels for the shipped model are silver: the trafilatura-eval-en pages are rendered to text
(bench/text_render.py) and a line is positive when trafilatura's own extraction of the same
page's HTML (comments excluded) contains it. The AEB pages are never used for the shipped
weights; ``--cv`` trains on tev plus four AEB folds and scores the fifth, to show what
in-domain labels would add (written to bench/results/train_text_model.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_scoring import load_truth, score
from text_render import render_aeb, render_tev, tev_entries, tev_html
from wirewatch.errors import NoArticleError
from wirewatch.extract.text import clean_text_page, page_language, split_lines
from wirewatch.extract.text_body import BodyOptions, heuristic_pass
from wirewatch.extract.text_lines import make_lines, mark_chrome, stopwords
from wirewatch.extract.text_model import FEATURES, MODEL_FILE, line_features
from wirewatch.records import Page

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "wirewatch" / "data" / "chrome" / MODEL_FILE
RESULTS = Path(__file__).resolve().parent / "results" / "train_text_model.md"
_SPACE = re.compile(r"\s+")
L2 = 1.0


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def page_rows(text: str, truth: str) -> tuple[list[list[float]], list[float], list[float]]:
    """Feature rows, labels (line contained in the truth) and weights for one page."""
    numbered, _hint, _drops = split_lines(text)
    lang = page_language(text)
    stop = stopwords().get(lang or "", frozenset())
    lines = make_lines(numbered, stop)
    mark_chrome(lines)
    first, region = heuristic_pass(lines, bool(stop), BodyOptions())
    rows = line_features(lines, first, region, bool(stop))
    blob = _norm(truth)
    truth_lines = {_norm(t) for t in truth.splitlines()}
    labels, weights = [], []
    for line in lines:
        positive = bool(line.text) and (
            line.text in truth_lines or (len(line.text) >= 25 and line.text in blob)
        )
        labels.append(1.0 if positive else 0.0)
        weights.append(float(np.sqrt(max(1.0, line.length))))
    return rows, labels, weights


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


def tev_dataset() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import trafilatura

    texts = render_tev()
    entries = tev_entries()
    xs, ys, ws = [], [], []
    for url, text in texts.items():
        silver = trafilatura.extract(tev_html(str(entries[url]["file"])), include_comments=False)
        if not silver:
            continue
        rows, labels, weights = page_rows(text, silver)
        xs += rows
        ys += labels
        ws += weights
    return np.array(xs), np.array(ys), np.array(ws)


def train(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[tuple[float, ...], float, float]:
    coef, bias = fit(x, y, w)
    threshold = best_threshold(x, y, w, coef, bias)
    return tuple(float(c) for c in coef), bias, threshold


def cross_validate(folds: int, tev: tuple[np.ndarray, np.ndarray, np.ndarray]) -> str:
    truth = load_truth()
    texts = render_aeb()
    ids = sorted(texts)
    random.Random(0).shuffle(ids)
    per_doc = {i: page_rows(texts[i], truth[i]) for i in ids}
    preds: dict[str, str] = {}
    for k in range(folds):
        test = set(ids[k::folds])
        xs = [tev[0]] + [np.array(per_doc[i][0]) for i in ids if i not in test]
        ys = [tev[1]] + [np.array(per_doc[i][1]) for i in ids if i not in test]
        ws = [tev[2]] + [np.array(per_doc[i][2]) for i in ids if i not in test]
        model = train(np.vstack(xs), np.concatenate(ys), np.concatenate(ws))
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="also cross-validate on AEB, k folds")
    args = parser.parse_args()
    x, y, w = tev_dataset()
    weights, bias, threshold = train(x, y, w)
    MODEL_PATH.write_text(
        json.dumps(
            {
                "about": "line model of wirewatch.text; bench/train_text_model.py; silver labels "
                "from trafilatura on trafilatura-eval-en pages rendered with inscriptis",
                "features": list(FEATURES),
                "weights": [round(v, 5) for v in weights],
                "bias": round(bias, 5),
                "threshold": round(threshold, 3),
                "lines": len(y),
                "positives": int(y.sum()),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"trained on {len(y)} lines ({int(y.sum())} positive), threshold {threshold:.2f}")
    for name, value in sorted(zip(FEATURES, weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:18s} {value:+.3f}")
    if args.cv:
        row = cross_validate(args.cv, (x, y, w))
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
