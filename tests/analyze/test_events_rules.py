"""The event coder on short literal sentences: frames, embedding, drops, modes and actors."""

from __future__ import annotations

import pytest

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.coder import CODER, CodedDoc, code_doc
from wirewatch.analyze.events.dates import parse_published
from wirewatch.analyze.events.lexicon import categories
from wirewatch.analyze.nlp.load import parse, pipe_texts
from wirewatch.records import Event


def coded(text: str, published: str | None = None) -> CodedDoc:
    doc = next(pipe_texts([text], disable=()))
    return code_doc(doc, ArticleActors.from_doc(doc), published=parse_published(published))


def events(text: str, published: str | None = None) -> tuple[Event, ...]:
    return coded(text, published).events


def types(text: str) -> list[str]:
    return sorted({e.type for e in events(text)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel condemned the rocket attack on Sderot.", ["ACCUSE"]),
        ("The two foreign ministers met in Geneva on Tuesday.", ["CONSULT"]),
        ("Iran rejected the European proposal.", ["REJECT"]),
        ("The rebels released twelve hostages.", ["RETREAT"]),
        ("Thousands of workers went on strike in Lagos.", ["PROTEST"]),
        ("Police arrested three opposition leaders.", ["COERCE"]),
        ("Warplanes bombed the village overnight.", ["ASSAULT"]),
        ("Japan pledged $50 million in aid to Haiti.", ["AGREE"]),
        ("Japan stopped aid to Myanmar after the coup.", ["SANCTION"]),
        ("The rebels broke off talks with the government.", ["SANCTION"]),
        ("Russia ended trade with Georgia.", ["SANCTION"]),
        ("The match ended in a draw.", []),
    ],
)
def test_plain_triggers_give_their_type(text: str, expected: list[str]) -> None:
    assert types(text) == expected


def test_control_verb_folds_the_embedded_event_into_its_mode() -> None:
    found = events("Syria refused to release the prisoners.")
    assert [e.type for e in found] == ["REJECT"]
    assert found[0].mode == "yield"
    drops = coded("Syria refused to release the prisoners.").drops
    assert [d.reason for d in drops] == ["event.embedded"]


def test_threaten_mode_comes_from_what_is_threatened() -> None:
    found = events("North Korea threatened to attack South Korea.")
    assert [(e.type, e.mode) for e in found] == [("THREATEN", "violence")]
    assert [a.code for a in found[0].source] == ["PRK"]
    assert [a.code for a in found[0].target] == ["KOR"]


def test_promise_of_cooperation_is_agree_and_promise_of_force_is_threaten() -> None:
    assert types("Germany promised to help Greece.") == ["AGREE"]
    assert types("The rebels vowed to attack the capital.") == ["THREATEN"]


def test_intent_adjective_without_a_coded_act_is_dropped() -> None:
    result = coded("Russia is willing to use these capabilities.")
    assert result.events == ()
    assert "event.no_content" in {d.reason for d in result.drops}


def test_reported_must_is_a_request_from_the_speaker_to_the_subject() -> None:
    found = events("France said that Iraq must withdraw its troops.")
    assert [(e.type, e.mode) for e in found] == [("REQUEST", "yield")]
    assert [a.code for a in found[0].source] == ["FRA"]
    assert [a.code for a in found[0].target] == ["IRQ"]


def test_background_and_conditional_clauses_are_drops_not_events() -> None:
    result = coded("Talks between Serbia and Croatia resumed in Geneva after two days of fighting.")
    assert [e.type for e in result.events] == ["CONSULT"]
    assert "event.background" in {d.reason for d in result.drops}
    result = coded("Norway will send aid if Sweden is attacked.")
    assert "event.conditional" in {d.reason for d in result.drops}
    assert "ASSAULT" not in {e.type for e in result.events}


def test_future_cooperation_is_agree_and_future_coercion_is_threaten() -> None:
    found = events("The president will visit Beijing next week.")
    assert [e.type for e in found] == ["AGREE"]
    assert found[0].modality == "future"
    found = events("The government will impose a curfew in the capital.")
    assert [e.type for e in found] == ["THREATEN"]


