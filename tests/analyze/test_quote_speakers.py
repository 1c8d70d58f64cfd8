"""Quote speakers (issue 9, item 6): the speaker after the cue with titles and appositions,
initials and middle names kept, a speaker set off by commas, "according to X", "X told
reporters (that)", "in a statement, X said", a claim running over two sentences, and where
in the body each attribution came from (``speaker_start``/``speaker_end``).

Every sentence here is invented for the test (news-like, no corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.actors.names import tag_names
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.analyze.quotes.find import find_quotes
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.records import Page, Quote


def _doc(text: str) -> Doc:
    """The text parsed as the pipeline parses it by default (names from ``tag_names``)."""
    return tag_names(next(pipe_texts([text], disable=("ner",))))


def _quotes(text: str) -> tuple[Quote, ...]:
    doc = _doc(text)
    return find_quotes(doc, ArticleActors.from_doc(doc))


def _one(text: str, kind: str, snippet: str) -> Quote:
    hits = [q for q in _quotes(text) if q.kind == kind and snippet in q.text]
    assert len(hits) == 1, (kind, snippet, _quotes(text))
    return hits[0]


def _mention(text: str, quote: Quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    return text[quote.speaker_start : quote.speaker_end]


@pytest.mark.parametrize(
    ("text", "snippet", "name", "mention"),
    [
        ('"We will not raise taxes this year," responded national finance director Jane '
         'Doe.', "We will not raise taxes", "Jane Doe", "national finance director Jane Doe"),
        ('"The deal is done," said S. Daniel Abraham, the group\'s founder.',
         "The deal is done", "S. Daniel Abraham", "S. Daniel Abraham"),
        ('"We will rebuild every house," said Ana Maria Gomez Ruiz, the town\'s mayor.',
         "We will rebuild", "Ana Maria Gomez Ruiz", "Ana Maria Gomez Ruiz"),
        ('"The border must stay open," the minister, Ahmed Karimi, said on Monday.',
         "The border must stay open", "Ahmed Karimi", "Ahmed Karimi"),
        ('"Nobody will leave the camp," Tom Ellis, the camp\'s director, told reporters.',
         "Nobody will leave", "Tom Ellis", "Tom Ellis"),
        ('"Prices will keep rising," warned Hana Sato, an economist at the central bank.',
         "Prices will keep rising", "Hana Sato", "Hana Sato"),
        ('"We had no warning," said J.R. Okafor, who runs the clinic.',
         "We had no warning", "J.R. Okafor", "J.R. Okafor"),
    ],
)
def test_the_speaker_after_the_cue_with_titles_initials_and_appositions(
    text: str, snippet: str, name: str, mention: str
) -> None:
    quote = _one(text, "direct", snippet)
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert _mention(text, quote) == mention


def test_a_pronoun_speaker_points_at_the_pronoun() -> None:
    text = ('Prime Minister Anna Berg met the unions on Monday.\n\n'
            '"The strike has to end," she said.')
    quote = _one(text, "direct", "The strike has to end")
    assert quote.speaker is not None and quote.speaker.name == "Anna Berg"
    assert _mention(text, quote) == "she"


def test_according_to_a_titled_person_gives_the_person() -> None:
    text = "The army shelled the village overnight, according to local resident Omar Hassan."
    quote = _one(text, "indirect", "shelled the village")
    assert quote.text == "The army shelled the village overnight"
    assert quote.cue == "according to"
    assert quote.speaker is not None and quote.speaker.name == "Omar Hassan"
    assert _mention(text, quote) == "local resident Omar Hassan"


@pytest.mark.parametrize(
    "text",
    [
        "Police chief John Kamau told reporters that the suspects had fled across the border.",
        "Police chief John Kamau told reporters the suspects had fled across the border.",
    ],
)
def test_told_reporters_reports_the_clause(text: str) -> None:
    quote = _one(text, "indirect", "suspects")
    assert quote.text == "the suspects had fled across the border"
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.sector) == ("John Kamau", "COP")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("In a statement, the foreign ministry said the ambassador had been summoned.",
         "foreign ministry", None),
        ("In a statement on Tuesday, Greenpeace said the spill was far larger than reported.",
         "Greenpeace", "GREENPEACE"),
        ("Greenpeace said in a statement that the spill was far larger than reported.",
         "Greenpeace", "GREENPEACE"),
    ],
)
def test_in_a_statement_x_said(text: str, name: str, code: str | None) -> None:
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.code) == (name, code)
    assert "statement" not in quote.text


def test_a_claim_running_over_two_sentences_is_reported_speech_twice() -> None:
    text = ("Interior Minister Amara Diallo said the curfew would be lifted on Friday. "
            "Shops and schools would reopen the following week.")
    quotes = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [q.text for q in quotes] == [
        "the curfew would be lifted on Friday",
        "Shops and schools would reopen the following week",
    ]
    assert all(q.speaker is not None and q.speaker.name == "Amara Diallo" for q in quotes)
    assert quotes[1].cue == quotes[0].cue == "said"


def test_a_narrated_sentence_after_a_claim_is_not_reported_speech() -> None:
    text = ("Interior Minister Amara Diallo said the curfew would be lifted on Friday. "
            "Shops reopened on Saturday morning.")
    quotes = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [q.text for q in quotes] == ["the curfew would be lifted on Friday"]


def test_speaker_offsets_are_absent_only_without_a_speaker() -> None:
    text = 'The word "invasion" was everywhere this week.'
    [quote] = _quotes(text)
    assert quote.speaker is None
    assert (quote.speaker_start, quote.speaker_end) == (None, None)


def test_every_seed_speaker_points_at_its_mention(seed_path: Path) -> None:
    page = Page(source=str(seed_path), form="text", content=seed_path.read_text(encoding="utf-8"))
    body = clean_text_page(page).body_text
    quotes = [q for q in _quotes(body) if q.speaker is not None]
    assert quotes
    for quote in quotes:
        mention = _mention(body, quote)
        assert mention, quote
        words = {w.lower() for w in mention.replace("’", " ").replace("'", " ").split()}
        assert quote.speaker is not None
        named = {w.lower() for w in quote.speaker.name.split()}
        assert words & (named | {"he", "she", "they"}), (mention, quote.speaker)


def test_a_verb_governing_a_fragment_names_it_before_a_cue_elsewhere_in_the_sentence() -> None:
    text = ('The ministry rejected the report as "pure fiction," and two diplomats told '
            'reporters the talks had stalled.')
    quote = _one(text, "partial", "pure fiction")
    assert quote.speaker is not None and quote.speaker.name == "ministry"


def test_the_company_refers_back_to_an_organisation_the_tables_do_not_know() -> None:
    text = ("Veltrix Corporation cut 300 jobs this year.\n\n"
            "The company said on Monday that it would close its plant in Ohio.")
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == "Veltrix Corporation"
    assert _mention(text, quote) == "The company"


def test_an_organisation_set_off_by_commas_names_the_speaker() -> None:
    text = ("Its parent company, Halden Group, announced that the merger had been called "
            "off.")
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == "Halden Group"


def test_a_name_next_to_the_cue_speaks_when_the_parse_hangs_its_titles_elsewhere() -> None:
    text = ('"Sales grew in every region we serve," chairman, CEO and president Dana Whitlow '
            'said in the earnings release.')
    quote = _one(text, "direct", "Sales grew")
    assert quote.speaker is not None and quote.speaker.name == "Dana Whitlow"


def test_a_participle_after_a_passive_verb_is_the_agents() -> None:
    text = "The report was denied by Minister Ruth Adeyemi, hinting that it was a forgery."
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == "Ruth Adeyemi"


def test_a_group_around_a_known_name_keeps_the_whole_phrase() -> None:
    text = ("Coach Dan Rudd was fined on Monday.\n\n"
            "Rudd's supporters have said that he had no choice.")
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == "Rudd's supporters"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A statement from the foreign ministry said the ambassador had been summoned.",
         "foreign ministry"),
        ("Rebels had taken the town, according to a statement from the army.", "army"),
    ],
)
def test_a_statement_speaks_for_its_author(text: str, name: str) -> None:
    [quote] = [q for q in _quotes(text) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == name
    mention = _mention(text, quote)
    assert mention is not None and mention.endswith(name) and "statement" not in mention
