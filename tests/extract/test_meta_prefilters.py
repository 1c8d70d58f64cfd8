"""The metadata rules' pre-filters (dates, caption cues) never hide a match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.extract.text.meta import _BREADCRUMB, _CRUMB_FIRSTS, _SEGMENT


def test_breadcrumb_first_characters_cover_every_match() -> None:
    # IGNORECASE equivalences of h, s, a, i all lie below U+3000 (İ ı ſ K among them)
    for code in range(0x3000):
        first = chr(code)
        for rest in ("ome page x", "ome x", "tart x", "tartseite x", "ccueil x", "nicio x"):
            if _BREADCRUMB.match(first + rest):
                assert first in _CRUMB_FIRSTS, hex(code)


@given(st.text(alphabet="ab |•·\u00a0\t", max_size=30))
def test_segments_need_one_of_their_separators(text: str) -> None:
    if "•" not in text and "·" not in text and "|" not in text:
        assert _SEGMENT.split(text) == [text]
