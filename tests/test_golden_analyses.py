"""The seed's and the examples' analyses equal the committed golden ones on any machine: under
BLAS at one thread and at its default threads, and with the speed patches on and off."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.golden_analyses import GOLDEN, analyse_inputs, differences

HOW_TO_UPDATE = ("analyses differ from tests/data/golden_analyses.json; if the change is meant, "
                 "rewrite it with `PYTHONPATH=src .venv/bin/python -m tests.golden_analyses "
                 "--write` and review the diff")


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    return dict(json.loads(GOLDEN.read_text()))


@pytest.fixture(params=["fast", "plain"])
def patches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("WIREWATCH_FAST", "1" if request.param == "fast" else "0")
    yield str(request.param)


@pytest.mark.slow
@pytest.mark.parametrize("blas_threads", ["1", "default"])
def test_analyses_equal_the_golden_ones(golden: dict[str, object], blas_threads: str,
                                        patches: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_BLAS_THREADS", blas_threads)
    got = analyse_inputs()
    assert len(golden) >= 40  # the seed and the examples' articles
    diffs = differences(golden, got)
    assert not diffs, HOW_TO_UPDATE + ":\n" + "\n".join(diffs[:20])
