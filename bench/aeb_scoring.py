"""The ScrapingHub article-extraction benchmark's own scoring, shared by the bench scripts.

Per document: the multiset of 4-token shingles of ``\\w+`` tokens of prediction and truth;
tp, fp, fn normalised to sum to 1 per document; precision and recall averaged over documents;
F1 = 2PR/(P+R) of the averages; accuracy = share of documents whose token sequence equals the
truth's. ± is the standard deviation of F1 over 1000 bootstrap resamples of documents.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
AEB = SHARED / "corpora" / "aeb"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NGRAM = 4


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float
    documents: int


def load_truth() -> dict[str, str]:
    data = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in data.items()}


def load_html(doc_id: str) -> str:
    with gzip.open(AEB / "html" / f"{doc_id}.html.gz", "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < _NGRAM:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _NGRAM]) for i in range(len(tokens) - _NGRAM + 1))


def _document(pred: str, true: str) -> tuple[float, float, float, bool]:
    p, t = _shingles(pred), _shingles(true)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    exact = _TOKEN.findall(pred) == _TOKEN.findall(true)
    if total == 0:
        return 1.0, 0.0, 0.0, exact
    return tp / total, fp / total, fn / total, exact


def _prf(rows: list[tuple[float, float, float, bool]]) -> tuple[float, float, float]:
    tp = sum(r[0] for r in rows) / len(rows)
    fp = sum(r[1] for r in rows) / len(rows)
    fn = sum(r[2] for r in rows) / len(rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(predictions: Mapping[str, str], truth: Mapping[str, str], seed: int = 0) -> Score:
    """Score predictions (missing ids count as empty) against the truth."""
    rows = [_document(predictions.get(key, ""), body) for key, body in truth.items()]
    precision, recall, f1 = _prf(rows)
    rng = random.Random(seed)
    f1s = []
    for _ in range(1000):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        f1s.append(_prf(sample)[2])
    mean = sum(f1s) / len(f1s)
    std = (sum((x - mean) ** 2 for x in f1s) / len(f1s)) ** 0.5
    accuracy = sum(1 for r in rows if r[3]) / len(rows)
    return Score(precision, recall, f1, accuracy, std, len(rows))
