"""Quotes with speakers: the seed's quotes, odd quote marks, pronoun and title speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.marks import marked_spans
from wirewatch.analyze.nlp.load import parse
from wirewatch.analyze.quotes.find import find_quotes
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.records import Article, Page, Quote


def quotes_of(body: str) -> tuple[Quote, ...]:
    doc = parse(body)
    return find_quotes(doc, ArticleActors.from_doc(doc))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[Article, tuple[Quote, ...]]:
    page = Page(source=str(seed_path), form="text", content=seed_path.read_text(encoding="utf-8"))
    article = clean_text_page(page)
    return article, quotes_of(article.body_text)


def _one(quotes: tuple[Quote, ...], kind: str, snippet: str) -> Quote:
    hits = [q for q in quotes if q.kind == kind and snippet in q.text]
    assert len(hits) == 1, (kind, snippet, quotes)
    return hits[0]


def test_seed_offsets_index_the_body(seed: tuple[Article, tuple[Quote, ...]]) -> None:
    article, quotes = seed
    assert quotes
    for quote in quotes:
        assert article.body_text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("snippet", "name"),
    [
        ("NATO refuses to consider our proposals", "Sergey Lavrov"),
        ("On the contrary, the alliance's military infrastructure", "Sergey Lavrov"),
        ("We have to be clear-eyed", "Jens Stoltenberg"),
        ("We know that Russia has been willing", "Jens Stoltenberg"),  # after "he said."
    ],
)
def test_seed_direct_quotes_and_speakers(
    seed: tuple[Article, tuple[Quote, ...]], snippet: str, name: str
) -> None:
    quote = _one(seed[1], "direct", snippet)
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.sector == "GOV"
    assert quote.speaker.code == ("RUS" if name == "Sergey Lavrov" else "NATO")


def test_seed_has_exactly_four_direct_quotes(seed: tuple[Article, tuple[Quote, ...]]) -> None:
    assert len([q for q in seed[1] if q.kind == "direct"]) == 4


@pytest.mark.parametrize(
    ("snippet", "cue", "name"),
    [
        (
            "Europe may be returning to a situation of military confrontation",
            "claimed",
            "Sergey Lavrov",
        ),
        ("Moscow wants to improve", "emphasized", "Sergey Lavrov"),
        ("Moscow is planning an", "claimed", "Western media outlets"),
    ],
)
def test_seed_reported_speech(
    seed: tuple[Article, tuple[Quote, ...]], snippet: str, cue: str, name: str
) -> None:
    quote = _one(seed[1], "indirect", snippet)
    assert quote.cue == cue
    assert quote.speaker is not None
    assert quote.speaker.name == name


def test_seed_media_outlets_are_journalists(seed: tuple[Article, tuple[Quote, ...]]) -> None:
    quote = _one(seed[1], "indirect", "Moscow is planning an")
    assert quote.speaker is not None
    assert quote.speaker.sector == "JRN"


@pytest.mark.parametrize("snippet", ["strategic stability", "rapidly eroding", "invasion", "large"])
def test_seed_partial_and_scare_quotes(
    seed: tuple[Article, tuple[Quote, ...]], snippet: str
) -> None:
    quote = _one(seed[1], "partial", snippet)
    assert len(quote.text.split()) <= 3


def test_nothing_from_headline_or_caption(seed: tuple[Article, tuple[Quote, ...]]) -> None:
    _article, quotes = seed
    assert not any("nightmare scenario" in q.text for q in quotes)  # headline only
    assert not any("Balkan Sentinel" in q.text for q in quotes)  # caption only


def test_pronoun_speaker_resolves_to_the_titled_person() -> None:
    body = (
        "Prime Minister Jane Doe of Ruritania met reporters on Monday.\n\n"
        "“We will not give in to pressure from anyone,” she said."
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.speaker is not None
    assert quote.speaker.name == "Jane Doe"
    assert quote.speaker.sector == "GOV"
    assert quote.cue == "said"


def test_title_speaker_with_country() -> None:
    body = '"Our troops will stay where they are," Russian Defence Minister Sergei Shoigu said.'
    (quote,) = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker.sector) == ("RUS", "GOV")


def test_paragraph_of_pure_quotation_continues_the_previous_speaker() -> None:
    body = (
        "“The talks were useful and we will meet again,” Foreign Minister Sergey Lavrov said.\n\n"
        "“There is no alternative to diplomacy in this matter.”"
    )
    directs = [q for q in quotes_of(body) if q.kind == "direct"]
    assert len(directs) == 2
    assert directs[0].speaker == directs[1].speaker
    assert directs[1].speaker is not None


@pytest.mark.parametrize(
    "body",
    [
        "He said “this never closes and goes on to the end of the paragraph",
        "A stray closing mark” appears here, and another ” there.",
        '"Straight" and “curly” and "mixed” marks, said the minister.',
        "“Outer ‘inner quote’ still outer,” the spokesman said.",
        "“Nested “twice” marks” are odd.",
        "'Single-quoted speech in British style,' the minister said.",
        "«Guillemets are quotes too», the envoy added.",
        "Don’t split on apostrophes in the countries’ borders or Lavrov’s words.",
        '"""""',
        "",
    ],
)
def test_odd_marks_never_raise_and_offsets_hold(body: str) -> None:
    for quote in quotes_of(body):
        assert body[quote.start : quote.end] == quote.text
        assert quote.text.strip()


def test_unbalanced_open_mark_runs_to_paragraph_end() -> None:
    body = "“This quote never closes, the minister said\n\nNext paragraph is prose."
    quotes = quotes_of(body)
    assert any(q.text.startswith("This quote never closes") for q in quotes)
    assert not any("Next paragraph" in q.text for q in quotes if q.kind != "indirect")


