"""No violence without an agent: hazards, accidents and illness are no one's act (agency.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.agency import attack_words, hazard_words, is_attack_word
from wirewatch.analyze.events.coder import CodedDoc, code_doc
from wirewatch.analyze.events.lexicon import word_sets
from wirewatch.analyze.nlp.load import pipe_texts

VIOLENCE = frozenset(("ASSAULT", "COERCE"))

SUBJECTS = ["the storm", "a fire", "an explosion", "the blast", "a bus", "heavy rain",
            "the disease", "the collapse", "the flood", "a landslide", "the accident",
            "a gas leak", "the heat", "the crash", "a fierce wind", "the outbreak",
            "the earthquake", "something", "the wave", "a tanker"]
ACTIVE_VERBS = ["killed", "injured", "wounded", "destroyed", "burned", "damaged", "struck",
                "razed", "flattened", "hit", "swept through", "tore through"]
PASSIVE_VERBS = ["killed", "injured", "wounded", "destroyed", "burned", "damaged",
                 "evacuated", "hurt", "trapped", "buried"]
OBJECTS = ["three people", "dozens of homes", "a school", "the market", "twelve passengers",
           "two children", "hundreds of houses", "the old bridge", "a hospital", "forty cars"]
CAUSES = ["in the fire", "by the floods", "during the storm", "after the blast",
          "in an explosion", "in the collapse", "by falling debris", "in a crash",
          "because of the heat", "in the stampede", ""]
PLACES = ["in the north", "near the river", "in the old town", "on the coast",
          "outside the city", "in a village", ""]
WHEN = ["on Monday", "overnight", "early on Sunday", "last week", ""]
COUNTRIES = ["Peru", "Turkey", "Pakistan", "Italy", "Indonesia", "Kenya", "Chile"]


def _sentence(*parts: str) -> str:
    text = " ".join(p for p in parts if p) + "."
    return text[0].upper() + text[1:]


active = st.builds(lambda s, v, o, p, w: _sentence(s, v, o, p, w), st.sampled_from(SUBJECTS),
                   st.sampled_from(ACTIVE_VERBS), st.sampled_from(OBJECTS),
                   st.sampled_from(PLACES), st.sampled_from(WHEN))
passive = st.builds(lambda o, v, c, p, w: _sentence(o, "were", v, c, p, w),
                    st.sampled_from(OBJECTS), st.sampled_from(PASSIVE_VERBS),
                    st.sampled_from(CAUSES), st.sampled_from(PLACES), st.sampled_from(WHEN))


def coded(text: str) -> tuple[CodedDoc, ArticleActors, object]:
    doc = next(pipe_texts([text], disable=()))
    actors = ArticleActors.from_doc(doc)
    return code_doc(doc, actors, require_actor=False), actors, doc


def _no_agent_words(doc: object) -> bool:
    crowds = word_sets()["crowd_nouns"]
    return not any(is_attack_word(t) or t.lower_ in crowds for t in doc)  # type: ignore[attr-defined]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(active, passive))
def test_no_actor_and_no_attack_word_never_yields_violence(text: str) -> None:
    result, actors, doc = coded(text)
    assume(not any(a.code or a.sector for a in actors.actors))  # no actor from the tables
    assume(_no_agent_words(doc))  # no attack word, no crowd
    assert not [e for e in result.events if e.type in VIOLENCE], (text, result.events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUBJECTS[:16]), st.sampled_from(ACTIVE_VERBS), st.sampled_from(OBJECTS),
       st.sampled_from(COUNTRIES))
def test_a_hazard_subject_is_no_violence_even_in_a_named_country(
    subject: str, verb: str, obj: str, country: str
) -> None:
    text = _sentence(subject, verb, obj, "in", country)
    result, _, doc = coded(text)
    assume(_no_agent_words(doc))
    assert not [e for e in result.events if e.type in VIOLENCE], (text, result.events)


@pytest.mark.parametrize(("text", "reason"), [
    ("Two people were killed in an earthquake in Peru.", "event.hazard"),
    ("Dozens of homes were burned in the wildfire.", "event.hazard"),
    ("A bus plunged into a ravine, killing 14 passengers.", "event.hazard"),
    ("Five people were killed on Monday.", "event.no_agent"),
    ("An explosion destroyed the plant.", "event.no_agent"),
    ("The war in Sudan has killed tens of thousands of people since April.", "event.toll"),
    ("The death toll from the fighting rose to 300.", "event.toll"),
])
def test_the_drop_says_why(text: str, reason: str) -> None:
    result, _, _ = coded(text)
    assert not [e for e in result.events if e.type in VIOLENCE]
    assert reason in {d.reason for d in result.drops}


@pytest.mark.parametrize("text", [
    "Two civilians were killed by a roadside bomb in Helmand.",
    "Gunmen killed five villagers overnight.",
    "Three soldiers were killed in an airstrike near the border.",
    "Arsonists burned down a mosque.",
    "Police arrested three activists in Cairo.",
    "Three journalists were arrested in Tehran.",
    "A fire set by militants destroyed the school.",
])
def test_an_agent_or_an_attack_word_keeps_the_event(text: str) -> None:
    result, _, _ = coded(text)
    assert [e for e in result.events if e.type in VIOLENCE], (text, result.drops)


def test_the_word_lists_are_disjoint_where_it_matters() -> None:
    # A hazard is never also an attack noun (the list decides which a word is).
    assert not hazard_words() & attack_words()["N"]
    assert {"bombing", "shelling", "gunmen", "raid", "airstrike"} <= attack_words()["N"]
    assert {"earthquake", "wildfire", "flood", "cholera", "crash"} <= hazard_words()
