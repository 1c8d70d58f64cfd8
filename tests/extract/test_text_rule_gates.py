"""Gates in front of the cleaner's rules (dates, captions, credits, icons, bylines, chrome)
never change what the ungated rule finds."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import groupby

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_text_marks_and_drops import _MARKED_LINE
from tests.extract.test_text_tokens_and_runs import regex_tokens
from tests.extract.text_pages import FOOTER, MENU, PARAGRAPHS
from wirewatch.errors import NoArticleError
from wirewatch.extract.text.body import (
    BodyOptions,
    _runs,
    classify,
    classify_lines,
    select_body,
)
from wirewatch.extract.text.captions import (
    _CREDIT,
    _CREDIT_WORDS,
    _FOLDED,
    _agency_cores,
    _credit_tail,
    _may_be_caption,
    caption_cues,
    split_caption,
)
from wirewatch.extract.text.chrome import (
    _icon_lines,
    chrome_reason,
    chrome_reasons,
    icon_words,
    mark_chrome,
)
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.extract.text.dates import _PATTERNS, _iso, find_date
from wirewatch.extract.text.lines import (
    _BULLET,
    _NON_WORD_MARKS,
    Line,
    _line_tokens,
    build_lines,
    build_page,
    holds_any,
    line_columns,
    make_lines,
    stopwords,
)
from wirewatch.extract.text.meta import find_meta
from wirewatch.extract.text.names import BYLINE_FIRSTS, parse_byline
from wirewatch.extract.text.scores import window_means, window_means_pair
from wirewatch.records import Page

_PAGE = ["Example Daily", *MENU, "Talks on the border crossing resume", *PARAGRAPHS, *FOOTER]
_CHROME_LINES = [
    *_PAGE,
    "",
    "12 comments",
    "View 3 comments",
    "Share on Facebook",
    "Sign up for our newsletter to get the best stories every morning in your inbox now",
    "bookmarkicon chevron downicon arrowicon",
    "Ministers meet again in Geneva COLOMBO: Newly-elected officials said",
    "Copyright (c) 2021 Example Daily",
    "العربيةespрусdefr",
    "This site uses cookies. By browsing the website you consent to our use of cookies.",
]


@given(
    st.lists(st.floats(-5, 5, allow_nan=False), max_size=40),
    st.integers(1, 4),
    st.integers(0, 8),
)
def test_window_means_pair_is_two_window_means(
    values: list[float], small: int, extra: int
) -> None:
    array = np.array(values, dtype=np.float64)
    got_small, got_large = window_means_pair(array, small, small + extra)
    # the same sums in another order: equal to rounding, never compared bit for bit
    assert np.allclose(got_small, window_means(array, small), rtol=1e-12, atol=1e-12)
    assert np.allclose(got_large, window_means(array, small + extra), rtol=1e-12, atol=1e-12)


def test_chrome_reasons_are_each_lines_chrome_reason() -> None:
    lines = make_lines(list(enumerate(_CHROME_LINES)), stopwords()["en"])
    for icons in (True, False):
        got = chrome_reasons(lines, icons=icons)
        assert got == [chrome_reason(line, icons=icons) for line in lines]
    assert {"chrome.comments", "chrome.icons", "chrome.teaser", "chrome.language"} <= set(
        chrome_reasons(lines)
    )


@given(
    st.text(alphabet=st.sampled_from("aIiTtHhSsNn İΣσ©()[]1.x"), max_size=14),
    st.sampled_from([((), ()), (("photo",), ()), ((), ("AP",)), (("image",), ("Reuters",))]),
)
def test_caption_pretest_matches_its_definition(
    text: str, cues: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    words, agencies = cues
    low = text.lower()
    expected = (
        "©" in text
        or text[-1:] in ")]"
        or text[:1].isdigit()
        or low.startswith(("in this ", "this "))
        or any(w in low for w in words)
        or any(name in text for name in agencies)
    )
    assert _may_be_caption(text, cues) == expected


def _marked(raw: list[str]) -> list[Line]:
    lines = make_lines(list(enumerate(raw)), stopwords()["en"])
    mark_chrome(lines)
    return lines


def test_shared_columns_change_nothing() -> None:
    raw = [*_PAGE, "Talks on the border crossing resume", *MENU]
    plain = _marked(raw)
    shared = _marked(raw)
    columns = line_columns(shared)
    counts = columns.key_counts
    assert counts == Counter(line.key for line in shared)
    keep, region = select_body(plain, True)
    assert select_body(shared, True, None, columns) == (keep, region)
    assert [(ln.label, ln.score) for ln in plain] == [(ln.label, ln.score) for ln in shared]
    meta = find_meta(plain, keep[0], None, body_end=keep[-1] + 1)
    assert meta == find_meta(shared, keep[0], None, body_end=keep[-1] + 1, key_counts=counts)
    assert "meta.title_repeat" in meta.taken.values()


def test_the_cleaner_still_reads_the_sample_page() -> None:
    page = Page(source="p.txt", form="text", content="\n".join(_PAGE))
    article = clean_text_page(page)
    assert article.body[0] == PARAGRAPHS[0]
    assert article.title == "Talks on the border crossing resume"


def test_a_page_of_list_markers_alone_has_no_article() -> None:
    # the only non-chrome line's text is empty: the byte counts have no byte to count
    for marker in ("·", "*", "  •  "):
        try:
            clean_text_page(Page(source="m.txt", form="text", content=marker))
        except NoArticleError as error:
            assert error.reason == "no_body"
        else:
            raise AssertionError("a lone list marker gave an article")


def test_no_character_lowers_to_a_mark() -> None:
    # _line_tokens looks only for the marks of the page: lowering a line must not make one
    marks = set(_NON_WORD_MARKS)
    made = [
        ch
        for ch in map(chr, range(0x110000))
        if ch not in marks and not marks.isdisjoint(ch.lower())
    ]
    assert made == []


@given(st.lists(st.sampled_from(["Σ’Α", "ΟΣ—", "İé”x", "a©b", "ÉTÉ…", "Grüße »x«"]), max_size=6))
def test_line_tokens_with_the_page_marks_equal_all_marks(parts: list[str]) -> None:
    raw = " ".join(parts)
    present = [mark for mark in _NON_WORD_MARKS if mark in raw]
    assert _line_tokens(raw, present) == _line_tokens(raw) == regex_tokens(raw)


def _find_date_ungated(text: str) -> tuple[str, int, int] | None:
    """``find_date`` as it was: every pattern searched."""
    if "19" not in text and "20" not in text:
        return None
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso is not None and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


@given(
    st.lists(
        st.sampled_from(
            ["2021", "1999", "12", "3", "-", ".", "/", " ", "Dec", "march", "at", "9:40", "pm", "x"]
        ),
        max_size=12,
    )
)
def test_find_date_skips_only_patterns_that_cannot_match(parts: list[str]) -> None:
    text = "".join(parts)
    assert find_date(text) == _find_date_ungated(text)


def _classify_reference(line: Line, has_stopwords: bool, opts: BodyOptions) -> str:
    """``classify`` as it was written before the one-loop form."""

    def prose(threshold: float) -> bool:
        if has_stopwords:
            return line.stop_ratio >= threshold
        return line.sentences >= 1 and line.sentence_end

    if line.chrome is not None or line.meta is not None:
        return "bad"
    if line.length < opts.length_low:
        return "short"
    if line.length >= opts.length_high and prose(opts.stop_high):
        return "good"
    if prose(opts.stop_low):
        return "near"
    if line.bullet or not line.sentence_end:
        return "bad"
    return "near" if line.sentences >= 2 else "bad"


_LINES = st.builds(
    Line,
    index=st.just(0),
    raw=st.just("x"),
    text=st.just("x"),
    key=st.just("x"),
    bullet=st.booleans(),
    words=st.integers(0, 50),
    length=st.sampled_from([0, 20, 69, 70, 71, 150, 199, 200, 201, 500]),
    stop_ratio=st.sampled_from([0.0, 0.1, 0.22, 0.24, 0.26, 0.5]),
    sentence_end=st.booleans(),
    sentences=st.integers(0, 3),
    chrome=st.sampled_from([None, "chrome.nav"]),
    meta=st.sampled_from([None, None, "meta.title"]),
)


@given(st.lists(_LINES, max_size=12), st.booleans())
def test_classify_lines_is_the_definition_line_by_line(lines: list[Line], stop: bool) -> None:
    opts = BodyOptions()
    expected = [_classify_reference(line, stop, opts) for line in lines]
    assert classify_lines(lines, stop, opts) == expected
    assert [classify(line, stop, opts) for line in lines] == expected


@given(
    st.lists(
        st.sampled_from(["icon", "bicon", "svg", "x", "arrow", "narrow", "car", "et"]), max_size=8
    )
)
def test_icon_lines_are_the_keys_with_an_icon_word(parts: list[str]) -> None:
    keys = [" ".join(parts[i:]) for i in range(len(parts))] + ["", "chevroncaret"]
    expected = {pos for pos, key in enumerate(keys) if any(w in key for w in icon_words())}
    assert _icon_lines(keys) == expected


def test_chrome_reasons_with_icon_positions_equal_the_plain_test() -> None:
    lines = make_lines(list(enumerate(_CHROME_LINES)), stopwords()["en"])
    positions = _icon_lines([line.key for line in lines])
    assert positions
    assert chrome_reasons(lines, icons=positions) == chrome_reasons(lines, icons=True)


def test_byline_firsts_hold_every_first_character_the_regex_takes() -> None:
    initials = {word[0] for word in ("by", "written", "words", "story", "posted", "authored")}
    initials |= {"a", "v", "p", "d"}  # author, von, par/por, di
    first = re.compile(f"[{''.join(sorted(initials))}]", re.IGNORECASE)
    taken = {ch for ch in map(chr, range(0x110000)) if first.fullmatch(ch)}
    assert taken == set(BYLINE_FIRSTS)
    assert parse_byline("  By Jane Roe") == ("Jane Roe",)
    assert parse_byline("ſtory by Jane Roe") == parse_byline("story by Jane Roe")


@given(st.lists(_MARKED_LINE, min_size=1, max_size=8))
def test_build_page_columns_are_the_lines_columns(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip()]
    lines, tokens, columns = build_page(numbered)
    assert columns == line_columns(lines)
    assert build_lines(numbered) == (lines, tokens)


def test_credit_words_survive_ascii_only_lowering() -> None:
    # caption_cues lowers A-Z only: right while no other character lowers to an ASCII letter a
    # credit word needs
    lowering_to_ascii = {
        ch for ch in map(chr, range(128, 0x110000)) if any(ord(c) < 128 for c in ch.lower())
    }
    assert lowering_to_ascii == {"\u0130", "\u212a"}  # İ and the Kelvin sign
    assert not any("k" in w or w.endswith("i") for w in _CREDIT_WORDS)


@given(st.text(alphabet=st.sampled_from("PHOTOimagecrditsu(C) \u0130\u212aΣé’\n"), max_size=30))
def test_caption_cues_equal_a_search_of_the_lowered_text(text: str) -> None:
    low = text.lower()
    words, agencies = caption_cues(text)
    assert words == tuple(w for w in _CREDIT_WORDS if w in low)
    assert agencies == tuple(name for name in _agency_cores() if name in text)


_CONTROL_LINE = st.text(alphabet=st.sampled_from("ab  .\t\x1f\x7f\x00\x0c’é\u00a0"), max_size=16)


@given(st.lists(_CONTROL_LINE, min_size=1, max_size=6))
def test_texts_collapse_whitespace_with_control_characters_anywhere(raw: list[str]) -> None:
    numbered = [(i, r) for i, r in enumerate(raw) if r.strip()]
    for line in build_lines(numbered)[0]:
        marker = _BULLET.match(line.raw)
        rest = line.raw[marker.end() :] if marker else line.raw
        assert line.text == " ".join(rest.split())


@given(st.binary(max_size=40), st.binary(max_size=6))
def test_holds_any_is_a_nonempty_delete_translate(data: bytes, values: bytes) -> None:
    others = bytes(b for b in range(256) if b not in values)
    assert holds_any(data, values) == bool(data.translate(None, others))


@given(
    st.lists(st.text(alphabet=st.sampled_from("ae\u0301\u0300\u00e9\n x\u0327c\u1e09"), max_size=6))
)
def test_nfc_holds_for_a_page_when_it_holds_for_each_line(lines: list[str]) -> None:
    joined = "\n".join(lines)
    per_line = all(unicodedata.is_normalized("NFC", line) for line in joined.split("\n"))
    assert unicodedata.is_normalized("NFC", joined) == per_line


def test_the_credit_gate_knows_every_case_folded_letter() -> None:
    letters = sorted(set("".join(_CREDIT_WORDS)) - set("()"))
    folded = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    taken = {ch for ch in map(chr, range(0x110000)) if folded.fullmatch(ch)}
    plain = {ch for ch in taken if ch.lower() in letters}
    assert taken - plain == set(_FOLDED)


def _split_caption_ungated(text: str) -> tuple[str, str] | None:
    match = _CREDIT.search(text) or _credit_tail().search(text)
    if not match:
        return None
    credit = match.group("credit").strip(" .()[]")
    caption = text[: match.start()].strip(" |-–—()[]")
    if not credit or len(credit.split()) > 12:
        return None
    return caption, credit


_CAPTION_PARTS = [
    "Photo: ",
    "PHOTO by ",
    "(C) ",
    "© ",
    "Jane Roe",
    " (AP)",
    "Reuters",
    "ſource: ",
    "İmage: ",
    "x",
    "PARIS",
    " ",
    "/",
    "Getty Images",
    "[AFP]",
]


@given(st.lists(st.sampled_from(_CAPTION_PARTS), max_size=6))
def test_split_caption_gates_change_nothing(parts: list[str]) -> None:
    text = "".join(parts)
    assert split_caption(text) == _split_caption_ungated(text)


@given(st.lists(st.sampled_from(["good", "bad", "near", "short"]), max_size=20))
def test_runs_are_the_groups_of_equal_labels(labels: list[str]) -> None:
    expected, start = [], 0
    for label, group in groupby(labels):
        size = len(list(group))
        expected.append((label, start, start + size))
        start += size
    assert _runs(labels) == expected
