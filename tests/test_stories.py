"""Duplicate detection, story grouping and event merging on small built cases."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.errors import QueryError
from wirewatch.records import Actor, Analysis, Article, Event, Story
from wirewatch.watch.merge import merge_events, most_common
from wirewatch.watch.stories import content_words, find_duplicates, group_stories

WORDS = [
    "minister",
    "border",
    "troops",
    "talks",
    "sanctions",
    "pipeline",
    "drills",
    "alliance",
    "summit",
    "envoy",
    "ceasefire",
    "parliament",
    "treaty",
    "missile",
    "exports",
    "grain",
    "navy",
    "embassy",
    "protest",
    "election",
    "reactor",
    "convoy",
    "harbour",
    "inspectors",
    "budget",
    "tariffs",
    "satellite",
    "refinery",
    "corridor",
    "garrison",
    "delegation",
    "vote",
]


def prose(seed: int, paragraphs: int = 6, words: int = 45) -> tuple[str, ...]:
    rng = random.Random(seed)
    return tuple(
        " ".join(
            rng.choice(WORDS) + rng.choice(["", "s", "ed", "ing"]) for _ in range(words)
        ).capitalize()
        + "."
        for _ in range(paragraphs)
    )


def art(
    aid: str,
    body: tuple[str, ...],
    *,
    site: str = "a.example",
    day: str = "2024-03-01",
    title: str | None = None,
) -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", form="text", site=site, title=title, published=day, body=body
    )


def lightly_altered(body: tuple[str, ...], seed: int) -> tuple[str, ...]:
    """Drop one paragraph, add one, swap a few words: what a republishing site does."""
    rng = random.Random(seed)
    paras = list(body)
    del paras[rng.randrange(len(paras))]
    paras.insert(rng.randrange(len(paras)), "Our correspondent adds background to this report.")
    words = paras[0].split()
    for _ in range(3):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    paras[0] = " ".join(words)
    return tuple(paras)


def test_copy_is_found_and_the_earliest_is_the_original() -> None:
    original = art("orig", prose(1), site="wire.example", day="2024-03-01", title="Talks fail")
    copy = art(
        "copy",
        lightly_altered(prose(1), 7),
        site="reprint.example",
        day="2024-03-02",
        title="A new headline",
    )
    others = [art(f"o{i}", prose(100 + i)) for i in range(5)]
    dups = find_duplicates([copy, *others, original])
    assert [(d.copy_id, d.original_id) for d in dups] == [("copy", "orig")]
    assert 0.5 <= dups[0].similarity <= 1.0


def test_unrelated_articles_are_not_duplicates() -> None:
    articles = [art(f"a{i}", prose(i)) for i in range(20)]
    assert find_duplicates(articles) == []


def test_a_group_of_copies_has_one_original() -> None:
    body = prose(3)
    arts = [
        art("c2", lightly_altered(body, 2), day="2024-03-03"),
        art("o", body, day="2024-03-01"),
        art("c1", lightly_altered(body, 1), day="2024-03-02"),
    ]
    dups = find_duplicates(arts)
    assert {d.original_id for d in dups} == {"o"}
    assert {d.copy_id for d in dups} == {"c1", "c2"}


def test_bad_threshold_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        find_duplicates([], threshold=0.0)
    with pytest.raises(QueryError):
        group_stories([], window_days=-1)


RUSSIA_A = (
    "Russia accused NATO on Tuesday of moving troops and armoured vehicles closer to its "
    "western border with Estonia, calling the deployment a provocation.",
    "The Russian foreign ministry said the alliance's exercises near Narva threatened regional "
    "security and warned of a military response.",
)
RUSSIA_B = (
    "Moscow has accused the NATO alliance of a provocation after troops and armoured vehicles "
    "moved toward the Russian border near Narva in Estonia.",
    "A foreign ministry spokeswoman warned that Russia would respond to the exercises, which "
    "she said threatened security in the region.",
)
TRADE = (
    "China and Brazil signed an agreement on soybean exports and port investment during a "
    "state visit to Beijing, officials said.",
    "The deal lowers tariffs on grain shipments and funds a new rail corridor to the coast.",
)


def test_two_outlets_covering_one_story_are_grouped() -> None:
    a = art("a", RUSSIA_A, site="one.example", day="2024-03-05", title="Russia accuses NATO")
    b = art("b", RUSSIA_B, site="two.example", day="2024-03-06", title="Moscow warns alliance")
    c = art("c", TRADE, site="one.example", day="2024-03-05", title="China, Brazil sign deal")
    found = group_stories(
        [a, b, c], actors={"a": ["RUS", "NATO"], "b": ["RUS", "NATO"], "c": ["CHN", "BRA"]}
    )
    by_member = {aid: s for s in found for aid in s.article_ids}
    assert by_member["a"] is by_member["b"]
    assert by_member["c"] is not by_member["a"]
    assert by_member["a"].sites == ("one.example", "two.example")
    assert by_member["a"].first_seen == "2024-03-05"
    assert sorted(aid for s in found for aid in s.article_ids) == ["a", "b", "c"]


def test_story_window_and_actor_overlap_split_stories() -> None:
    a = art("a", RUSSIA_A, day="2024-03-05")
    late = art("late", RUSSIA_B, day="2024-03-20")
    assert len(group_stories([a, late], window_days=3)) == 2
    other = art("other", RUSSIA_B, day="2024-03-05")
    split = group_stories([a, other], actors={"a": ["RUS"], "other": ["FRA"]})
    assert len(split) == 2
    joined = group_stories([a, other], actors={"a": ["RUS"], "other": ["RUS"]})
    assert len(joined) == 1


def test_syndicated_copy_joins_its_original_story() -> None:
    body = prose(9)
    orig = art("orig", body, site="wire.example", day="2024-03-01")
    copy = art("copy", lightly_altered(body, 4), site="reprint.example", day="2024-03-09")
    (story,) = group_stories([orig, copy])
    assert story.duplicate_of == (("copy", "orig"),)
    assert story.article_ids[0] == "orig"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=200), min_size=0, max_size=8))
def test_every_article_lands_in_exactly_one_story(texts: list[str]) -> None:
    articles = [art(f"id{i}", (t,)) for i, t in enumerate(texts)]
    found = group_stories(articles)
    members = [aid for s in found for aid in s.article_ids]
    assert sorted(members) == sorted(a.id for a in articles)


def test_content_words_drop_function_words() -> None:
    words = content_words(art("x", ("The minister said that the talks were over.",)))
    assert words == {"minister", "talks"}


def event(
    type_: str,
    src: str,
    tgt: str,
    *,
    intensity: float = -3.0,
    quad: str = "VERBAL CONFLICT",
    modality: str = "asserted",
    date: str | None = None,
) -> Event:
    return Event(
        type=type_,
        mode=None,
        source=(Actor(src, src),),
        target=(Actor(tgt, tgt),),
        modality=modality,  # type: ignore[arg-type]
        attribution=None,
        intensity=intensity,
        quad=quad,
        trigger="t",
        sentence=f"{src} {type_} {tgt}.",
        start=0,
        end=10,
        rule="r",
        coder="test",
        date=date,
    )


def analysis(aid: str, site: str, day: str, *events: Event) -> Analysis:
    return Analysis(article=art(aid, (f"text {aid}",), site=site, day=day), events=events)


def story(sid: str, *ids: str, copies: tuple[tuple[str, str], ...] = ()) -> Story:
    return Story(
        id=sid,
        article_ids=ids,
        sites=(),
        first_seen=None,
        last_seen=None,
        title=None,
        duplicate_of=copies,
    )


def test_reports_of_one_event_merge_and_copies_count_once() -> None:
    analyses = [
        analysis("orig", "wire.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
        analysis("copy", "reprint.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
        analysis("own", "daily.example", "2024-03-06", event("ACCUSE", "RUS", "NATO")),
        analysis("far", "daily.example", "2024-03-20", event("ACCUSE", "RUS", "NATO")),
        analysis("rev", "daily.example", "2024-03-05", event("ACCUSE", "NATO", "RUS")),
    ]
    stories = [
        story("s1", "orig", "copy", "own", copies=(("copy", "orig"),)),
        story("s2", "far"),
        story("s3", "rev"),
    ]
    merged = merge_events(analyses, stories)
    by_key = {(m.source_code, m.target_code, m.date): m for m in merged}
    first = by_key[("RUS", "NATO", "2024-03-05")]
    assert len(first.mentions) == 3
    assert first.outlets == 2  # wire (original and its copy) + daily
    assert first.first_seen == "2024-03-05"
    assert first.story_id == "s1"
    assert by_key[("RUS", "NATO", "2024-03-20")].outlets == 1
    assert by_key[("NATO", "RUS", "2024-03-05")].outlets == 1
    assert len(merged) == 3


def test_next_day_report_outside_the_story_is_another_event() -> None:
    analyses = [
        analysis("a", "x.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
        analysis("b", "y.example", "2024-03-06", event("ACCUSE", "RUS", "NATO")),
        analysis("c", "z.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
    ]
    merged = merge_events(analyses, [story("s1", "a"), story("s2", "b"), story("s3", "c")])
    assert sorted(len(m.mentions) for m in merged) == [1, 2]  # same day merges, next day not


def test_non_factual_events_do_not_merge_into_events() -> None:
    analyses = [
        analysis(
            "a",
            "x.example",
            "2024-03-05",
            event("THREATEN", "RUS", "UKR", modality="hypothetical"),
            event("THREATEN", "RUS", "UKR", modality="negated"),
        )
    ]
    assert merge_events(analyses, []) == []


def test_event_date_wins_over_published_day() -> None:
    analyses = [
        analysis("a", "x.example", "2024-03-09", event("ASSAULT", "RUS", "UKR", date="2024-03-07"))
    ]
    (merged,) = merge_events(analyses, [])
    assert merged.date == "2024-03-07"


def test_generic_organisation_codes_key_dyads_by_the_organisation() -> None:
    from wirewatch.watch.merge import dyad_key

    assert dyad_key(Actor("NATO", "IGO")) == "NATO"
    assert dyad_key(Actor("North Atlantic Treaty Organization", "IGO")) == "NATO"
    assert dyad_key(Actor("United Nations", "IGO")) == "UN"
    assert dyad_key(Actor("Some Unknown Body", "IGO")) == "IGO"
    assert dyad_key(Actor("NATO member states", "IGO")) == "NATO"
    assert dyad_key(Actor("the UN Security Council", "IGO")) == "UNSC"
    assert dyad_key(Actor("Russia", "RUS")) == "RUS"
    nato = Event(
        type="ACCUSE",
        mode=None,
        source=(Actor("Russia", "RUS"),),
        target=(Actor("NATO", "IGO"),),
        modality="asserted",
        attribution=None,
        intensity=-3.5,
        quad="VERBAL CONFLICT",
        trigger="accused",
        sentence="s",
        start=0,
        end=1,
        rule="r",
        coder="c",
    )
    (merged,) = merge_events([analysis("a", "x.example", "2024-03-01", nato)], [])
    assert (merged.source_code, merged.target_code) == ("RUS", "NATO")


def test_a_story_tie_goes_to_the_smaller_id_whatever_the_load_order() -> None:
    analyses = [
        analysis("a1", "one.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
        analysis("a2", "two.example", "2024-03-05", event("ACCUSE", "RUS", "NATO")),
    ]
    stories = [story("s9", "a1"), story("s2", "a2")]
    for order in (analyses, analyses[::-1]):
        [merged] = merge_events(order, stories)
        assert merged.story_id == "s2"


def test_most_common_breaks_ties_by_value_not_by_order() -> None:
    assert most_common(["b", "a"]) == most_common(["a", "b"]) == "a"
    assert most_common([None, "x", None]) is None
    assert most_common([None, "x"]) == "x"
    assert most_common([]) is None


def test_days_out_of_reason_are_not_merged_into_dyad_days() -> None:
    analyses = [analysis("old", "one.example", "1000-06-15", event("ACCUSE", "RUS", "NATO")),
                analysis("new", "two.example", "9999-06-15", event("ACCUSE", "RUS", "NATO"))]
    merged = merge_events(analyses, [story("s1", "old"), story("s2", "new")])
    assert [m.date for m in merged] == [None, None]
