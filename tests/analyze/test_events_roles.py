"""Argument roles the plain subject/object reading gets wrong (events_roles.py)."""

from __future__ import annotations

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.events.coder import code_doc
from wirewatch.analyze.nlp.load import pipe_texts
from wirewatch.records import Event


def events(text: str) -> tuple[Event, ...]:
    doc = next(pipe_texts([text], disable=()))
    return code_doc(doc, ArticleActors.from_doc(doc)).events


def of_type(text: str, kind: str) -> Event:
    found = [e for e in events(text) if e.type == kind]
    assert found, f"no {kind} in {text!r}"
    return found[0]


def codes(actors: tuple[object, ...]) -> set[str | None]:
    return {a.code for a in actors}  # type: ignore[attr-defined]


def test_a_stative_passive_subject_is_the_actor() -> None:
    event = of_type("Greece is opposed to Turkish drilling in the Aegean.", "REJECT")
    assert codes(event.source) == {"GRC"}
    assert "GRC" not in codes(event.target)
    assert "TUR" in codes(event.target)


def test_an_agentive_passive_keeps_its_agent() -> None:
    event = of_type("The Turkish plan was opposed by Greece.", "REJECT")
    assert codes(event.source) == {"GRC"}


def test_an_active_conjunct_of_a_passive_shares_its_subject() -> None:
    event = of_type("Kenya's finance minister was charged by prosecutors and will resign.",
                    "RETREAT")
    assert codes(event.source) == {"KEN"}


def test_a_domestic_protest_with_no_named_recipient_addresses_its_government() -> None:
    event = of_type("Kenyan teachers staged a strike on Monday.", "PROTEST")
    assert "KEN" in codes(event.source)
    assert any(a.code == "KEN" and a.sector == "GOV" for a in event.target)


def test_a_curfew_is_imposed_on_the_country_where_it_is_declared() -> None:
    event = of_type("The Malian army imposed a curfew on Sunday.", "COERCE")
    assert codes(event.target) == {"MLI"}


def test_a_ceasefire_in_a_country_is_observed_toward_its_own_side() -> None:
    event = of_type("Guerrillas in Colombia observed a ceasefire on Sunday.", "RETREAT")
    assert codes(event.target) == {"COL"}


def test_a_noun_event_held_by_a_state_verb_takes_the_verbs_phrases() -> None:
    assert codes(of_type("Ugandan rebels were engaged in heavy fighting against the "
                         "Congolese army.", "ASSAULT").target) == {"COD"}
    assert codes(of_type("Ethiopian troops remained on alert in Somalia on Tuesday.",
                         "MOBILIZE").target) == {"SOM"}


def test_a_named_recipient_is_kept_and_nothing_is_added() -> None:
    event = of_type("Kenyan students protested against the French embassy.", "PROTEST")
    assert codes(event.target) == {"FRA"}


def test_cooperation_gets_no_implicit_recipient() -> None:
    event = of_type("Kenya signed an agreement on Monday.", "SUPPORT")
    assert not event.target


def test_a_preposition_keeps_its_object_before_a_reduced_relative_clause() -> None:
    event = of_type("Chile has granted asylum to three Bolivian officials hiding in an embassy "
                    "since the coup, the ministry said.", "AID")
    assert "BOL" in codes(event.target)


def test_an_adjective_on_the_embedded_object_names_no_one() -> None:
    event = of_type("Greek unions threatened to hold a general strike.", "THREATEN")
    assert all(a.sector != "MIL" for a in event.target)


def test_a_state_verb_gives_a_noun_event_its_actor() -> None:
    event = of_type("Thousands of Kenyan teachers went on strike on Monday.", "PROTEST")
    assert "KEN" in codes(event.source)
    event = of_type("Ethiopian troops remained on alert near the border.", "MOBILIZE")
    assert codes(event.source) == {"ETH"}


def test_a_noun_event_in_a_victims_phrase_takes_no_actor_from_it() -> None:
    event = of_type("Two Kenyan soldiers were killed in an attack by al-Shabaab.", "ASSAULT")
    assert "KEN" not in codes(event.source)


def test_a_denied_clause_about_the_deniers_own_forces_has_no_recipient() -> None:
    event = of_type("Ethiopia denied that its troops had entered Somalia.", "REJECT")
    assert codes(event.source) == {"ETH"}
    assert "ETH" not in codes(event.target)


