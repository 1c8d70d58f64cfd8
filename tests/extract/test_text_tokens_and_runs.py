"""Line tokens and context runs computed in bulk equal their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.extract.text.body import MAX_SHORT_RUN, resolve_context
from wirewatch.extract.text.lines import _BULLET, _SENT_MARK, build_lines, make_lines

_TOKEN = re.compile(r"[^\W_]+")
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines breaks there
_LINE = st.text(
    alphabet=st.one_of(
        st.sampled_from("aZ09 _-.,'’“”–é²٣ßİ\u00a0\t|"),
        st.characters(blacklist_categories=("Cs",), blacklist_characters=_BREAKS),
    ),
    min_size=1,
    max_size=40,
)


def regex_tokens(raw: str) -> list[str]:
    """The plain definition of a line's tokens: the regex words of the lower-cased line, less
    a numbered item's number."""
    expected = _TOKEN.findall(raw.lower())
    marker = _BULLET.match(raw)
    if marker and marker.group(1) and expected:
        expected = expected[1:]
    return expected


@given(st.lists(_LINE, min_size=1, max_size=8))
def test_tokens_are_the_regex_tokens_of_the_lower_cased_line(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip()]
    lines, tokens = build_lines(numbered)
    for line, words in zip(lines, tokens, strict=True):
        assert words == regex_tokens(line.raw)
        assert line.tokens == words
        assert line.key == " ".join(words)
        assert line.sentences == len(_SENT_MARK.findall(line.text))


def _nearest_reference(labels: list[str], skip: str) -> tuple[list[str], list[str]]:
    n = len(labels)
    before, after = ["bad"] * n, ["bad"] * n
    last = "bad"
    for i in range(n):
        before[i] = last
        if labels[i] != skip:
            last = labels[i]
    last = "bad"
    for i in range(n - 1, -1, -1):
        after[i] = last
        if labels[i] != skip:
            last = labels[i]
    return before, after


def _resolve_reference(labels: list[str], bullets: list[bool], lengths: list[int]) -> list[str]:
    """The former resolve_context, position by position."""
    n = len(labels)
    runs = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and labels[j] == "short":
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    second = list(labels)
    before, after = _nearest_reference(labels, "short")
    for pos, label in enumerate(labels):
        if label != "short":
            continue
        prev, nxt = before[pos], after[pos]
        if runs[pos] > MAX_SHORT_RUN or (prev == "bad" and nxt == "bad"):
            second[pos] = "bad"
        elif prev in ("good", "near") and nxt in ("good", "near") and not bullets[pos]:
            second[pos] = "good" if "good" in (prev, nxt) else "near"
        elif bullets[pos] and lengths[pos] < 40:
            second[pos] = "bad"
        else:
            second[pos] = "near"
    third = list(second)
    before, after = _nearest_reference(second, "near")
    for pos, label in enumerate(second):
        if label != "near":
            continue
        if "good" in (before[pos], after[pos]):
            third[pos] = "good"
        else:
            near_run = (pos > 0 and second[pos - 1] == "near") or (
                pos + 1 < n and second[pos + 1] == "near"
            )
            third[pos] = "good" if near_run and lengths[pos] >= 100 else "bad"
    return third


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["good", "near", "short", "bad"]),
            st.booleans(),
            st.sampled_from([10, 39, 40, 99, 100, 150]),
        ),
        max_size=30,
    )
)
def test_context_by_runs_equals_position_by_position(rows: list[tuple[str, bool, int]]) -> None:
    lines = make_lines([(i, f"Line {i}") for i in range(len(rows))], frozenset())
    for line, (label, bullet, length) in zip(lines, rows, strict=True):
        line.label, line.bullet, line.length = label, bullet, float(length)
    resolve_context(lines)
    expected = _resolve_reference([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    assert [line.label for line in lines] == expected
