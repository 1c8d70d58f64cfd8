"""Modality of event triggers: negation, alleged, denied, future (will), hypothetical (may)."""

from __future__ import annotations

import pytest

from wirewatch.analyze.events.match import match_token
from wirewatch.analyze.events.modality import modality_of
from wirewatch.analyze.nlp.load import pipe_texts


def modality_at(text: str, word: str) -> str:
    doc = next(pipe_texts([text], disable=()))
    token = next(t for t in doc if t.text == word)
    assert match_token(token) is not None, f"{word!r} should be a trigger"
    return modality_of(token)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Russia attacked Ukraine.", "attacked", "asserted"),
        ("Russia did not attack Ukraine.", "attack", "negated"),
        ("Russia never attacked Ukraine.", "attacked", "negated"),
        ("Officials reported an alleged attack on the convoy.", "attack", "alleged"),
        ("There was a purported buildup near the border.", "buildup", "alleged"),
        ("Activists claimed that the army attacked the village.", "attacked", "alleged"),
        ("The army denied that it attacked the village.", "attacked", "denied"),
        ("Russia will attack Ukraine, the minister said.", "attack", "future"),
        ("Russia is planning to attack Ukraine.", "attack", "future"),
        ("Russia may attack Ukraine.", "attack", "hypothetical"),
        ("Russia could attack Ukraine if talks fail.", "attack", "hypothetical"),
    ],
)
def test_modality(text: str, word: str, expected: str) -> None:
    assert modality_at(text, word) == expected


def test_a_denial_is_not_itself_denied() -> None:
    text = "Critics claimed Moscow planned an invasion, an allegation denied by the Kremlin."
    assert modality_at(text, "denied") == "asserted"
    assert modality_at(text, "invasion") == "denied"
