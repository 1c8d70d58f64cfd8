"""Quote marks, drops built by columns, digit and sentence counts: bulk forms equal their
plain definitions."""

from __future__ import annotations

import re
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_text_tokens_and_runs import regex_tokens
from tests.extract.text_pages import FOOTER, PARAGRAPHS
from wirewatch.extract.text.chrome import (
    _GLUED_DATELINE,
    _may_be_dateline,
)
from wirewatch.extract.text.clean import clean_text_page, new_drops
from wirewatch.extract.text.lines import (
    _BULLET,
    _NON_WORD_MARKS,
    _SENT_MARK,
    _sentence_counts,
    build_lines,
)
from wirewatch.extract.text.scores import DIGIT_LEADS
from wirewatch.records import Drop, Page

_MARKED_LINE = st.text(
    alphabet=st.sampled_from(f"aZ09 _-.,'é²٣ßİΣΑσ\u212a*•1\u00a0\t|{_NON_WORD_MARKS}"),
    min_size=1,
    max_size=40,
)


def test_the_marks_are_separators() -> None:
    assert not any(ch.isalnum() or ch == "_" for ch in _NON_WORD_MARKS)
    assert _NON_WORD_MARKS.lower() == _NON_WORD_MARKS


@given(st.lists(_MARKED_LINE, min_size=1, max_size=8))
def test_marks_replaced_before_splitting_give_the_regex_tokens(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip()]
    lines, tokens = build_lines(numbered)
    for line, words in zip(lines, tokens, strict=True):
        assert words == regex_tokens(line.raw)
        marker = _BULLET.match(line.raw)
        rest = line.raw[marker.end() :] if marker else line.raw
        assert line.text == " ".join(rest.split())
        assert line.bullet == (marker is not None)


def test_drop_is_still_three_plain_fields() -> None:
    assert [f.name for f in fields(Drop)] == ["reason", "text", "line"]
    assert not hasattr(Drop, "__post_init__")


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=20), st.integers(-1, 10**6))))
def test_drops_built_by_columns_equal_constructed_drops(rows: list[tuple[str, str, int]]) -> None:
    built = new_drops([r for r, _, _ in rows], [t for _, t, _ in rows], [n for _, _, n in rows])
    assert built == [Drop(r, t, n) for r, t, n in rows]
    assert all(type(d) is Drop and hash(d) == hash(Drop(d.reason, d.text, d.line)) for d in built)


def test_digit_leads_are_the_lead_bytes_of_every_non_ascii_digit() -> None:
    digit = re.compile(r"\d")
    leads = {
        chr(c).encode("utf-8")[0]
        for c in range(128, 0x110000)
        if not 0xD800 <= c < 0xE000 and digit.match(chr(c))
    }
    assert leads == set(DIGIT_LEADS)


_MARK_TEXT = st.text(alphabet=st.sampled_from(". !?a\"')”’»“é\u00a0\x00。"), max_size=30)


@given(st.lists(_MARK_TEXT, min_size=1, max_size=8))
def test_sentence_counts_from_bytes_equal_the_regex(raw: list[str]) -> None:
    texts = [" ".join(t.split()) for t in raw]  # texts are single-spaced
    expected = [len(_SENT_MARK.findall(t)) for t in texts]
    assert _sentence_counts(texts) == expected
    cjk_free = [t.replace("。", "") for t in texts]
    assert _sentence_counts(cjk_free) == [len(_SENT_MARK.findall(t)) for t in cjk_free]


@given(
    st.lists(
        st.sampled_from(["", " ", "Home", "Share this", "date 2021-03-04", "x" * 90]), max_size=12
    )
)
def test_drops_come_in_line_order_without_a_sort(extra: list[str]) -> None:
    page = "\n".join(["date 2021-03-04", *extra, *PARAGRAPHS, *extra, *FOOTER])
    article = clean_text_page(Page(source="p.txt", form="text", content=page))
    numbers = [drop.line for drop in article.drops]
    assert numbers == sorted(numbers)


def test_no_upper_case_letter_has_lead_e2_then_80_or_81() -> None:
    assert not [c for c in range(0x2000, 0x2080) if chr(c).isupper()]
    assert {chr(c).encode()[:2] for c in range(0x2000, 0x2080)} == {b"\xe2\x80", b"\xe2\x81"}


@given(st.text(alphabet="aA Z.'-:\u00a0xY", max_size=40))
def test_dateline_prefilter_never_hides_a_match(text: str) -> None:
    if _GLUED_DATELINE.search(text) is not None:
        assert _may_be_dateline(text)
