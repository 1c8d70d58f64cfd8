"""The line model's scores for a whole page at once, with numpy.

``text_model.line_features`` and ``text_model.probabilities`` define the model row by row (the
training script uses them); ``line_scores`` computes the same probabilities with one array per
feature and one weighted sum for all lines. Features that need the text (capitalised words,
digits, pipes, glued titles) come from whole-page regex passes over the lines joined by
newlines, then per-line counts from the pieces' lengths. ``tests/extract/test_text_fastpaths``
holds the two formulations side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, is_not, methodcaller

import numpy as np
import numpy.typing as npt

from wirewatch.extract.text.dates import find_date
from wirewatch.extract.text.lines import Line, LineColumns, holds_any, line_columns
from wirewatch.extract.text.model import FEATURES, LineModel, _relative_date

Array = npt.NDArray[np.float64]
_DIGIT = re.compile(r"\d")
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")  # a \d outside 0-9 (Arabic-Indic, ...)
# UTF-8 lead bytes of every non-ASCII \d (tests/extract/test_text_speed3.py derives them): a
# page without any of them has no non-ASCII digit, so the regex need not scan it
DIGIT_LEADS = b"\xd9\xdb\xdf\xe0\xe1\xea\xef\xf0"
_GLUED_CAPS = re.compile(r"[A-Z](?<=[a-z0-9?!'’.][A-Z])[a-z]")  # text_model._GLUED, capital first
# byte classes for _byte_counts: A-Z -> U, a-z -> l, 0-9 -> D, ? ! ' . -> p, a non-ASCII
# character's first byte -> ?, 0x99 (the last byte of ’) -> q, newline, space and pipe kept,
# anything else -> x
_BYTE_CLASSES = bytes(
    ord(
        "U"
        if chr(b).isupper() and b < 128
        else "l"
        if chr(b).islower() and b < 128
        else "D"
        if chr(b).isdigit() and b < 128
        else "p"
        if chr(b) in "?!'."
        else "?"
        if b >= 0xC0
        else "q"
        if b == 0x99
        else chr(b)
        if chr(b) in "\n |"
        else "x"
    )
    for b in range(256)
)
_RIGHT_QUOTE = "’".encode()
_INDEX = {name: i for i, name in enumerate(FEATURES)}
_STOP_RATIO, _CHROME, _LABEL = attrgetter("stop_ratio"), attrgetter("chrome"), attrgetter("label")
_GOOD = "good".__eq__
_NEAR, _SHORT = "near".__eq__, "short".__eq__


def window_means(values: Array, radius: int) -> Array:
    """``text_model._window_means`` on an array: each value's neighbours' mean (itself out)."""
    n = len(values)
    if n < 2:
        return np.zeros(n)
    width = 2 * radius + 1
    prefix = np.zeros(n + width)
    np.cumsum(values, out=prefix[radius + 1 : n + radius + 1])
    prefix[n + radius + 1 :] = prefix[n + radius]
    sums = prefix[width:] - prefix[:n] - values  # window sums, the value itself left out
    out: Array = sums / _window_sizes(n, radius)
    return out


def window_means_pair(values: Array, small: int, large: int) -> tuple[Array, Array]:
    """``window_means(values, small)`` and ``window_means(values, large)`` from one prefix sum.

    Bit for bit the same: the smaller window's padded prefix sums are a slice of the larger
    one's (the same cumulative sum, fewer zeros before and totals after).
    """
    n = len(values)
    if n < 2:
        return np.zeros(n), np.zeros(n)
    prefix = np.zeros(n + 2 * large + 1)
    np.cumsum(values, out=prefix[large + 1 : n + large + 1])
    prefix[n + large + 1 :] = prefix[n + large]
    means = []
    for radius in (small, large):
        shift = large - radius
        stop = shift + 2 * radius + 1  # the window's width past the shift
        sums = prefix[stop : stop + n] - prefix[shift : shift + n] - values
        means.append(sums / _window_sizes(n, radius))
    return means[0], means[1]


@lru_cache(maxsize=512)
def _window_sizes(n: int, radius: int) -> Array:
    """How many neighbours each of ``n`` positions has within ``radius`` (itself out)."""
    pos = np.arange(n)
    return np.minimum(pos + radius, n - 1) - np.maximum(pos - radius, 0)


def _caps(text: str) -> float:
    words = text.split()
    return len([1 for w in words if w[0].isupper()]) / len(words) if words else 0.0


def _counts(found: list[int], starts: Array, n: int) -> Array:
    """How many of the offsets ``found`` fall in each of the ``n`` lines (their ``starts``)."""
    if not found:
        return np.zeros(n)
    owners = np.searchsorted(starts, found, side="right") - 1
    return np.bincount(owners, minlength=n).astype(np.float64)


def _byte_counts(texts: list[str], joined: str, sizes: Array) -> tuple[Array, ...] | None:
    """Capitalised-word share, digits, pipes and glued titles of each text from bytes, or None.

    Only for a mostly-ASCII page (None otherwise). Each byte is mapped to a class (A-Z -> U,
    0-9 -> D, the first byte of a non-ASCII character -> ?, space, newline and pipe kept), then
    counted per line with numpy. Texts are single-spaced, so a line's words are its spaces + 1.
    A word that starts with a non-ASCII character has that character decoded and tested with
    ``str.isupper``; non-ASCII digits (rare) send their lines to ``_DIGIT``.
    """
    data = joined.encode("utf-8", "surrogatepass")
    if not data or len(data) - len(joined) > len(joined) // 8:
        return None  # no text at all (a lone list marker), or not mostly ASCII
    m = len(texts)
    arr = np.frombuffer(data.translate(_BYTE_CLASSES), dtype=np.uint8)
    newline = arr == 10
    newlines = np.flatnonzero(newline)
    space = arr == 32
    word_start = np.empty(len(arr), dtype=bool)
    word_start[0] = True
    word_start[1:] = space[:-1] | newline[:-1]

    def per_line(offsets: npt.NDArray[np.intp]) -> Array:
        """How many of the byte ``offsets`` each line has (its newlines before them)."""
        return np.bincount(np.searchsorted(newlines, offsets), minlength=m).astype(np.float64)

    odd = np.flatnonzero(word_start & (arr == ord("?")))  # non-ASCII first characters
    if len(odd):  # U+2000-U+207F (lead E2, then 80 or 81: quotes, dashes) is never upper case
        lead = np.frombuffer(data, dtype=np.uint8)
        odd = odd[(lead[odd] != 0xE2) | (lead[odd + 1] > 0x81)]
    capital = [at for at in odd.tolist() if _char_at(data, at).isupper()]
    # every count at once: offsets of spaces, capitals, digits, pipes and glued titles, each
    # group's lines shifted by m, one search for their lines and one bincount
    groups = (
        np.flatnonzero(space),
        np.flatnonzero(word_start & (arr == ord("U"))),
        np.array(capital, dtype=np.intp),
        np.flatnonzero(arr == ord("D")),
        np.flatnonzero(arr == ord("|")),
        np.array(_glued_bytes(data, arr), dtype=np.intp),
    )
    shift = np.repeat(np.array((0, m, m, 2 * m, 3 * m, 4 * m)), [len(g) for g in groups])
    owners = np.searchsorted(newlines, np.concatenate(groups)) + shift
    spaces, upper, digits, pipes, glued = (
        np.bincount(owners, minlength=5 * m).reshape(5, m).astype(np.float64)
    )
    words = np.where(sizes > 0, spaces + 1.0, 0.0)
    caps = np.divide(upper, words, out=np.zeros(m), where=words > 0)
    if holds_any(data, DIGIT_LEADS) and _NON_ASCII_DIGIT.search(joined) is not None:
        for pos in np.flatnonzero(per_line(np.flatnonzero(arr == ord("?")))).tolist():
            digits[pos] = len(_DIGIT.findall(texts[pos]))
    return caps, digits, pipes, glued


def _glued_bytes(data: bytes, arr: npt.NDArray[np.uint8]) -> list[int]:
    """``_glued_at`` on the byte classes: [a-z0-9?!'’.][A-Z][a-z], matches not overlapping."""
    after = (arr[1:-1] == ord("U")) & (arr[2:] == ord("l"))
    before = arr[:-2]
    hits = after & (
        (before == ord("l")) | (before == ord("D")) | (before == ord("p")) | (before == ord("q"))
    )
    found: list[int] = []
    last = -3
    for at in (np.flatnonzero(hits) + 1).tolist():
        if arr[at - 1] == ord("q") and data[at - 3 : at] != _RIGHT_QUOTE:
            continue  # another character ending in 0x99
        if at >= last + 3:
            found.append(at)
            last = at
    return found


def _char_at(data: bytes, at: int) -> str:
    """The character whose UTF-8 encoding starts at byte ``at`` (a lead byte, >= 0xC0)."""
    lead = data[at]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return data[at : at + size].decode("utf-8", "surrogatepass")


def _glued_at(joined: str) -> list[int]:
    """Where ``_GLUED.findall`` of each line would match (its capitals' offsets).

    ``_GLUED_CAPS`` looks for the capital first (faster); the matches ``findall`` makes do not
    overlap (three characters each), so a capital closer than three to the last one is not.
    """
    found: list[int] = []
    last = -3
    for match in _GLUED_CAPS.finditer(joined):
        at = match.start()
        if at >= last + 3:
            found.append(at)
            last = at
    return found


def _text_columns(
    all_texts: list[str], chromes: list[str | None], chrome: npt.NDArray[np.bool_]
) -> tuple[Array, ...]:
    """caps share, digit share, pipes (scaled), glued titles (scaled); 0 for chrome lines.

    From one bytes pass over the lines joined by newlines on a mostly-ASCII page
    (``_byte_counts``), else from ``_caps`` per line and whole-page regex passes (no match
    spans a newline).
    """
    n = len(all_texts)
    texts = [text for text, reason in zip(all_texts, chromes, strict=True) if reason is None]
    m = len(texts)
    where = ~chrome
    caps, digits, pipes, glued = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n)
    if not m:
        return caps, digits, pipes, glued
    sizes = np.fromiter(map(len, texts), np.float64, m)
    joined = "\n".join(texts)
    counted = _byte_counts(texts, joined, sizes)
    if counted is not None:
        caps[where], digit_counts, bars, glued_counts = counted
        pipes[where] = np.minimum(bars / 3.0, 1.0)
    else:
        starts = np.cumsum(sizes + 1) - sizes - 1  # each line's offset in ``joined``
        caps[where] = list(map(_caps, texts))
        digit_counts = _counts([m.start() for m in _DIGIT.finditer(joined)], starts, m)
        if "|" in joined:
            bars = np.fromiter(map(methodcaller("count", "|"), texts), np.float64, m)
            pipes[where] = np.minimum(bars / 3.0, 1.0)
    digits[where] = np.divide(digit_counts, sizes, out=np.zeros(m), where=sizes > 0)
    if counted is None:
        glued_counts = _counts(_glued_at(joined), starts, m)
    glued[where] = np.minimum(glued_counts / 3.0, 1.0)
    return caps, digits, pipes, glued


