"""wirewatch's layers around trafilatura (issue 10, item 4), on pages written for these tests:
repeated paragraphs stay, hidden text goes, in-sentence links keep their text, a short article
is flagged instead of skipped (navigation is not), and a blog post that trafilatura's precision
mode cuts after its first paragraph is recovered whole."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.html_layer_pages import (
    REFRAIN,
    UPDATE,
    blog_cut_page,
    hidden_page,
    hidden_slides_page,
    hidden_wrapper_page,
    linked_page,
    navigation_page,
    refrain_page,
    short_page,
)
from tests.extract.html_sample import news_html
from wirewatch.errors import NoArticleError
from wirewatch.extract.html.article import extract_body_text, extract_html_page
from wirewatch.extract.html.prepare import restore_repeats
from wirewatch.records import Article, Page


def _extract(html: str) -> Article:
    return extract_html_page(Page(source="page.html", form="html", content=html))


def test_identical_repeated_paragraphs_stay() -> None:
    html, body = refrain_page()
    article = _extract(html)
    assert list(article.body) == body
    assert article.body.count(REFRAIN) == 3 and article.body.count(UPDATE) == 2
    assert extract_body_text(html).split("\n").count(REFRAIN) == 3


def test_hidden_text_goes_with_a_reason() -> None:
    html, body, hidden = hidden_page()
    article = _extract(html)
    assert list(article.body) == body
    dropped = " ".join(d.text for d in article.drops if d.reason == "html.hidden")
    for sentence in hidden:
        assert sentence not in article.body_text
        assert sentence in dropped
    assert not any(s in extract_body_text(html) for s in hidden)


def test_a_hidden_wrapper_around_the_whole_article_is_not_hiding_it() -> None:
    html, body = hidden_wrapper_page()
    assert list(_extract(html).body) == body


def test_hidden_slides_that_are_most_of_the_page_stay() -> None:
    html, body = hidden_slides_page()
    article = _extract(html)
    assert list(article.body[-len(body):]) == body
    assert not any(d.reason == "html.hidden" for d in article.drops)


def test_in_sentence_links_keep_their_text() -> None:
    html, body = linked_page()
    assert list(_extract(html).body) == body


def test_a_short_real_article_is_flagged_not_skipped() -> None:
    html, sentence = short_page()
    article = _extract(html)
    assert article.short
    assert article.body == (sentence,)
    assert article.title == "Islanders vote today"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Too short to be news.</p></body></html>",
        "<html><head><title>Notice</title></head><body><article><h1>Notice</h1>"
        "<p>The office is closed on Monday.</p></article></body></html>",
    ],
)
def test_one_short_sentence_is_a_short_article(html: str) -> None:
    article = _extract(html)
    assert article.short and len(article.body) == 1


def test_a_full_article_is_not_short() -> None:
    assert not _extract(news_html()).short


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        (navigation_page(), "link_text"),
        (
            "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
            "<a href='/a'>About</a></nav><footer>(c) 2024</footer></body></html>",
            "link_text",
        ),
        (
            "<html><body><main><div>Weather</div><div>Traffic</div><div>Tide times</div>"
            "</main></body></html>",
            "no_sentence",
        ),
    ],
)
def test_navigation_is_not_an_article_and_says_which_class(html: str, kind: str) -> None:
    with pytest.raises(NoArticleError) as caught:
        _extract(html)
    assert caught.value.reason == "no_article"
    assert f"navigation.{kind}" in caught.value.detail


def test_the_blog_page_reproduces_trafilaturas_precision_cut() -> None:
    """The page is a real case of the behaviour: trafilatura's precision mode loses the text
    that follows an empty element (it prunes empty elements with their tails)."""
    import trafilatura

    html, body = blog_cut_page()
    precise = trafilatura.extract(html, favor_precision=True) or ""
    assert body[0] in precise
    assert not any(paragraph in precise for paragraph in body[1:])


def test_a_blog_post_cut_by_precision_mode_is_recovered() -> None:
    html, body = blog_cut_page()
    assert list(_extract(html).body) == body
    assert extract_body_text(html).split("\n") == body


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=12),
    st.dictionaries(st.sampled_from(["a", "b", "c"]), st.lists(st.integers(1, 4), max_size=3)),
)
def test_restored_runs_keep_order_and_take_the_pages_counts(
    paragraphs: list[str], repeats: dict[str, list[int]]
) -> None:
    out = restore_repeats(paragraphs, repeats)
    runs_in = [(k, len(list(g))) for k, g in itertools.groupby(paragraphs)]
    runs_out = [(k, len(list(g))) for k, g in itertools.groupby(out)]
    assert [k for k, _ in runs_out] == [k for k, _ in runs_in]  # same paragraphs, same order
    pending = {key: list(lengths) for key, lengths in repeats.items()}
    for (key, before), (_, after) in zip(runs_in, runs_out, strict=True):
        page = pending.get(key, [])
        assert after == max(before, page.pop(0) if page else 0)
