"""watch.minhash gives datasketch's MinHash signatures and LSH parameters (datasketch is a test
dependency only: importing it loads SciPy's integrators, ~0.5 CPU-s at every start)."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.watch.lsh import banding, signature
from wirewatch.watch.minhash import minhash, optimal_bands

datasketch = pytest.importorskip("datasketch")
ROOT = Path(__file__).resolve().parents[2]


def _datasketch_signature(tokens: list[str]) -> list[int]:
    mh = datasketch.MinHash(num_perm=128, hashfunc=zlib.crc32)
    mh.update_batch([t.encode("utf-8") for t in tokens])
    return [int(v) for v in mh.hashvalues]


@settings(max_examples=60, deadline=None)
@given(tokens=st.lists(st.text(max_size=30), max_size=300))
def test_signatures_are_datasketchs(tokens: list[str]) -> None:
    assert [int(v) for v in signature(tokens)] == _datasketch_signature(tokens)


def test_an_empty_set_has_the_maximum_everywhere() -> None:
    assert set(minhash([], 16).tolist()) == {2**32 - 1}
    assert signature([]).tolist() == _datasketch_signature([])


@pytest.mark.parametrize("threshold", [round(0.05 * i, 2) for i in range(1, 20)]
                         + [0.22, 0.25, 0.35, 0.45, 0.5])
def test_bands_and_rows_are_datasketchs(threshold: float) -> None:
    from datasketch.lsh import _optimal_param

    expected = tuple(int(v) for v in _optimal_param(threshold, 128, 0.5, 0.5))
    assert optimal_bands(threshold, 128) == expected
    assert (banding("x", threshold).bands, banding("x", threshold).rows) == expected


def test_weights_change_the_choice_as_datasketchs_do() -> None:
    from datasketch.lsh import _optimal_param

    for weights in ((0.9, 0.1), (0.1, 0.9)):
        expected = tuple(int(v) for v in _optimal_param(0.4, 64, *weights))
        assert optimal_bands(0.4, 64, *weights) == expected


def test_the_watch_stage_imports_neither_datasketch_nor_scipy() -> None:
    probe = ("import sys, wirewatch.watch.rebuild, wirewatch.watch.stories; "
             "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_signatures_are_uint32_arrays() -> None:
    sig = signature(["a", "b"])
    assert sig.dtype == np.uint32 and sig.shape == (128,)
