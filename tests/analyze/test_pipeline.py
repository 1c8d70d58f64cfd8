"""The analyze pipeline: analyze_articles (Article -> Analysis) and code_texts (batch coding)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.analyze.pipeline import analyze_articles, analyze_with_drops, code_texts
from wirewatch.records import Article


def article(*paragraphs: str, published: str | None = "2021-12-02") -> Article:
    return Article(id="a1", source="test.txt", form="text", published=published,
                   body=tuple(paragraphs))


def test_analysis_has_events_with_body_offsets() -> None:
    art = article(
        "Iran rejected the European proposal on Thursday.",
        "Separately, Turkish police arrested twelve protesters in Ankara.",
    )
    (result,) = analyze_articles([art])
    assert result.article is art
    kinds = [e.type for e in result.events]
    assert kinds == ["REJECT", "COERCE"]
    body = art.body_text
    for event in result.events:
        assert body[event.start : event.end] == event.sentence
    assert result.events[0].date == "2021-12-02"
    assert {a.code for a in result.actors} >= {"IRN", "TUR"}


def test_event_in_a_direct_quote_is_attributed_to_the_speaker() -> None:
    art = article(
        '"Israel must withdraw from the occupied land," the Egyptian foreign minister said.'
    )
    (result,) = analyze_articles([art])
    assert result.quotes, "the quote stage should find the direct quote"
    assert result.events
    event = result.events[0]
    assert event.attribution is not None
    assert event.attribution.code == "EGY"


def test_outlet_voice_has_no_attribution() -> None:
    (result,) = analyze_articles([article("Russia deployed troops to the border.")])
    assert [e.type for e in result.events] == ["MOBILIZE"]
    assert result.events[0].attribution is None


def test_batch_keeps_order_and_handles_empty_bodies() -> None:
    arts = [article("Germany praised the agreement."), article(), article("China condemned it.")]
    results = analyze_articles(arts)
    assert [r.article for r in results] == arts
    assert results[1].events == ()
    assert [e.type for e in results[2].events] == ["ACCUSE"]


def test_code_texts_ids_offsets_and_prefilter() -> None:
    items = [
        ("x", "The weather was mild.", None),
        ("y", "Egypt accused Israel of violating the truce on Monday.", "2021-12-02"),
        ("z", "", None),
    ]
    out = list(code_texts(items))
    assert [i for i, _ in out] == ["y"]
    event = out[0][1]
    assert event.type == "ACCUSE"
    assert event.start == 0 and event.sentence == items[1][1]
    assert event.date == "2021-11-29"
    # Without the prefilter the same result: the skipped text had no trigger.
    assert [(i, e.type) for i, e in code_texts(items, prefilter=False)] == [("y", "ACCUSE")]


def test_code_texts_batches_give_the_same_events() -> None:
    items = [(str(n), f"Country {n}: Sudan condemned the raid.", None) for n in range(7)]
    small = [(i, e.type, e.start) for i, e in code_texts(items, batch_size=2)]
    large = [(i, e.type, e.start) for i, e in code_texts(items, batch_size=100)]
    assert small == large
    assert [i for i, _, _ in small] == [str(n) for n in range(7)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=200), max_size=3))
def test_no_text_raises(texts: list[str]) -> None:
    items = [(str(i), t, "2021-12-02") for i, t in enumerate(texts)]
    for item_id, event in code_texts(items, prefilter=False):
        text = texts[int(item_id)]
        assert 0 <= event.start <= event.end <= len(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "NATO refused to", "“", "”", '"', "attacked", "Russia", "will", "not", "alleged", "if",
    "talks", "with", "Ukraine", ",", ".", "said", "denied", "the", "buildup", "on Thursday",
]), max_size=25))
def test_news_like_word_salad_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    (result,) = analyze_articles([article(text)])
    for event in result.events:
        assert text[event.start : event.end] == event.sentence


def test_discarded_event_candidates_are_drops_with_reasons() -> None:
    (result,) = analyze_with_drops([article("Syria refused to release the prisoners.")])
    assert [e.type for e in result.analysis.events] == ["REJECT"]
    assert [d.reason for d in result.drops] == ["event.embedded"]
    assert "release" in result.drops[0].text
    # The same drops travel on the Analysis record, so `wirewatch run` stores them.
    (analysis,) = analyze_articles([article("Syria refused to release the prisoners.")])
    assert analysis.drops == result.drops


def test_very_long_bodies_are_truncated_with_a_drop(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.analyze import pipeline

    monkeypatch.setattr(pipeline, "MAX_ANALYZED_CHARS", 60)
    art = article("Iran rejected the European proposal on Thursday.", "Turkey condemned it. " * 20)
    (result,) = analyze_with_drops([art])
    assert [e.type for e in result.analysis.events] == ["REJECT"]
    assert "analysis.truncated" in {d.reason for d in result.drops}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
                min_size=1, max_size=3))
def test_any_body_analyses_with_valid_offsets(paragraphs: list[str]) -> None:
    art = article(*paragraphs)
    (result,) = analyze_articles([art])
    body = art.body_text
    for event in result.events:
        assert body[event.start : event.end] == event.sentence
    for quote in result.quotes:
        assert body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize("select", [True, False])
@pytest.mark.parametrize("ner", [True, False])
def test_names_from_either_source_give_the_same_speakers(ner: bool, select: bool) -> None:
    art = article(
        "Foreign Minister Sergey Lavrov accused NATO of rejecting Russia's proposals.",
        "“We are ready to respond,” NATO Secretary-General Jens Stoltenberg said in Riga. "
        "He asked Russia to be transparent about its military activities.",
    )
    (result,) = analyze_articles([art], ner=ner, select=select)
    speakers = {(q.speaker.name, q.speaker.code) for q in result.quotes if q.speaker}
    assert ("Jens Stoltenberg", "NATO") in speakers
    accuse = [e for e in result.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source[0].code == "RUS"
    request = [e for e in result.events if e.type == "REQUEST"]
    assert request and request[0].source[0].name == "Jens Stoltenberg"


def test_code_texts_with_either_names() -> None:
    items = [("1", "Turkish police arrested twelve protesters in Ankara.", None)]
    for ner in (True, False):
        ((item_id, event),) = list(code_texts(items, ner=ner))
        assert item_id == "1" and event.type == "COERCE"
        assert event.source[0].code == "TUR"
