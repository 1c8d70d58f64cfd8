"""The scraped-text cleaner end to end: invariants, drops, identity, and a sample of real pages."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.text_pages import PARAGRAPHS, news_page
from wirewatch.errors import NoArticleError
from wirewatch.extract.text.clean import clean_text_page, page_language
from wirewatch.records import Article, Page


def clean(text: str, source: str = "t.txt") -> Article:
    return clean_text_page(Page(source=source, form="text", content=text))


def test_body_and_drops_account_for_every_line() -> None:
    text = news_page()
    article = clean(text)
    non_empty = [i for i, ln in enumerate(text.splitlines()) if ln.strip()]
    dropped = [d.line for d in article.drops]
    assert len(dropped) == len(set(dropped))
    assert len(dropped) + len(article.body) == len(non_empty)
    assert all(re.fullmatch(r"[a-z]+\.[a-z_]+", d.reason) for d in article.drops)
    assert article.body == tuple(PARAGRAPHS)


def test_id_is_stable_across_formatting_and_depends_on_source() -> None:
    text = news_page()
    a = clean(text)
    b = clean(text.replace("\n\n", "\n").replace(" the ", "  the "))
    assert a.id == b.id
    assert clean(text, source="other.txt").id != a.id


def test_windows_line_ends_and_date_line() -> None:
    text = "date 2021-03-04 junk icons\r\n" + news_page().replace("\n", "\r\n")
    article = clean(text)
    assert article.body == tuple(PARAGRAPHS)
    assert article.drops[0].reason == "meta.date_line"


def test_page_url_is_kept() -> None:
    page = Page(source="x", form="text", content=news_page(), url="https://example.org/a")
    assert clean_text_page(page).url == "https://example.org/a"


def test_language_guess() -> None:
    assert page_language(news_page()) == "en"
    german = "Die Minister der beiden Länder haben sich am Dienstag in Wien getroffen, um " * 3
    assert page_language(german) == "de"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=30))
def test_any_text_gives_an_article_or_no_article(raw: list[str]) -> None:
    text = "\n".join(raw)
    try:
        article = clean(text)
    except NoArticleError as error:
        assert error.reason == "no_body"
        return
    # a paragraph is a line, part of one, or adjacent lines joined (extract/text/reflow.py)
    flowing = " ".join(" ".join(ln.split()) for ln in text.splitlines() if ln.strip())
    assert article.body
    for paragraph in article.body:
        assert paragraph in flowing or paragraph.replace(" ", "") in flowing.replace(" ", "")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*PARAGRAPHS, "Share", "Home", "Menu", "© 2020 X"]), unique=True))
def test_kept_paragraphs_keep_their_order(raw: list[str]) -> None:
    try:
        article = clean("\n".join(raw))
    except NoArticleError:
        return
    positions = [raw.index(p) for p in article.body]
    assert positions == sorted(positions)


SAMPLE = 6  # a small sample of real pages here; the whole corpus runs in bench/bench_text.py


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return {tuple(tokens[i : i + 4]) for i in range(max(0, len(tokens) - 3))}


def test_real_pages_rendered_to_text(corpora: Path) -> None:
    inscriptis = pytest.importorskip("inscriptis")
    aeb = corpora / "aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:: max(1, len(truth) // SAMPLE)][:SAMPLE]
    f1s = []
    for doc_id in ids:
        with gzip.open(aeb / "html" / f"{doc_id}.html.gz", "rb") as handle:
            html = handle.read().decode("utf-8", errors="replace")
        text = inscriptis.get_text(html)
        try:
            body = clean(text, source=doc_id).body_text
        except NoArticleError:
            body = ""
        pred, gold = _shingles(body), _shingles(truth[doc_id]["articleBody"])
        tp = len(pred & gold)
        f1s.append(2 * tp / (len(pred) + len(gold)) if pred or gold else 1.0)
        assert "cookie" not in body.lower()[-300:]
    assert sum(f1s) / len(f1s) > 0.75


def test_zero_width_characters_do_not_make_lines() -> None:
    text = news_page().replace("\n\n", "\n\u200b\n")
    article = clean(text)
    assert article.body == tuple(PARAGRAPHS)
    assert all("\u200b" not in d.text for d in article.drops)


def test_single_paragraph_article() -> None:
    paragraph = " ".join(PARAGRAPHS)
    text = "\n".join(["Home", "News", "Share", paragraph, "Accept cookies"])
    assert clean(text).body == (paragraph,)
