"""Metadata and snippet scoring on trafilatura-eval-en, shared by the metadata benchmarks.

Matching rules (used by bench_meta_html.py and bench_meta_text.py alike):
- title: equality after normalisation (Unicode NFKC, curly quotes and dashes made ASCII,
  whitespace collapsed, case folded).
- author: the list of names, each normalised the same way, equal in order. A gold value with
  several names separates them with ";" (trafilatura's convention); a prediction is a string
  in that form or a sequence of names.
- date: equality of the first ten characters (YYYY-MM-DD).
Accuracy for a field counts only the pages whose gold value for it is non-empty (n per field).

Body snippets, trafilatura's own method: tp = a "with" snippet found in the body, fn = one
missing, fp = a "without" snippet found, tn = one absent, summed over the corpus; snippets and
body are whitespace-normalised before the substring test.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "corpora" / "trafilatura-eval-en"
FIELDS = ("title", "author", "date")
_SPACE = re.compile(r"\s+")
_ASCII = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class EvalPage:
    url: str
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]
    title: str | None
    author: str | None
    date: str | None


def load_eval() -> list[EvalPage]:
    """The pages of trafilatura-eval-en with their snippets and gold metadata."""
    data = json.loads((EVAL / "evaldata-en.json").read_text(encoding="utf-8"))
    return [
        EvalPage(
            url=url,
            path=EVAL / "pages" / item["file"],
            with_=tuple(item.get("with") or ()),
            without=tuple(item.get("without") or ()),
            title=item.get("title") or None,
            author=item.get("author") or None,
            date=item.get("date") or None,
        )
        for url, item in data.items()
    ]


def normalise(text: str) -> str:
    """NFKC, ASCII quotes and dashes, collapsed whitespace, case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_ASCII)
    return _SPACE.sub(" ", text).strip().casefold()


def title_match(predicted: str | None, gold: str) -> bool:
    return predicted is not None and normalise(predicted) == normalise(gold)


def _names(value: str | Sequence[str]) -> list[str]:
    parts = value.split(";") if isinstance(value, str) else list(value)
    return [n for n in (normalise(p) for p in parts) if n]


def author_match(predicted: str | Sequence[str] | None, gold: str) -> bool:
    return predicted is not None and _names(predicted) == _names(gold)


def date_match(predicted: str | None, gold: str) -> bool:
    return predicted is not None and predicted[:10] == gold[:10]


@dataclass(frozen=True)
class FieldScore:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Predicted:
    """One method's metadata for one page (authors as a ";"-joined string or a sequence)."""

    title: str | None = None
    author: str | Sequence[str] | None = None
    date: str | None = None


def score_fields(
    pages: Sequence[EvalPage], predictions: Mapping[str, Predicted]
) -> dict[str, FieldScore]:
    """Accuracy per field over the pages with a gold value; a missing prediction is wrong."""
    counts = {name: [0, 0] for name in FIELDS}
    for page in pages:
        pred = predictions.get(page.url, Predicted())
        results = (
            ("title", page.title and title_match(pred.title, page.title)),
            ("author", page.author and author_match(pred.author, page.author)),
            ("date", page.date and date_match(pred.date, page.date)),
        )
        golds = {"title": page.title, "author": page.author, "date": page.date}
        for name, correct in results:
            if golds[name]:
                counts[name][1] += 1
                counts[name][0] += int(bool(correct))
    return {name: FieldScore(c, t) for name, (c, t) in counts.items()}


@dataclass(frozen=True)
class SnippetScore:
    precision: float
    recall: float
    f1: float
    accuracy: float


def score_snippets(pages: Sequence[EvalPage], bodies: Mapping[str, str]) -> SnippetScore:
    """trafilatura's with/without snippet scoring of body texts keyed by page URL."""
    tp = fn = fp = tn = 0
    for page in pages:
        body = _SPACE.sub(" ", bodies.get(page.url, ""))
        for snippet in page.with_:
            found = _SPACE.sub(" ", snippet).strip() in body
            tp, fn = tp + found, fn + (not found)
        for snippet in page.without:
            found = _SPACE.sub(" ", snippet).strip() in body
            fp, tn = fp + found, tn + (not found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fn + fp + tn
    return SnippetScore(precision, recall, f1, (tp + tn) / total if total else 0.0)