def test_refusal_with_a_modal_is_reject() -> None:
    found = events("Israel would not meet the Palestinian delegation.")
    assert [(e.type, e.modality) for e in found] == [("REJECT", "asserted")]


def test_assault_mode_from_weapons_words() -> None:
    found = events("Government forces shelled the town with artillery.")
    assert [(e.type, e.mode) for e in found] == [("ASSAULT", "heavy-weapons")]
    found = events("Israeli jets launched air strikes on Gaza.")
    assert ("ASSAULT", "aerial") in {(e.type, e.mode) for e in found}


def test_compound_subject_gives_every_coded_actor() -> None:
    found = events("Senior Hungarian and Romanian officials agreed to cooperate.")
    assert {a.code for e in found for a in e.source} == {"HUN", "ROU"}


def test_event_fields_are_consistent() -> None:
    text = "Earlier, Egypt accused Israel of violating the ceasefire on Thursday."
    found = events(text, "2021-12-02")
    assert found, "one ACCUSE event expected"
    event = found[0]
    assert event.type == "ACCUSE"
    assert event.sentence == text[event.start : event.end]
    assert event.trigger in event.sentence
    assert event.coder == CODER
    assert event.quad == categories()["ACCUSE"].quad
    assert event.date == "2021-12-02"
    assert event.intensity < 0


def test_parse_helper_and_offsets_with_base() -> None:
    doc = parse("Turkey condemned the raid.")
    out = code_doc(doc, ArticleActors.from_doc(doc), base=100).events
    assert out and out[0].start == 100


def test_background_event_is_kept_when_it_is_the_only_one() -> None:
    found = events("A prisoner died as a result of torture in police custody.")
    assert [(e.type, e.mode) for e in found] == [("ASSAULT", "torture")]


def test_reported_would_is_future_not_hypothetical() -> None:
    found = events("NATO said it would tighten the naval blockade.")
    assert [(e.type, e.modality) for e in found] == [("THREATEN", "future")]
    found = events("NATO would tighten the naval blockade.")
    assert [e.modality for e in found] == ["hypothetical"]


def test_participle_clause_belongs_to_the_carried_noun_event() -> None:
    text = "Activists staged rallies in Gaza, saying the leader must resign."
    assert types(text) == ["PROTEST"]
    assert "event.embedded" in {d.reason for d in coded(text).drops}


def test_target_falls_back_to_for_and_in_phrases() -> None:
    found = events("The European Community agreed to provide aid for Romania.")
    assert [e.type for e in found] == ["AGREE"]
    assert "ROU" in {a.code for a in found[0].target}
    found = events("Serbia lifted the curfew in Montenegro.")
    assert "MNE" in {a.code for a in found[0].target}


def test_uncoded_head_takes_the_code_of_its_modifier() -> None:
    found = events("The US Congress condemned the decision.")
    assert [(a.code, a.sector) for a in found[0].source] == [("USA", "LEG")]


def test_location_from_in_at_near_phrases() -> None:
    found = events("A car bomb exploded near a police station in Baghdad.")
    assert [(e.type, e.mode, e.location) for e in found] == [
        ("ASSAULT", "explosives", "Baghdad")
    ]
    found = events("Saddam Hussein arrived in Amman on a surprise visit.")
    assert found[0].location == "Amman"


def test_actorless_verbal_events_are_dropped_in_articles_but_not_in_code() -> None:
    result = coded("The new telescope allowed researchers to map the galaxy.")
    assert result.events == ()
    assert "event.no_actor" in {d.reason for d in result.drops}
    doc = next(pipe_texts(["The new telescope allowed researchers to map the galaxy."], disable=()))
    kept = code_doc(doc, ArticleActors.from_doc(doc), require_actor=False).events
    assert [e.type for e in kept] == ["CONCEDE"]
    # Material conflict needs no named actor.
    assert types("A car bomb exploded in the market.") == ["ASSAULT"]


def test_pronoun_subject_of_a_reported_clause_is_the_reporter() -> None:
    found = events("NATO said it would tighten the naval blockade.")
    assert [a.name for a in found[0].source] == ["NATO"]


