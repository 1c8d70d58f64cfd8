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

from dataclasses import dataclass

from wirewatch.extract.text_lines import Line

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.22
STOP_HIGH = 0.26
BAD_LINE_COST = 25.0
SHORT_LINE_COST = 8.0
MAX_RUN_LENGTH = 400.0


@dataclass(frozen=True, slots=True)
class BodyOptions:
    length_low: int = LENGTH_LOW
    length_high: int = LENGTH_HIGH
    stop_low: float = STOP_LOW
    stop_high: float = STOP_HIGH
    bad_line_cost: float = BAD_LINE_COST


def _is_prose(line: Line, has_stopwords: bool, threshold: float) -> bool:
    if has_stopwords:
        return line.stop_ratio >= threshold
    return line.sentences >= 1 and line.sentence_end


def classify(line: Line, has_stopwords: bool, opts: BodyOptions) -> str:
    """The context-free class of one line: good, near, short or bad."""
    if line.chrome is not None or line.meta is not None:
        return "bad"
    if line.length < opts.length_low:
        return "short"
    if line.length >= opts.length_high and _is_prose(line, has_stopwords, opts.stop_high):
        return "good"
    if _is_prose(line, has_stopwords, opts.stop_low):
        return "near"
    if line.bullet or not line.sentence_end:
        return "bad"
    return "near" if line.sentences >= 2 else "bad"


def _neighbour(labels: list[str], pos: int, step: int, skip: tuple[str, ...]) -> str:
    i = pos + step
    while 0 <= i < len(labels):
        if labels[i] not in skip:
            return labels[i]
        i += step
    return "bad"


def resolve_context(lines: list[Line]) -> None:
    """Give short and near lines the class their decided neighbours suggest (in place)."""
    first = [ln.label for ln in lines]
    # short lines: between two good (or near) lines they are article text
    second = list(first)
    for pos, label in enumerate(first):
        if label != "short":
            continue
        prev = _neighbour(first, pos, -1, ("short",))
        nxt = _neighbour(first, pos, 1, ("short",))
        line = lines[pos]
        if prev == "bad" and nxt == "bad":
            second[pos] = "bad"
        elif prev in ("good", "near") and nxt in ("good", "near") and not line.bullet:
            second[pos] = "good" if "good" in (prev, nxt) else "near"
        elif line.bullet and line.length < 40:
            second[pos] = "bad"
        else:
            second[pos] = "near"
    # near lines: good when a good line is close on either side
    third = list(second)
    for pos, label in enumerate(second):
        if label != "near":
            continue
        prev = _neighbour(second, pos, -1, ("near",))
        nxt = _neighbour(second, pos, 1, ("near",))
        if "good" in (prev, nxt):
            third[pos] = "good"
        else:
            near_run = (pos > 0 and second[pos - 1] == "near") or (
                pos + 1 < len(second) and second[pos + 1] == "near"
            )
            third[pos] = "good" if near_run and lines[pos].length >= 100 else "bad"
    for line, label in zip(lines, third, strict=True):
        line.label = label


def _score(line: Line, opts: BodyOptions) -> float:
    if line.label == "good":
        return min(line.length, MAX_RUN_LENGTH)
    if line.label == "bad":
        cost = opts.bad_line_cost if line.length >= 15 or line.chrome else SHORT_LINE_COST
        return -cost - 0.5 * min(line.length, MAX_RUN_LENGTH)
    return 0.0


def main_region(lines: list[Line], opts: BodyOptions) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest score sum (Kadane's algorithm)."""
    best_sum, best = float("-inf"), (0, 0)
    run_sum, run_start = 0.0, 0
    for pos, line in enumerate(lines):
        value = _score(line, opts)
        if run_sum <= 0:
            run_sum, run_start = value, pos
        else:
            run_sum += value
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, pos + 1)
    return best


def select_body(
    lines: list[Line], has_stopwords: bool, opts: BodyOptions | None = None
) -> tuple[list[int], tuple[int, int]]:
    """Positions (into ``lines``) of body lines, and the main region [start, end)."""
    options = opts or BodyOptions()
    for line in lines:
        line.label = classify(line, has_stopwords, options)
    resolve_context(lines)
    if not any(line.label == "good" for line in lines):
        return [], (0, 0)
    start, end = main_region(lines, options)
    keep = [pos for pos in range(start, end) if lines[pos].label == "good"]
    return keep, (start, end)