def _sigmoid(z: Array) -> Array:
    # np.clip(z, -30.0, 30.0) by its definition, minimum(maximum(...)): the same values, without
    # clip's per-call overhead
    out: Array = 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))
    return out


@lru_cache(maxsize=16)
def _weights(weights: tuple[float, ...]) -> Array:
    """A stage's weights as a read-only array, made once per process."""
    out = np.asarray(weights)
    out.flags.writeable = False
    return out


def feature_matrix(
    lines: list[Line],
    first_labels: list[str],
    region: tuple[int, int],
    has_stopwords: bool,
    columns: LineColumns | None = None,
) -> Array:
    """All lines' stage-1 features, one column per line (chrome lines included).

    ``columns``: the lines' ``LineColumns`` when the caller has them (from ``build_page``).
    """
    if columns is None:
        columns = line_columns(lines)
    n = len(lines)
    x = np.zeros((len(FEATURES), n))
    col = _INDEX

    def column(values: Iterable[float]) -> Array:
        return np.fromiter(values, np.float64, n)

    # one C-level pass per attribute (a tuple per line made into an array costs twice as much)
    length = np.array(columns.lengths, dtype=np.float64)
    stops = column(map(_STOP_RATIO, lines))
    chromes = list(map(_CHROME, lines))
    texts = columns.texts
    chrome = np.fromiter(map(is_not, chromes, repeat(None, n)), np.bool_, n)
    good = column(map(_GOOD, map(_LABEL, lines)))
    logs = np.log1p(length) / 6.0
    x[col["log_length"]] = logs
    x[col["stop_ratio"]] = stops
    x[col["sentence_end"]] = columns.sentence_end
    x[col["sentences"]] = np.minimum(np.array(columns.sentences, dtype=np.float64) / 5.0, 1.0)
    x[col["bullet"]] = columns.bullets
    x[col["chrome"]] = chrome
    if "chrome.comments" in chromes:
        x[col["comments"]] = [c == "chrome.comments" for c in chromes]
    x[col["short"]] = length < 30
    caps, digits, pipes, glued = _text_columns(texts, chromes, chrome)
    x[col["caps_ratio"]] = caps
    x[col["digit_ratio"]] = digits
    x[col["prev_log_length"], 1:] = logs[:-1]
    x[col["next_log_length"], :-1] = logs[1:]
    x[col["prev_stop"], 1:] = stops[:-1]
    x[col["next_stop"], :-1] = stops[1:]
    prose = np.where(chrome, 0.0, stops * logs)
    x[col["window3_prose"]], x[col["window10_prose"]] = window_means_pair(prose, 3, 10)
    pos = np.arange(n, dtype=np.float64)
    x[col["position"]] = pos / max(1, n - 1)
    start, end = region
    inside = (pos >= start) & (pos < end)
    x[col["in_region"]] = inside
    gap = np.where(pos < start, start - pos, pos - end + 1)
    x[col["region_distance"]] = np.where(inside, 0.0, np.minimum(gap / 20.0, 1.0))
    x[col["label_good"]] = good
    x[col["label_near"]] = np.fromiter(map(_NEAR, first_labels), np.bool_, n)
    x[col["label_short"]] = np.fromiter(map(_SHORT, first_labels), np.bool_, n)
    counts = columns.key_counts
    if len(counts) < n:  # some key repeats
        x[col["duplicate"]] = column(map(counts.__getitem__, columns.keys)) > 1
    short = np.array(columns.words) <= 10
    for i in np.flatnonzero(short & (digits > 0)).tolist():
        if find_date(texts[i]) or _relative_date(lines[i]):
            x[col["date_line"], i] = 1.0
    x[col["pipes"]] = pipes
    x[col["ends_colon"]] = np.fromiter(map(str.endswith, texts, repeat(":")), np.bool_, n)
    x[col["has_stopwords"]] = 1.0 if has_stopwords else 0.0
    x[col["good_share"]] = float(good.sum()) / max(1, n)
    x[col["glued"]] = glued
    return x