def test_an_outage_with_no_agent_is_no_event_but_a_cut_by_someone_is_coerce() -> None:
    assert not [e for e in events("Power was cut to several villages overnight.")
                if e.type in ("SANCTION", "COERCE")]
    event = of_type("The Malian army cut power to the northern towns.", "COERCE")
    assert event.mode == "withhold"


def test_a_preposition_on_a_conjoined_object_names_the_target() -> None:
    event = of_type("Ethiopian forces launched artillery, mortar and rocket fire against "
                    "Eritrean positions.", "ASSAULT")
    assert codes(event.source) == {"ETH"}
    assert "ERI" in codes(event.target)


def test_the_thing_given_is_not_the_recipient() -> None:
    event = of_type("Kenya will contribute 500 Kenyan police officers to a UN force in Haiti.",
                    "AGREE")
    assert codes(event.target) == {"UN"}


def test_a_gathering_verb_gives_a_protest_noun_its_actor() -> None:
    event = of_type("Thousands of Zambian students gathered for a rally on Friday.", "PROTEST")
    assert "ZMB" in codes(event.source)


def test_violence_with_no_named_perpetrator_has_an_unidentified_actor() -> None:
    event = of_type("A journalist was killed by a car bomb in Mogadishu.", "ASSAULT")
    assert [(a.sector, a.code) for a in event.source] == [("UNK", "SOM")]


def test_the_unidentified_actor_never_takes_the_victims_country_by_default() -> None:
    event = of_type("Three US soldiers were killed by a roadside bomb outside a base in "
                    "Syria.", "ASSAULT")
    assert all(a.code != "USA" for a in event.source)


def test_the_agent_of_the_act_a_verb_happened_in_is_its_source() -> None:
    event = of_type("Two Kenyan soldiers were killed in an attack by al-Shabaab.", "ASSAULT")
    assert codes(event.source) == {"SOM"}


def test_coercion_with_no_named_agent_has_an_unidentified_actor() -> None:
    event = of_type("Three opposition leaders were arrested in Kenya on Monday.", "COERCE")
    assert [(a.sector, a.code) for a in event.source] == [("UNK", "KEN")]


def test_a_protest_with_no_named_actor_is_by_civilians_of_the_place() -> None:
    event = of_type("A demonstration against fuel prices was held in Abuja.", "PROTEST")
    assert [(a.sector, a.code) for a in event.source] == [("CVL", "NGA")]


def test_the_object_after_an_as_phrase_is_the_target() -> None:
    event = of_type("Ghana on Monday condemned as a grave crime Togo's closure of the border.",
                    "ACCUSE")
    assert "TGO" in codes(event.target)


def test_withdrawn_troops_are_the_actor_of_their_withdrawal() -> None:
    event = of_type("Two thousand Ethiopian troops were withdrawn from Somalia last week.",
                    "RETREAT")
    assert codes(event.source) == {"ETH"}
    assert codes(event.target) == {"SOM"}


def test_a_protest_against_acts_by_someone_targets_the_agent() -> None:
    event = of_type("Somali students held demonstrations against abuses by the Ethiopian army.",
                    "PROTEST")
    assert codes(event.target) == {"ETH"}


def test_out_of_a_place_reads_as_from_it() -> None:
    event = of_type("Ethiopian troops were withdrawn out of the northern Somali town of Baidoa.",
                    "RETREAT")
    assert codes(event.source) == {"ETH"}
    assert codes(event.target) == {"SOM"}


def test_the_subject_of_a_death_verb_is_the_victim_of_the_noun_event() -> None:
    event = of_type("Three Kenyan soldiers died in a suicide bombing in Somalia.", "ASSAULT")
    assert codes(event.target) == {"KEN"}
    event = of_type("Two Afghan policemen were wounded in a rocket attack.", "ASSAULT")
    assert codes(event.target) == {"AFG"}


def test_the_last_resort_target_is_deeper_in_the_clause() -> None:
    event = of_type("The Japanese government approved a plan to build a new base for American "
                    "troops.", "SUPPORT")
    assert codes(event.target) == {"USA"}
    event = of_type("The Kenyan parliament approved a law recognizing the land claims of Somali "
                    "refugees.", "SUPPORT")
    assert codes(event.target) == {"SOM"}


def test_the_last_resort_target_is_never_the_subject_or_a_date() -> None:
    event = of_type("Rebels of the Kenyan army have been disarmed since the August 13 accord.",
                    "RETREAT")
    assert "August" not in {a.name for a in event.target}
