"""Fast paths of the second speed round against their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.extract.text_lines import _BULLET, _SENT_MARK, build_lines

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


@given(st.lists(_LINE, min_size=1, max_size=8))
def test_tokens_are_the_regex_tokens_of_the_lower_cased_line(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip()]
    lines, tokens = build_lines(numbered)
    for line, words in zip(lines, tokens, strict=True):
        expected = _TOKEN.findall(line.raw.lower())
        marker = _BULLET.match(line.raw)
        if line.bullet and marker and marker.group(1) and expected:
            expected = expected[1:]  # a numbered item's number is left out
        assert words == expected
        assert line.tokens == words
        assert line.key == " ".join(words)
        assert line.sentences == len(_SENT_MARK.findall(line.text))
