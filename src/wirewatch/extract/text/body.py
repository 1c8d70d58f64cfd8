"""Which lines of scraped text are the article body.

Three steps, after jusText's idea but for text without tags:

1. classify each line alone: ``bad`` (a chrome phrase, or long without prose), ``good`` (long
   prose), ``near`` (medium prose) or ``short``;
2. let ``short`` and ``near`` lines take the class of their nearest decided neighbours, so a
   subheading or a one-line paragraph inside the article stays and a short link in a menu goes;
3. keep the main region: the run of lines with the largest sum of scores (good lines count by
   their length, bad ones against), the body-text-extraction idea of Finn et al. applied to
   lines; good blocks outside it stay when they are nearly as dense and not separated from it
   by an end-of-article marker.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, ne

from wirewatch.extract.text.lines import Line, LineColumns
from wirewatch.extract.text.model import LineModel, load_model
from wirewatch.extract.text.scores import line_scores

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.22
STOP_HIGH = 0.26
BAD_LINE_COST = 25.0
SHORT_LINE_COST = 8.0
MAX_RUN_LENGTH = 400.0
MAX_SHORT_RUN = 3
LEAD_MIN_SCORE = 0.3  # model probability for a lead paragraph just above the region
SINGLE_MIN_SCORE = 0.15
FALLBACK_SCORE = 0.2  # when no line passes the threshold
MIN_BEFORE_COMMENTS = 150.0
MIN_CUT_TEXT = 300.0  # article text needed before a comment marker to end the region there
COMMENTS_COST = 400.0  # the start of a comment section nearly ends the article
_CHROME, _LABEL = attrgetter("chrome"), attrgetter("label")
# Line's slot setters: a page's scores and labels set by one C-level map each
_SET_SCORE = getattr(Line, "score").__set__  # noqa: B009
_SET_LABEL = getattr(Line, "label").__set__  # noqa: B009


@dataclass(frozen=True, slots=True)
class BodyOptions:
    length_low: int = LENGTH_LOW
    length_high: int = LENGTH_HIGH
    stop_low: float = STOP_LOW
    stop_high: float = STOP_HIGH
    bad_line_cost: float = BAD_LINE_COST
    use_model: bool = True
    model: LineModel | None = None  # overrides the data file


_DEFAULTS = BodyOptions()  # frozen: one instance serves every call without options


def classify(line: Line, has_stopwords: bool, opts: BodyOptions) -> str:
    """The context-free class of one line: good, near, short or bad."""
    return classify_lines([line], has_stopwords, opts)[0]


def classify_lines(lines: list[Line], has_stopwords: bool, opts: BodyOptions) -> list[str]:
    """``classify`` of each line, in one loop (the prose test written out)."""
    low, high, stop_low, stop_high = (
        opts.length_low,
        opts.length_high,
        opts.stop_low,
        opts.stop_high,
    )
    out: list[str] = []
    add = out.append
    for line in lines:
        length = line.length
        if line.chrome is not None or line.meta is not None:
            add("bad")
        elif length < low:
            add("short")
        elif has_stopwords:
            ratio = line.stop_ratio
            if length >= high and ratio >= stop_high:
                add("good")
            elif ratio >= stop_low:
                add("near")
            elif line.bullet or not line.sentence_end:
                add("bad")
            else:
                add("near" if line.sentences >= 2 else "bad")
        else:
            prose = line.sentences >= 1 and line.sentence_end
            if length >= high and prose:
                add("good")
            elif prose:
                add("near")
            elif line.bullet or not line.sentence_end:
                add("bad")
            else:
                add("near" if line.sentences >= 2 else "bad")
    return out


def _runs(labels: list[str]) -> list[tuple[str, int, int]]:
    """Runs of equal labels as (label, start, end).

    The runs start where a label differs from the one before it (found by C-level maps).
    """
    n = len(labels)
    if not n:
        return []
    starts = [0, *compress(range(1, n), map(ne, labels[1:], labels[:-1]))]
    ends = [*starts[1:], n]
    return list(zip(map(labels.__getitem__, starts), starts, ends, strict=True))


def resolve_context(lines: list[Line], labels: list[str] | None = None) -> None:
    """Give short and near lines the class their decided neighbours suggest (in place).

    Works run by run: every line of a run of ``short`` (or ``near``) labels has the same
    nearest decided labels before and after it (``bad`` at the page's ends). ``labels``: the
    lines' labels when the caller has them as a list already.
    """
    first = list(map(_LABEL, lines)) if labels is None else labels
    # short lines: between two good (or near) lines they are article text
    second = list(first)
    runs = _runs(first)
    for k, (label, start, end) in enumerate(runs):
        if label != "short":
            continue
        prev = runs[k - 1][0] if k > 0 else "bad"
        nxt = runs[k + 1][0] if k + 1 < len(runs) else "bad"
        if end - start > MAX_SHORT_RUN or (prev == "bad" and nxt == "bad"):
            second[start:end] = ["bad"] * (end - start)  # a menu or a list of links
            continue
        between = prev in ("good", "near") and nxt in ("good", "near")
        inner = "good" if "good" in (prev, nxt) else "near"
        for pos in range(start, end):
            line = lines[pos]
            if between and not line.bullet:
                second[pos] = inner
            elif line.bullet and line.length < 40:
                second[pos] = "bad"
            else:
                second[pos] = "near"
    # near lines: good when a good line is close on either side
    third = list(second)
    runs = _runs(second)
    for k, (label, start, end) in enumerate(runs):
        if label != "near":
            continue
        prev = runs[k - 1][0] if k > 0 else "bad"
        nxt = runs[k + 1][0] if k + 1 < len(runs) else "bad"
        if "good" in (prev, nxt):
            third[start:end] = ["good"] * (end - start)
        elif end - start == 1:
            third[start] = "bad"
        else:
            for pos in range(start, end):
                third[pos] = "good" if lines[pos].length >= 100 else "bad"
    deque(map(_SET_LABEL, lines, third), maxlen=0)


def _scores(lines: list[Line], opts: BodyOptions) -> list[float]:
    """Each line's weight in the region sum: good lines by length, bad ones against."""
    bad_cost = opts.bad_line_cost
    out = []
    for line in lines:
        label = line.label
        if label == "good":
            out.append(line.length if line.length < MAX_RUN_LENGTH else MAX_RUN_LENGTH)
        elif label == "bad":
            if line.chrome == "chrome.comments":
                out.append(-COMMENTS_COST)
                continue
            length = line.length
            cost = bad_cost if length >= 15 or line.chrome else SHORT_LINE_COST
            out.append(-cost - 0.5 * (length if length < MAX_RUN_LENGTH else MAX_RUN_LENGTH))
        else:
            out.append(0.0)
    return out


def _strong_comment_marker(line: Line) -> bool:
    """A line that opens a comment section ("Leave a Reply", "12 comments", "X said:")."""
    return line.chrome == "chrome.comments" and (line.words >= 3 or line.key[:1].isdigit())


def _first_comment_marker(lines: list[Line], start: int = 0) -> int | None:
    seen_good = False
    for pos in range(start, len(lines)):
        line = lines[pos]
        if line.label == "good" and line.length >= LENGTH_LOW:
            seen_good = True
        elif seen_good and line.chrome == "chrome.comments" and _strong_comment_marker(line):
            return pos  # (the chrome test first: most lines have none, so no call)
    return None


def _region_text(lines: list[Line], region: tuple[int, int]) -> float:
    return sum(ln.length for ln in lines[region[0] : region[1]] if ln.label == "good")


def main_region(
    lines: list[Line], opts: BodyOptions, scores: list[float] | None = None
) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest score sum (Kadane's algorithm).

    ``scores`` may hold the lines' scores already (``_score`` of each line).
    """
    if scores is None:
        scores = _scores(lines, opts)
    best_sum, best = float("-inf"), (0, 0)
    run_sum, run_start = 0.0, 0
    for pos, value in enumerate(scores):
        if run_sum <= 0:
            run_sum, run_start = value, pos
        else:
            run_sum += value
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, pos + 1)
    return best


def _region(lines: list[Line], options: BodyOptions) -> tuple[int, int]:
    scores = _scores(lines, options)
    start, end = main_region(lines, options, scores)
    if "chrome.comments" not in map(_CHROME, lines):
        return start, end  # no comment marker on the page
    marker = _first_comment_marker(lines)
    if marker is not None and start > marker:
        before = main_region(lines[:marker], options, scores[:marker])
        if _region_text(lines, before) >= MIN_BEFORE_COMMENTS:
            return before
    inner = _first_comment_marker(lines, start)
    if inner is not None and inner < end and _region_text(lines, (start, inner)) >= MIN_CUT_TEXT:
        return start, inner
    return start, end


def heuristic_pass(
    lines: list[Line], has_stopwords: bool, options: BodyOptions
) -> tuple[list[str], tuple[int, int]]:
    """Label lines by the rules (in place); the context-free labels and the main region."""
    first = classify_lines(lines, has_stopwords, options)
    deque(map(_SET_LABEL, lines, first), maxlen=0)
    resolve_context(lines, first)
    if "good" not in map(_LABEL, lines):
        return first, (0, 0)
    return first, _region(lines, options)


def select_body(
    lines: list[Line],
    has_stopwords: bool,
    opts: BodyOptions | None = None,
    columns: LineColumns | None = None,
) -> tuple[list[int], tuple[int, int]]:
    """Positions (into ``lines``) of body lines, and the main region [start, end).

    ``columns``: the lines' ``LineColumns`` when the caller has them (from ``build_page``).
    """
    options = opts or _DEFAULTS
    first, region = heuristic_pass(lines, has_stopwords, options)
    model = (options.model or load_model()) if options.use_model else None
    if model is not None and lines:
        probs, threshold = line_scores(lines, first, region, has_stopwords, model, columns)
        chromes = list(map(_CHROME, lines))
        labels = [
            label if reason is not None else "good" if prob >= threshold else "bad"
            for prob, reason, label in zip(probs, chromes, map(_LABEL, lines), strict=True)
        ]
        if "good" not in labels:
            # nothing passed the threshold: trust the model's relative ranking instead
            labels = [
                "good" if reason is None and prob >= FALLBACK_SCORE else label
                for prob, reason, label in zip(probs, chromes, labels, strict=True)
            ]
        deque(map(_SET_SCORE, lines, probs), maxlen=0)
        deque(map(_SET_LABEL, lines, labels), maxlen=0)
        if "good" in labels:
            region = _region(lines, options)
    if model is not None:
        region = _with_lead(lines, region)
    if region == (0, 0):
        return [], region
    start, end = region
    keep = [pos for pos in range(start, end) if lines[pos].label == "good"]
    if not keep and model is not None:
        keep = _best_single_line(lines)
    return keep, region


def _with_lead(lines: list[Line], region: tuple[int, int]) -> tuple[int, int]:
    """Take in a lead paragraph just above the region that the model found nearly good."""
    start, end = region
    for pos in (start - 1, start - 2):
        if pos < 0:
            break
        line = lines[pos]
        if line.chrome is None and line.score >= LEAD_MIN_SCORE and line.length >= LENGTH_LOW:
            line.label = "good"
            start = pos
    return start, end


def _best_single_line(lines: list[Line]) -> list[int]:
    """A page whose article is one long paragraph: the best-scored long line, if any."""
    best = max(range(len(lines)), key=lambda pos: lines[pos].score, default=None)
    if best is None or lines[best].chrome or lines[best].length < LENGTH_HIGH:
        return []
    if lines[best].score < SINGLE_MIN_SCORE:
        return []
    lines[best].label = "good"
    return [best]
