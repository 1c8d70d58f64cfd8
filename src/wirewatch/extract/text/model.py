"""A small logistic-regression line scorer over line and context features.

The heuristic classes of ``text_body`` are features here, beside each line's own length,
stopword share and punctuation and the same for its neighbours. The weights are a data file
(``data/chrome/line_model.json``) written by ``bench/train_text_model.py`` from silver labels
on the trafilatura-eval-en pages (never from the AEB pages the cleaner is scored on).
``line_features`` and ``probabilities`` are the row-by-row definition (the training script
uses them); the cleaner scores a whole page at once with ``text_scores.line_scores`` (numpy),
which gives the same probabilities.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from math import exp
from operator import attrgetter, mul

from wirewatch.extract.text.dates import find_date
from wirewatch.extract.text.lines import Line

MODEL_FILE = "line_model.json"
_GLUED = re.compile(r"[a-z0-9?!'’.][A-Z][a-z]")  # "DetroitHoodline": a teaser's title glued on
_RELATIVE_DATE = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
FEATURES = (
    "log_length",
    "stop_ratio",
    "sentence_end",
    "sentences",
    "bullet",
    "chrome",
    "comments",
    "short",
    "caps_ratio",
    "digit_ratio",
    "prev_log_length",
    "next_log_length",
    "prev_stop",
    "next_stop",
    "window3_prose",
    "window10_prose",
    "position",
    "in_region",
    "region_distance",
    "label_good",
    "label_near",
    "label_short",
    "duplicate",
    "date_line",
    "pipes",
    "ends_colon",
    "has_stopwords",
    "good_share",
    "glued",
)


def _window_means(values: list[float], radius: int) -> list[float]:
    """Mean of each value's neighbours within ``radius`` (itself excluded), by prefix sums."""
    n = len(values)
    if n < 2:
        return [0.0] * n
    prefix = [0.0, *accumulate(values)]
    width = 2 * radius + 1
    if n < width:
        return [_edge_mean(prefix, values, pos, radius) for pos in range(n)]
    inner = 2.0 * radius
    # positions whose window lies inside the page, in one comprehension
    middle = [
        (hi - lo - value) / inner
        for hi, lo, value in zip(
            prefix[width:], prefix[: n - 2 * radius], values[radius : n - radius], strict=True
        )
    ]
    head = [_edge_mean(prefix, values, pos, radius) for pos in range(radius)]
    tail = [_edge_mean(prefix, values, pos, radius) for pos in range(n - radius, n)]
    return head + middle + tail


def _edge_mean(prefix: list[float], values: list[float], pos: int, radius: int) -> float:
    """The window mean of a position whose window is cut by the page's start or end."""
    n = len(values)
    lo = pos - radius
    hi = pos + radius + 1
    if lo >= 0 and hi <= n:
        return (prefix[hi] - prefix[lo] - values[pos]) / (2.0 * radius)
    lo = lo if lo > 0 else 0
    hi = hi if hi < n else n
    return (prefix[hi] - prefix[lo] - values[pos]) / (hi - lo - 1)


def line_features(
    lines: list[Line],
    first_labels: list[str],
    region: tuple[int, int],
    has_stopwords: bool,
    *,
    skip_chrome: bool = False,
) -> list[list[float] | None]:
    """One feature row per line, in ``FEATURES`` order (None for chrome lines if skipped)."""
    n = len(lines)
    logs = [math.log1p(ln.length) / 6.0 for ln in lines]
    stops = [ln.stop_ratio for ln in lines]
    prose = [
        ln.stop_ratio * log if ln.chrome is None else 0.0
        for ln, log in zip(lines, logs, strict=True)
    ]
    near3 = _window_means(prose, 3)
    near10 = _window_means(prose, 10)
    counts = Counter(map(attrgetter("key"), lines))
    good_share = sum(1 for ln in lines if ln.label == "good") / max(1, n)
    stopwords_flag = 1.0 if has_stopwords else 0.0
    start, end = region
    last = max(1, n - 1)
    rows: list[list[float] | None] = []
    for pos, ln in enumerate(lines):
        if skip_chrome and ln.chrome is not None:
            rows.append(None)
            continue
        text = ln.text
        words = text.split()
        caps = len([1 for w in words if w[0].isupper()]) / len(words) if words else 0.0
        inside = start <= pos < end
        if inside:
            distance = 0.0
        else:
            gap = start - pos if pos < start else pos - end + 1
            distance = gap / 20.0 if gap < 20 else 1.0
        digits = ln.digits
        date_line = 0.0
        if digits and ln.words <= 10 and (find_date(text) or _relative_date(ln)):
            date_line = 1.0
        first = first_labels[pos]
        pipes = text.count("|")
        glued = len(_GLUED.findall(text)) if not text.islower() else 0
        rows.append(
            [
                logs[pos],
                ln.stop_ratio,
                1.0 if ln.sentence_end else 0.0,
                ln.sentences / 5.0 if ln.sentences < 5 else 1.0,
                1.0 if ln.bullet else 0.0,
                1.0 if ln.chrome else 0.0,
                1.0 if ln.chrome == "chrome.comments" else 0.0,
                1.0 if ln.length < 30 else 0.0,
                caps,
                digits / len(text) if text else 0.0,
                logs[pos - 1] if pos > 0 else 0.0,
                logs[pos + 1] if pos + 1 < n else 0.0,
                stops[pos - 1] if pos > 0 else 0.0,
                stops[pos + 1] if pos + 1 < n else 0.0,
                near3[pos],
                near10[pos],
                pos / last,
                1.0 if inside else 0.0,
                distance,
                1.0 if ln.label == "good" else 0.0,
                1.0 if first == "near" else 0.0,
                1.0 if first == "short" else 0.0,
                1.0 if counts[ln.key] > 1 else 0.0,
                date_line,
                pipes / 3.0 if pipes < 3 else 1.0,
                1.0 if text[-1:] == ":" else 0.0,
                stopwords_flag,
                good_share,
                glued / 3.0 if glued < 3 else 1.0,
            ]
        )
    return rows


