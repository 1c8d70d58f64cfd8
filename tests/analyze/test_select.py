"""Sentence selection: which sentences get the full parse, and docs that keep body offsets."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from wirewatch.analyze.nlp.load import load_nlp
from wirewatch.analyze.pipeline import analyze_articles
from wirewatch.analyze.selection.docs import known_names, pipe_selected
from wirewatch.analyze.selection.plan import (
    needs_parse,
    plan,
    selection_forms,
    sentence_starts,
)
from wirewatch.extract import extract_page
from wirewatch.read import read_pages
from wirewatch.records import Analysis, Page

BODY = (
    "NATO Secretary-General Jens Stoltenberg arrived in Vilnius on Monday. The weather was "
    "mild and the streets were quiet.\n\n"
    "He said the alliance would deploy more troops to the region. Mr. Smith, a local "
    "teacher, watched from a cafe.\n\n"
    "“We are ready,” the minister told reporters. “Nobody wants this. It has to end.”"
)


def test_splitter_keeps_paragraphs_and_abbreviations() -> None:
    starts = sentence_starts(BODY)
    pieces = [BODY[s:e].strip() for s, e in zip(starts, [*starts[1:], len(BODY)], strict=True)]
    assert pieces[0].startswith("NATO") and pieces[0].endswith("Monday.")
    assert any(p.startswith("He said") for p in pieces)
    assert any(p.startswith("Mr. Smith, a local teacher") for p in pieces)  # no cut at "Mr."
    assert all("\n\n" not in p for p in pieces)  # never across a paragraph


def test_selection_by_marks_cues_and_triggers() -> None:
    assert needs_parse("He said the alliance would deploy more troops.")
    assert needs_parse("Russia attacked the port.")
    assert needs_parse("“Nobody wants this.")
    assert needs_parse("Iraq must comply.")  # the demand rule
    assert not needs_parse("The weather was mild and the streets were quiet.")
    # a trigger whose every rule needs a condition word: only with that word
    assert needs_parse("The government lifted the sanctions.")
    assert not needs_parse("The crane lifted the box.")


def test_apostrophes_are_not_quotation_marks() -> None:
    assert not needs_parse("Russia’s economy grew by two percent.")
    assert not needs_parse("The country's wheat harvest was poor.")
    assert needs_parse("It was a ‘nightmare’ for the town.")
    assert needs_parse("“The harvest was poor.")


def test_a_phrasal_cue_selects_only_with_its_particle() -> None:
    assert not needs_parse("He scored 30 points in the second half.")
    assert needs_parse("He points out that the season is long.")


def test_trigger_inflections_are_known() -> None:
    forms = selection_forms()
    for form in ("attacked", "attacking", "rallies", "agreed", "banned", "met", "said"):
        assert form in forms


def test_runs_tile_the_text_and_keep_quotes_whole() -> None:
    runs = plan(BODY)
    assert "".join(BODY[r.start : r.end] for r in runs) == BODY
    assert all(a.selected != b.selected for a, b in itertools.pairwise(runs))
    middle = BODY.index("Nobody wants")  # inside a quote that spans sentences
    inside = BODY.index("It has to end")
    for offset in (middle, inside):
        assert any(r.selected and r.start <= offset < r.end for r in runs)
    weather = BODY.index("The weather")
    assert any(not r.selected and r.start <= weather < r.end for r in runs)
    with_context = plan(BODY, context=1)
    assert any(r.selected and r.start <= weather < r.end for r in with_context)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Russia attacked the port. ", "The sky was grey.  ", "“Go,” he said.\n\n", "Mr. X left. ",
    "U.S. envoys met in Paris! ", "\n\n", "a b c? ", "Dr. Who. ", "", "’ ", "x-y-z. ",
]), max_size=10))
def test_any_text_is_tiled_exactly(parts: list[str]) -> None:
    text = "".join(parts)
    runs = plan(text)
    assert "".join(text[r.start : r.end] for r in runs) == text
    docs = list(pipe_selected([text], nlp=load_nlp(), light="none"))
    assert docs[0].text == text
    list(docs[0].sents)  # sentence boundaries are set, also on skipped runs


def test_selected_runs_are_annotated_like_a_full_parse_of_them() -> None:
    nlp = load_nlp()
    doc = next(pipe_selected([BODY], nlp=nlp, light="ner", context=0))
    assert doc.text == BODY
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for run in plan(BODY):
        span = doc.char_span(run.start, run.end, alignment_mode="expand")
        assert span is not None
        alone = nlp(BODY[run.start : run.end])
        if run.selected:
            assert (span.as_doc().to_array(attrs) == alone.to_array(attrs)).all()
        else:
            assert not any(t.dep_ or t.lemma_ for t in span)  # skipped: no parse, no lemmas
    # the entity recogniser still ran on the skipped sentence ...
    assert any(e.text == "Jens Stoltenberg" and e.label_ == "PERSON" for e in doc.ents)
    # ... and sentences still start where the splitter says
    assert any(s.text.startswith("The weather") for s in doc.sents)


def test_selected_analysis_matches_the_full_parse_on_the_seed(seed_path: Path) -> None:
    pages = [p for p in read_pages([seed_path]) if isinstance(p, Page)]
    article = extract_page(pages[0])
    full = analyze_articles([article], select=False)[0]
    part = analyze_articles([article])[0]
    body = article.body_text

    def quote_key(a: Analysis) -> set[tuple[object, ...]]:
        return {(q.start, q.end, q.kind, q.speaker.name if q.speaker else None)
                for q in a.quotes}

    def event_key(a: Analysis) -> set[tuple[object, ...]]:
        return {(e.start, e.trigger, e.type) for e in a.events}

    assert quote_key(part) == quote_key(full)
    assert event_key(part) == event_key(full)
    for q in part.quotes:
        assert body[q.start : q.end] == q.text
    for e in part.events:
        assert body[e.start : e.end] == e.sentence


def test_known_names_marks_table_names_on_unparsed_tokens() -> None:
    doc = known_names(load_nlp().make_doc(
        "NATO Secretary-General Jens Stoltenberg met Russian officials at the Kremlin."))
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("NATO", "ORG") in found
    assert ("Jens Stoltenberg", "PERSON") in found
    assert not any(e.text.startswith("Secretary") for e in doc.ents)


def test_skipped_sentences_keep_known_actors_for_later_pronouns() -> None:
    text = ("NATO Secretary-General Jens Stoltenberg is in Vilnius this week. The weather "
            "was mild.\n\nThe streets were quiet. He said the alliance was ready.")
    doc = next(pipe_selected([text], nlp=load_nlp(), light="dict", context=0))
    assert any(e.text == "Jens Stoltenberg" for e in doc.ents)  # from a skipped sentence
    assert not doc[0].dep_  # ... which was not parsed


def test_a_pronoun_sentence_reaches_one_sentence_further_back() -> None:
    text = ("Mara Olsen spent ten years abroad. The town changed a lot in that time. "
            "\u201cIt was terrifying,\u201d she said.")
    first = text.index("Mara")
    runs = plan(text, context=1)
    assert any(r.selected and r.start <= first < r.end for r in runs)
    plain = text.replace("she said", "the mayor said")
    assert not any(r.selected and r.start <= first < r.end for r in plan(plain, context=1))