def test_nested_single_marks_stay_inside_the_double_quote() -> None:
    body = "“Outer ‘inner quote’ still outer,” the spokesman said."
    marked = [q for q in quotes_of(body) if q.kind != "indirect"]
    assert [q.text for q in marked] == ["Outer ‘inner quote’ still outer,"]


def test_scare_quote_without_a_cue_has_no_speaker() -> None:
    body = "The so-called “peace plan” was published on Monday by the ministry."
    (quote,) = quotes_of(body)
    assert (quote.kind, quote.text, quote.speaker, quote.cue) == (
        "partial",
        "peace plan",
        None,
        None,
    )


def test_apostrophes_are_not_quote_marks() -> None:
    assert marked_spans("Lavrov’s remarks on the countries’ borders don’t matter") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»„")), max_size=80))
def test_marks_never_raise_and_stay_in_range(text: str) -> None:
    for span in marked_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_text_never_raises(text: str) -> None:
    for quote in quotes_of(text):
        assert text[quote.start : quote.end] == quote.text


def test_author_after_a_dash_is_the_speaker() -> None:
    body = "“A gorgeous play with an interesting story.” — Jane Roe\n\nTickets are on sale."
    (quote,) = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.speaker is not None
    assert quote.speaker.name == "Jane Roe"


def test_they_refers_to_the_latest_organisation() -> None:
    body = (
        "The Acme Widget Corporation issued a statement on Friday.\n\n"
        '"We have no comment on this matter at all," they said.'
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.speaker is not None
    assert "Acme" in quote.speaker.name


_WORDS = ["He", "said", "“", "”", '"', "'", "‘", "’", "«", "»", "NATO", "Lavrov", ".", ",", ":"]
_WORDS += ["\n\n", "the", "alliance", "warned", "that", "they", "accused", "of", "—", "Jane Doe"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_quote_heavy_text_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    for quote in quotes_of(text):
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in {"direct", "partial", "indirect"}


def test_without_a_parse_marks_still_give_quotes() -> None:
    from wirewatch.analyze.nlp.load import pipe_texts

    body = "“We will not move our troops anywhere,” the minister said."
    (doc,) = pipe_texts([body], disable=("parser", "lemmatizer"))
    quotes = find_quotes(doc, ArticleActors.from_doc(doc))
    assert [q.text for q in quotes] == ["We will not move our troops anywhere,"]
    assert quotes[0].kind == "direct"


def test_according_to_reports_the_clause() -> None:
    body = "Russia is massing troops near the border, according to US officials."
    (quote,) = quotes_of(body)
    assert quote.kind == "indirect"
    assert quote.text == "Russia is massing troops near the border"
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker.sector) == ("USA", "GOV")


def test_slogan_inside_the_writers_sentence_is_partial() -> None:
    body = "While the “Meth. We’re on it.” campaign did not appeal to everyone, it was noticed."
    marked = [q for q in quotes_of(body) if q.kind != "indirect"]
    assert [(q.kind, q.text) for q in marked] == [("partial", "Meth. We’re on it.")]


def test_quote_running_into_the_next_paragraph_takes_its_speaker() -> None:
    body = (
        "The talks ended late on Friday.\n\n"
        "“We will not accept any of these demands from the West.\n\n"
        "“Our position has not changed at all,” Foreign Minister Sergey Lavrov said."
    )
    directs = [q for q in quotes_of(body) if q.kind == "direct"]
    assert len(directs) == 2
    assert directs[0].text.startswith("We will not accept")
    assert directs[0].speaker is not None
    assert directs[0].speaker == directs[1].speaker


def _quotes(text: str) -> tuple[Quote, ...]:
    doc = parse(text)
    return find_quotes(doc, ArticleActors.from_doc(doc))


def test_titles_and_names_in_marks_are_not_quotes() -> None:
    quotes = _quotes("Disney+ offers “Mary Poppins” and the “Master Builder Series” to viewers, "
                     "and critics called the launch “rather messy”.")
    texts = {q.text for q in quotes}
    assert "Mary Poppins" not in texts and "Master Builder Series" not in texts
    assert "rather messy" in texts  # a lower-case fragment stays a (scare) quote


def test_unnamed_speaker_keeps_its_whole_noun_phrase() -> None:
    quotes = _quotes("Forecasters at the weather service said rain was likely.")
    speakers = {q.speaker.name for q in quotes if q.speaker is not None}
    assert speakers == {"Forecasters at the weather service"}


def test_a_describing_verb_lends_its_subject_to_a_partial_quote() -> None:
    quotes = _quotes("Analyst Omar Lamrani described the idea as “certainly absurd”.")
    (partial,) = [q for q in quotes if q.kind == "partial"]
    assert partial.speaker is not None and partial.speaker.name == "Omar Lamrani"


def test_a_name_inside_quotation_marks_is_no_antecedent_for_the_speaker() -> None:
    body = ("Mary Steenburgen wrote songs that summer.\n\n"
            "“He wanted to work with ‘Nellie Wall,’ but then I showed up instead,” she said.")
    (quote,) = [q for q in _quotes(body) if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Mary Steenburgen"


def test_a_cue_subject_inside_the_quotation_gives_way_to_the_name_beside_the_cue() -> None:
    body = ("“The script just said something like, ‘Rose-Lynn sings a song and it conveys "
            "everything. The end,’” Harper said.")
    (quote,) = [q for q in _quotes(body) if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Harper"  # the parse says "end"
