"""The numpy line scorer gives the probabilities of the row-by-row model definition."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.text_pages import FOOTER, MENU, PARAGRAPHS, news_page
from wirewatch.extract.text.body import BodyOptions, heuristic_pass
from wirewatch.extract.text.chrome import (
    mark_chrome,
)
from wirewatch.extract.text.clean import split_lines
from wirewatch.extract.text.lines import (
    build_lines,
    set_stop_ratios,
    stopwords,
)
from wirewatch.extract.text.model import (
    LineModel,
    _window_means,
    line_features,
    line_probabilities,
    load_model,
)
from wirewatch.extract.text.scores import line_scores, window_means

EN = stopwords()["en"]


def _both(page: str, model: LineModel, stop: frozenset[str] = EN) -> tuple[list[float], ...]:
    numbered, _hint, _drops = split_lines(page)
    lines, tokens = build_lines(numbered)
    set_stop_ratios(lines, tokens, stop)
    mark_chrome(lines)
    first, region = heuristic_pass(lines, bool(stop), BodyOptions())
    rows = line_features(lines, first, region, bool(stop), skip_chrome=True)
    expected, threshold = line_probabilities(lines, rows, model)
    got, got_threshold = line_scores(lines, first, region, bool(stop), model)
    assert got_threshold == threshold
    return expected, got


def _model() -> LineModel:
    model = load_model()
    assert model is not None
    return model


_PAGES = [
    news_page(),
    news_page(subheading=True),
    "\n".join(MENU + PARAGRAPHS + FOOTER),
    "\n".join(["OnlyOne", "x"]),
    "Solo line with a Capital and 2021-03-02 | pipe",
    "\n".join(
        [
            "Breaking NewsDetroitHoodline xMcDonaldTheBig end.The (12)",
            "3 hours ago",
            "The xAbCd story and aBcDe",
            "the end’Next story, kolęDa and tęSt",
            "Posted 2 Dec, 2021 11:07",
            "“Quoted” Élan Ünter straße 12 | 13 | 14 | 15",
            *PARAGRAPHS,
        ]
    ),
    # mostly ASCII (the bytes pass), with non-ASCII digits and capitals in a few lines
    "\n".join(
        [*PARAGRAPHS, "Prices rose ٣٤ percent in Élan² city, 12 | 3", "Ölpreis 2 3 𝐀lpha 𝟑", "x"]
    ),
]


def test_scores_equal_the_row_definition_on_sample_pages() -> None:
    model = _model()
    for page in _PAGES:
        for stop in (EN, frozenset()):
            expected, got = _both(page, model, stop)
            assert np.allclose(got, expected, rtol=0, atol=1e-12)


_WORD = st.one_of(
    st.sampled_from(["The", "minister", "said", "Share", "Home", "2021", "|", "ago", "3"]),
    st.text(alphabet="aAbBzZ09.:|?!'’“ÉéßДд中_-()", min_size=1, max_size=9),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORD, max_size=30).map(" ".join), min_size=1, max_size=25))
def test_scores_equal_the_row_definition_on_any_lines(raw: list[str]) -> None:
    expected, got = _both("\n".join(raw), _model())
    assert np.allclose(got, expected, rtol=0, atol=1e-12)


@given(
    st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=40),
    st.sampled_from([2, 3, 6, 10]),
)
def test_array_window_means_equal_the_list_ones(values: list[float], radius: int) -> None:
    got = window_means(np.array(values, dtype=np.float64), radius)
    assert np.allclose(got, _window_means(values, radius), rtol=0, atol=1e-12)