def line_scores(
    lines: list[Line],
    first_labels: list[str],
    region: tuple[int, int],
    has_stopwords: bool,
    model: LineModel,
    columns: LineColumns | None = None,
) -> tuple[list[float], float]:
    """Each line's final probability (0 for chrome lines) and the threshold that applies.

    The same figures as ``text_model.line_probabilities`` over ``line_features`` rows, up to
    float rounding.
    """
    n = len(lines)
    if n == 0:
        return [], (model.second or model.first).threshold
    x = feature_matrix(lines, first_labels, region, has_stopwords, columns)
    chrome = x[_INDEX["chrome"]] > 0
    first = model.first
    probs = np.where(chrome, 0.0, _sigmoid(_weights(first.weights) @ x + first.bias))
    if model.second is None:
        return probs.tolist(), first.threshold
    padded = np.concatenate((np.zeros(3), probs, np.zeros(3)))
    stack = np.empty((8, n))  # the stage-2 features, filled row by row (as np.stack would)
    stack[0] = probs
    stack[1] = padded[2 : n + 2]
    stack[2] = padded[4 : n + 4]
    stack[3], stack[4] = window_means_pair(probs, 2, 6)
    np.maximum(np.maximum(padded[:n], padded[1 : n + 1]), padded[2 : n + 2], out=stack[5])
    np.maximum(np.maximum(padded[4 : n + 4], padded[5 : n + 5]), padded[6 : n + 6], out=stack[6])
    stack[7] = x[_INDEX["log_length"]]
    second = model.second
    final = np.where(chrome, 0.0, _sigmoid(_weights(second.weights) @ stack + second.bias))
    return final.tolist(), second.threshold
