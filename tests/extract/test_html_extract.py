"""The HTML extractor on a page we wrote, on edge cases, and on a sample of the public corpora."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.extract.html_sample import PARAGRAPHS, SITE, TITLE, news_html
from wirewatch.errors import NoArticleError
from wirewatch.extract.html.article import (
    EXTRACTOR,
    HtmlOptions,
    extract_body_text,
    extract_html_page,
    parse_html,
    run_trafilatura,
)
from wirewatch.ids import article_id
from wirewatch.records import Article, Page


def _page(html: str, **kwargs: str) -> Page:
    return Page(source="herald.html", form="html", content=html, **kwargs)


@pytest.fixture(scope="module")
def article() -> Article:
    return extract_html_page(_page(news_html()))


def test_body_is_exactly_the_article_paragraphs(article: Article) -> None:
    assert article.body == PARAGRAPHS
    text = article.body_text
    for chrome in (
        "Sign in",
        "reader comment",
        "All rights reserved",
        "Cookie settings",
        "Ceasefire holds",
    ):
        assert chrome not in text


def test_metadata_fields(article: Article) -> None:
    assert article.title == TITLE  # the "| site" suffix of <title> is gone
    assert article.site == SITE
    assert article.authors == ("Dana Example",)
    assert article.published == "2024-03-05T18:42:00"
    assert article.section == "World"
    assert article.language == "en"
    assert article.url == "https://herald.example.org/world/border-talks"
    assert article.image_caption == "Delegates arrive for the talks in Vienna."
    assert article.image_credit == "Example Wire / A. Photographer"
    assert "Ceasefire holds for a third week despite sporadic shelling" in article.related
    assert article.extractor == EXTRACTOR
    assert article.form == "html" and article.source == "herald.html"
    assert article.id == article_id("herald.html", article.body_text)


def test_page_fields_win_or_fill() -> None:
    html = news_html().replace(
        '<meta property="article:published_time" content="2024-03-05T18:42:00+00:00">', ""
    )
    html = html.replace('<time datetime="2024-03-05T18:42:00+00:00">5 March 2024</time>', "")
    html = html.replace("© 2024", "©")  # else htmldate guesses 2024-01-01 from the copyright
    article = extract_html_page(
        _page(html, url="https://mirror.example.net/x", date_hint="2024-03-07")
    )
    assert article.url == "https://mirror.example.net/x"
    assert article.published == "2024-03-07"  # the hint fills a date the page does not give


def test_title_repeated_as_first_paragraph_is_a_drop() -> None:
    html = news_html().replace("<article>", f"<article><p>{TITLE}</p>", 1)
    article = extract_html_page(_page(html))
    assert article.body[0] == PARAGRAPHS[0]
    assert any(d.reason == "html.title_repeat" and d.text == TITLE for d in article.drops)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/a'>About</a></nav><footer>(c) 2024</footer></body></html>",
        "<html><body></body></html>",
        "not markup at all",
    ],
)
def test_pages_without_an_article(html: str) -> None:
    with pytest.raises(NoArticleError) as caught:
        extract_html_page(_page(html))
    assert caught.value.reason == "no_article"


def test_short_first_pass_is_rescued_by_the_fallbacks() -> None:
    # Prose in bare <div>s, no <p>: trafilatura's fast pass finds little, the fallback finds it.
    prose = " ".join(PARAGRAPHS)
    html = (
        f"<html><body><div class='x'><div>{prose}</div></div>"
        "<div><a href='/'>Home</a></div></body></html>"
    )
    plain = HtmlOptions(with_metadata=False)
    fast_only = run_trafilatura(parse_html(html), options=replace(plain, rescue_below=0))
    assert len(fast_only.text) < plain.rescue_below and not fast_only.rescued
    result = run_trafilatura(parse_html(html), options=plain)
    assert result.rescued
    assert "Foreign ministers from twelve countries" in result.text
    assert "released by the organisers" in result.text


def test_options_change_what_trafilatura_keeps() -> None:
    table = (
        "<table><tr><th>Country</th><th>Observers pledged</th></tr>"
        "<tr><td>Examplestan</td><td>Four hundred and twenty</td></tr></table>"
    )
    html = news_html().replace(f"<p>{PARAGRAPHS[3]}</p>", f"<p>{PARAGRAPHS[3]}</p>{table}")
    assert "Four hundred and twenty" in extract_body_text(html)
    without = extract_body_text(html, options=HtmlOptions(include_tables=False))
    assert "Four hundred and twenty" not in without
    assert PARAGRAPHS[3] in without


def test_comments_never_reach_the_body() -> None:
    for include in (False, True):
        text = extract_body_text(news_html(), options=HtmlOptions(include_comments=include))
        assert "reader comment" not in text


def _aeb_sample(corpora: Path, count: int) -> list[tuple[str, str]]:
    truth = json.loads((corpora / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:count]
    return [
        (
            gzip.decompress((corpora / "aeb" / "html" / f"{i}.html.gz").read_bytes()).decode(
                "utf-8"
            ),
            truth[i]["articleBody"],
        )
        for i in ids
    ]


def test_aeb_sample_bodies_match_the_truth(corpora: Path) -> None:
    """A small slice of the benchmark (the whole set is bench/bench_html.py)."""
    precision, recall = [], []
    for html, truth in _aeb_sample(corpora, 8):
        got = set(extract_html_page(_page(html)).body_text.split())
        want = set(truth.split())
        precision.append(len(got & want) / len(got))
        recall.append(len(got & want) / len(want))
    assert sum(precision) / len(precision) > 0.9
    assert sum(recall) / len(recall) > 0.9
    assert min(precision + recall) > 0.7


def test_trafilatura_eval_snippets(corpora: Path) -> None:
    from wirewatch.read import read_path

    root = corpora / "trafilatura-eval-en"
    data = json.loads((root / "evaldata-en.json").read_text(encoding="utf-8"))
    found = missing = 0
    for item in list(data.values())[:8]:
        (page,) = list(read_path(root / "pages" / item["file"]))
        assert isinstance(page, Page)
        body = " ".join(extract_html_page(page).body_text.split())
        for snippet in item["with"]:
            if " ".join(snippet.split()) in body:
                found += 1
            else:
                missing += 1
    assert found / (found + missing) > 0.75


def test_a_short_article_keeps_its_paragraphs_and_no_byline() -> None:
    # A short body goes through the rescue passes; trafilatura's balanced mode returns the same
    # text with headline, byline and time glued into one line, which must not replace it.
    paragraphs = [
        "China pledged to buy more Russian oil on Thursday under a new long-term contract.",
        "The contract runs for ten years and covers deliveries by pipeline and sea.",
        "Energy analysts said prices were not disclosed.",
    ]
    html = (
        "<html><head><title>China pledges oil purchases | Ledger</title></head><body><article>"
        "<h1>China pledges oil purchases</h1><p class='byline'>By Sam Reyes</p>"
        "<time datetime='2024-03-28T15:32:00Z'>28 March 2024, 15:32 UTC</time>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    article = extract_html_page(Page(source="short.html", form="html", content=html))
    assert list(article.body) == paragraphs
