"""The scraped-text cleaner's fast paths give what their plain definitions give.

Each speed-up replaced a simple formulation (a regex alternation, a slice maximum, a second
tokenisation of the page) by a cheaper one; these tests hold the two side by side on wide
inputs, so a later edit to one of them cannot drift silently.
"""

from __future__ import annotations

import re
from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.text_pages import FOOTER, MENU, PARAGRAPHS, news_page
from wirewatch.extract.text.captions import (
    _CREDIT_WORDS,
    _agencies,
    caption_cues,
    is_caption,
    may_have_credit,
    split_caption,
)
from wirewatch.extract.text.chrome import (
    FAMILIES,
    contains_table,
    long_promo_table,
)
from wirewatch.extract.text.clean import lines_language, page_language, split_lines
from wirewatch.extract.text.dates import find_date
from wirewatch.extract.text.lines import (
    build_lines,
    data_lines,
    make_lines,
    normalise_key,
    stopwords,
)
from wirewatch.extract.text.model import _window_means, stack_features
from wirewatch.extract.text.phrases import PhraseTable

EN = stopwords()["en"]


def _regex_family(ranked: list[tuple[str, int]]) -> re.Pattern[str]:
    """The former formulation: one alternation, a named group per rank, longest first."""
    groups = []
    for rank in sorted({r for _, r in ranked}):
        phrases = sorted({p for p, r in ranked if r == rank}, key=len, reverse=True)
        groups.append(f"(?P<r{rank}>{'|'.join(re.escape(p) for p in phrases)})")
    return re.compile(rf"(?:^| )(?:{'|'.join(groups)})(?: |$)")


_RANKED = [
    (normalise_key(p), rank)
    for rank, family in enumerate(FAMILIES)
    for p in data_lines(f"{family}.contains.txt")
]
_PHRASES = [p.split() for p, _ in _RANKED]
_VOCAB = sorted({w for p in _PHRASES for w in p} | {"the", "minister", "said"})


@given(
    st.lists(
        st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_VOCAB).map(lambda w: [w])),
        max_size=6,
    )
)
def test_phrase_table_finds_what_the_alternation_found(parts: list[list[str]]) -> None:
    tokens = [w for part in parts for w in part]
    match = _regex_family(_RANKED).search(" ".join(tokens))
    expected = int(match.lastgroup[1:]) if match and match.lastgroup else None
    assert contains_table().find(tokens) == expected


def test_phrase_table_ranks_and_misses() -> None:
    table = PhraseTable([("share this", 1), ("share", 0), ("this story", 2)])
    assert table.find(["please", "share", "this", "story"]) == 0  # leftmost start, lowest rank
    assert table.find(["read", "this", "story"]) == 2
    assert table.find(["shares", "of", "this"]) is None  # whole words only
    rank = long_promo_table().find(["please", "sign", "up", "for", "our", "newsletter", "today"])
    assert rank is not None and FAMILIES[rank] == "promo"  # leftmost phrase: "sign up for our"


def _window_reference(values: list[float], radius: int) -> list[float]:
    n = len(values)
    if n < 2:
        return [0.0] * n
    prefix = [0.0, *accumulate(values)]
    out = []
    for pos, value in enumerate(values):
        lo, hi = max(0, pos - radius), min(n, pos + radius + 1)
        out.append((prefix[hi] - prefix[lo] - value) / (hi - lo - 1))
    return out


@given(
    st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=40),
    st.sampled_from([2, 3, 6, 10]),
)
def test_window_means_match_the_definition(values: list[float], radius: int) -> None:
    assert _window_means(values, radius) == _window_reference(values, radius)


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=30))
def test_stack_features_match_slice_maxima(probs: list[float]) -> None:
    lines = make_lines([(i, f"Line number {i} of the page.") for i in range(len(probs))], EN)
    rows = stack_features(lines, probs)
    n = len(probs)
    for pos, row in enumerate(rows):
        assert row is not None
        assert row[1] == (probs[pos - 1] if pos > 0 else 0.0)
        assert row[2] == (probs[pos + 1] if pos + 1 < n else 0.0)
        assert row[5] == max(probs[max(0, pos - 3) : pos], default=0.0)
        assert row[6] == max(probs[pos + 1 : pos + 4], default=0.0)


_PAGES = [
    news_page(),
    "\n".join(MENU + PARAGRAPHS + FOOTER),
    "\n".join(["date 2021-03-02", *MENU, "x" * 90 + " 2021 a1b", *PARAGRAPHS * 30]),
    "\n".join(MENU),
    "Der Minister sagte, dass die Gespräche mit den Partnern nicht zu Ende sind, und dass "
    "die Regierung weiter verhandeln werde.\n" * 3,
]


def test_language_from_the_lines_equals_the_page_guess() -> None:
    for page in _PAGES:
        numbered, _hint, _drops = split_lines(page)
        _lines, tokens = build_lines(numbered)
        assert lines_language(numbered, tokens, page) == page_language(page)


@given(st.lists(st.text(alphabet="aeinrst 0123456789\u00e9_-'", max_size=120), max_size=12))
def test_language_from_the_lines_on_any_text(raw: list[str]) -> None:
    page = "\n".join(raw)
    numbered, _hint, _drops = split_lines(page)
    _lines, tokens = build_lines(numbered)
    assert lines_language(numbered, tokens, page) == page_language(page)


@given(st.lists(st.text(max_size=60), max_size=12))
def test_lines_built_in_bulk_equal_lines_built_alone(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip() and r.splitlines() == [r]]
    bulk = make_lines(numbered, EN)
    alone = [make_lines([pair], EN)[0] for pair in numbered]
    assert bulk == alone
    for line in bulk:
        assert line.key == " ".join(normalise_key(line.key).split())
        assert line.text == " ".join(line.text.split())


@given(st.text(max_size=80))
def test_date_prefilter_never_hides_a_date(text: str) -> None:
    found = find_date(text)
    assert found is None or "19" in text or "20" in text


@given(
    st.lists(
        st.one_of(
            st.sampled_from([*_agencies(), "Photo:", "© Jane Roe", "(c) 2020", "Credit", "AP"]),
            st.text(alphabet="abc XYZ:()©", max_size=12),
        ),
        max_size=5,
    )
)
def test_caption_cues_keep_every_caption(parts: list[str]) -> None:
    text = "A man walks past the ruins " + " ".join(parts)
    cues = caption_cues("Some other line\n" + text)
    assert is_caption(text, cues) == is_caption(text)
    full = (_CREDIT_WORDS, _agencies())
    if split_caption(text) is not None:
        assert may_have_credit(text, cues) and may_have_credit(text, full)