def test_anti_prefix_names_the_target() -> None:
    found = events("Thousands joined anti-American protests in Cairo.")
    assert [e.type for e in found] == ["PROTEST"]
    assert "USA" in {a.code for a in found[0].target}
    assert "USA" not in {a.code for a in found[0].source}


def test_exclusion_rows_and_object_conditions_keep_business_news_out() -> None:
    assert types("Stocks rallied in Tokyo after the earnings report.") == []
    assert types("The market rally lifted bank shares.") == []
    assert types("Apple released a new keyboard.") == []
    assert types("The rebels released twelve hostages.") == ["RETREAT"]
    assert types("Thousands rallied in Tehran against the government.") == ["PROTEST"]


def test_announced_own_concession_is_agree_but_outlet_future_stays() -> None:
    found = events("Iraq said it would release the prisoners.")
    assert [(e.type, e.modality) for e in found] == [("AGREE", "future")]
    assert "intent-agree" in found[0].rule
    found = events("Iraq will release the prisoners next week.")
    assert [e.type for e in found] == ["RETREAT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry protested that Turkish ships had entered its waters.", ["ACCUSE"]),
        ("Thousands protested in Athens on Sunday.", ["PROTEST"]),
        ("The party mobilized its supporters ahead of the vote.", []),
        ("Russia mobilized reservists near the border.", ["MOBILIZE"]),
        ("The opposition hit out at the government over the deal.", ["ACCUSE"]),
        ("The rebels vowed revenge for the killing of their leader.", ["THREATEN"]),
        ("Israel said it may use force against Hezbollah.", ["THREATEN"]),
        ("Serbia vowed to crush the rebellion.", ["THREATEN"]),
        ("Authorities closed the main opposition newspaper.", ["COERCE"]),
        ("The shop closed early on Sunday.", []),
        ("Iran charged that the United States was arming the rebels.", ["ACCUSE"]),
        ("Moscow branded the move a hostile act.", ["ACCUSE"]),
        ("The company charged customers too much.", []),
        ("Saudi Arabia shipped food to Yemen.", ["AID"]),
        ("The company shipped 2 million phones.", []),
        ("Russia called up 300,000 reservists.", ["MOBILIZE"]),
        ("China sent warships to the strait.", ["MOBILIZE"]),
    ],
)
def test_second_wave_frames(text: str, expected: list[str]) -> None:
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [("The Norwegian envoy began a mediation mission between Sri Lanka and the rebels.",
      "CONSULT", "LKA"),
     ("Russia launched a bombing campaign in Syria.", "ASSAULT", "SYR")],
)
def test_an_activity_noun_stands_for_the_event_its_modifier_names(
    text: str, kind: str, target: str
) -> None:
    found = [e for e in events(text) if e.type == kind]
    assert found
    assert target in {a.code for a in found[0].target}


def test_an_activity_noun_with_no_event_modifier_is_no_event() -> None:
    assert not events("The election campaign in Kenya ended on Monday.")


def test_trigger_candidates_cover_every_matched_token() -> None:
    from wirewatch.analyze.events.match import match_token, trigger_candidates
    from wirewatch.analyze.nlp.load import parse

    doc = parse("Russia attacked the port, and the envoys undertook a mediation mission. "
                "The build-up continued, officials said Iraq must comply.")
    candidates = set(trigger_candidates(doc))
    matched = {t.i for t in doc if match_token(t) is not None}
    assert matched and matched <= candidates
    assert len(candidates) < len(doc)  # most tokens are skipped


def test_trigger_candidates_are_the_plain_token_definition() -> None:
    from wirewatch.analyze.events.match import trigger_candidates, trigger_lemmas
    from wirewatch.analyze.nlp.load import parse

    doc = parse("Russia attacked the port, and the envoys undertook a mediation mission. "
                "The build-up continued, officials said Iraq must comply. Troops withdrew.")
    lemmas = trigger_lemmas()
    plain = tuple(
        t.i for t in doc
        if (t.lemma_ or t.lower_).lower() in lemmas or t.lower_ in lemmas
        or t.dep_ in ("ccomp", "acl") or (t.i > 0 and doc[t.i - 1].text == "-"))
    assert trigger_candidates(doc) == plain
    assert trigger_candidates(parse("")) == ()
