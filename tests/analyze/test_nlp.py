"""The spaCy model loader: order of choice, caching, errors, batching."""

from __future__ import annotations

import pytest

from wirewatch.analyze.nlp import load as nlp_module
from wirewatch.analyze.nlp.load import load_nlp, model_name, model_version, parse, pipe_texts
from wirewatch.errors import ModelError


def test_explicit_name_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_MODEL", "from_env")
    assert model_name("explicit") == "explicit"
    assert model_name() == "from_env"


def test_falls_back_to_an_installed_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_MODEL", raising=False)
    assert model_name() in nlp_module.FALLBACK_MODELS


def test_no_model_installed_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_MODEL", raising=False)
    monkeypatch.setattr(nlp_module, "FALLBACK_MODELS", ("no_such_model_abc",))
    with pytest.raises(ModelError):
        model_name()


def test_unknown_model_is_a_one_line_model_error() -> None:
    with pytest.raises(ModelError) as info:
        load_nlp("no_such_model_xyz")
    assert "\n" not in str(info.value)
    assert "no_such_model_xyz" in str(info.value)


def test_loaded_once_per_process() -> None:
    assert load_nlp() is load_nlp()
    assert "/" in model_version(load_nlp())


def test_pipe_skips_disabled_components_and_keeps_order() -> None:
    texts = ["NATO met in Brussels.", "Lavrov spoke in Moscow.", ""]
    docs = list(pipe_texts(texts, disable=("lemmatizer", "ner")))
    assert [d.text for d in docs] == texts
    assert not docs[1].has_annotation("ENT_IOB")
    full = parse("Lavrov spoke in Moscow.")
    assert full.has_annotation("DEP")
    assert any(ent.text == "Moscow" for ent in full.ents)
    # the shared pipeline is whole again after a piped batch
    assert "ner" in load_nlp().pipe_names


def test_sentences_never_cross_a_blank_line() -> None:
    text = (
        "Lavrov emphasized that Moscow wants stability, which he said is\n\n"
        "“NATO refuses,” he said."
    )
    doc = parse(text)
    separator = text.index("\n\n")
    boundary = separator + 2
    assert any(sent.start_char == boundary for sent in doc.sents)
    assert not any(s.start_char < separator and s.end_char > boundary for s in doc.sents)