def _relative_date(line: Line) -> bool:
    """ "3 hours ago", "2 days ago" (the word test first: every match has "ago" in its key)."""
    return "ago" in line.key and _RELATIVE_DATE.search(line.text) is not None


STACK_FEATURES = (
    "p",
    "p_prev",
    "p_next",
    "p_window2",
    "p_window6",
    "p_max_before3",
    "p_max_after3",
    "log_length",
)


@dataclass(frozen=True, slots=True)
class Stage:
    """One logistic regression: weights in its feature order, bias, decision threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float


@dataclass(frozen=True, slots=True)
class LineModel:
    """Stage 1 scores each line from its features; stage 2 rescoring from its neighbours'."""

    first: Stage
    second: Stage | None = None


def _stage(data: dict[str, object], names: tuple[str, ...]) -> Stage | None:
    if tuple(data.get("features", ())) != names:  # type: ignore[arg-type]
        return None  # a model for another feature set: fall back to the rules
    weights = tuple(float(w) for w in data["weights"])  # type: ignore[attr-defined]
    return Stage(weights, float(data["bias"]), float(data["threshold"]))  # type: ignore[arg-type]


@cache
def load_model() -> LineModel | None:
    """The line model from the data file, or None when there is none (rules alone then)."""
    path = resources.files("wirewatch").joinpath("data", "chrome", MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    first = _stage(data, FEATURES)
    if first is None:
        return None
    second = _stage(data["stack"], STACK_FEATURES) if "stack" in data else None
    return LineModel(first, second)


def probabilities(
    rows: list[list[float] | None], weights: tuple[float, ...], bias: float
) -> list[float]:
    """The model's probability that each line is body text (0 for a skipped row)."""
    out = []
    for row in rows:
        if row is None:
            out.append(0.0)
            continue
        z = bias + sum(map(mul, weights, row))
        if z > 30.0:
            z = 30.0
        elif z < -30.0:
            z = -30.0
        out.append(1.0 / (1.0 + exp(-z)))
    return out


def stack_features(lines: list[Line], probs: list[float]) -> list[list[float] | None]:
    """Stage-2 rows: a line's stage-1 probability beside its neighbours'."""
    n = len(probs)
    win2 = _window_means(probs, 2)
    win6 = _window_means(probs, 6)
    # probabilities are >= 0, so zero padding leaves every window maximum as it is
    padded = [0.0, 0.0, 0.0, *probs, 0.0, 0.0, 0.0]
    before3 = list(map(max, padded, padded[1:], padded[2 : n + 2]))  # probs[pos-3:pos]
    after3 = list(map(max, padded[4:], padded[5:], padded[6:]))  # probs[pos+1:pos+4]
    rows: list[list[float] | None] = []
    for pos, line in enumerate(lines):
        if line.chrome is not None:
            rows.append(None)
            continue
        rows.append(
            [
                probs[pos],
                padded[pos + 2],
                padded[pos + 4],
                win2[pos],
                win6[pos],
                before3[pos],
                after3[pos],
                math.log1p(line.length) / 6.0,
            ]
        )
    return rows


def line_probabilities(
    lines: list[Line], rows: list[list[float] | None], model: LineModel
) -> tuple[list[float], float]:
    """Final probabilities for each line and the threshold that applies to them."""
    probs = probabilities(rows, model.first.weights, model.first.bias)
    if model.second is None:
        return probs, model.first.threshold
    second = model.second
    return probabilities(stack_features(lines, probs), second.weights, second.bias), (
        second.threshold
    )
