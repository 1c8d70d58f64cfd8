"""The speed patches: one switch, a version guard that steps aside, the same analyses."""

from __future__ import annotations

import logging

import pytest

from wirewatch.analyze.nlp import patches
from wirewatch.analyze.nlp.load import _load, applied_patches, load_nlp, model_name
from wirewatch.analyze.pipeline import analyze_articles
from wirewatch.records import Article

ARTICLE = Article(id="t", source="t.txt", form="text", body=(
    "Russian forces shelled Ukrainian positions near Kharkiv on Monday, the army said.",
    "“We will respond,” Ukraine's foreign minister Dmytro Kuleba told reporters in Kyiv.",
))


def test_the_switch_turns_every_patch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(patches.SWITCH_ENV, "0")
    assert patches.active() == ()
    assert applied_patches(load_nlp()) == ()
    monkeypatch.setenv(patches.SWITCH_ENV, "1")
    assert patches.active() == patches.PATCHES


def test_the_patches_apply_on_the_supported_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(patches.SWITCH_ENV, raising=False)
    assert patches.unsupported_versions() == []  # the pinned spaCy and thinc
    monkeypatch.setenv("WIREWATCH_BLAS_THREADS", "1")
    assert set(applied_patches(load_nlp())) == {"memo", "numpy_gemm"}
    assert applied_patches(load_nlp(fast=False)) == ()
    # numpy's BLAS pays only at one thread: with more, the model keeps BLIS
    monkeypatch.setenv("WIREWATCH_BLAS_THREADS", "default")
    assert applied_patches(load_nlp()) == ("memo",)


def test_other_versions_step_aside_with_one_warning_and_the_pipeline_runs(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv(patches.SWITCH_ENV, raising=False)
    monkeypatch.setattr(patches, "_installed", lambda: {"spacy": "3.9.1", "thinc": "8.3.4"})
    patches._warn_once.cache_clear()
    with caplog.at_level(logging.WARNING, logger=patches.__name__):
        assert patches.active() == ()
        assert patches.active() == ()
    warnings = [r for r in caplog.records if "speed patches off" in r.getMessage()]
    assert len(warnings) == 1 and "spacy 3.9.1" in warnings[0].getMessage()
    nlp = _load(model_name(), patches.active())
    assert applied_patches(nlp) == ()
    assert analyze_articles([ARTICLE], nlp=nlp)[0].events  # still codes


def test_unsupported_versions_names_each_package() -> None:
    assert patches.unsupported_versions({"spacy": "3.8.7", "thinc": "8.3.6"}) == []
    assert patches.unsupported_versions({"spacy": "4.0.0"}) == ["spacy 4.0.0", "thinc missing"]


def test_patched_and_plain_pipelines_give_the_same_analysis() -> None:
    fast, plain = load_nlp(), load_nlp(fast=False)
    assert fast is not plain
    ours = analyze_articles([ARTICLE], nlp=fast)[0]
    theirs = analyze_articles([ARTICLE], nlp=plain)[0]
    assert ours.events and ours.quotes
    assert ours == theirs
