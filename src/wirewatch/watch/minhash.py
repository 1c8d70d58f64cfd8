"""MinHash signatures and LSH band parameters in numpy, the values datasketch 2.0 computes.

datasketch's package imports SciPy's integrators (for its LSH parameters) whatever part of it
is used: about 0.5 CPU-s at every start of a process that runs the watch stage, a sixth of
the fixed cost of ``wirewatch run``. These are the two things the watch stage takes from it:

- ``minhash``: ``MinHash(num_perm, seed=1)`` with its default ``affine32`` scheme: the base
  hashes mixed by MurmurHash3's 32-bit finaliser, then ``a * h + b`` modulo 2^32 with ``a``
  odd, ``(a, b)`` drawn from ``numpy.random.RandomState(seed)``; the minimum per permutation.
- ``optimal_bands``: ``datasketch.lsh._optimal_param``: the (bands, rows) that minimise the
  weighted false-positive and false-negative areas under the LSH S-curve; the areas are
  integrated exactly by Gauss-Legendre quadrature (the integrand is a polynomial of degree
  bands * rows <= num_perm).

tests/watch/test_minhash.py holds both against datasketch itself (a test dependency).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

SEED = 1
_MAX = np.uint32(0xFFFFFFFF)
# MurmurHash3 fmix32: (shift, multiplier, shift, multiplier, shift)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
         np.uint32(16))
# Gauss-Legendre with n nodes is exact for polynomials of degree <= 2n - 1.
_NODES = 96


@cache
def _permutations(num_perm: int, seed: int = SEED) -> tuple[npt.NDArray[np.uint32],
                                                            npt.NDArray[np.uint32]]:
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    s1, m1, s2, m2, s3 = _FMIX
    values = values ^ (values >> s1)
    values = values * m1  # arrays wrap modulo 2^32, as intended
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def minhash(hashes: Sequence[int], num_perm: int) -> npt.NDArray[np.uint32]:
    """The MinHash signature of a set given by its members' 32-bit hashes (all values the
    maximum for an empty set)."""
    out = np.full(num_perm, _MAX, dtype=np.uint32)
    if not hashes:
        return out
    a, b = _permutations(num_perm)
    mixed = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
    smallest: npt.NDArray[np.uint32] = np.minimum(out, (mixed * a + b).min(axis=0))
    return smallest


@cache
def _legendre() -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    nodes, weights = np.polynomial.legendre.leggauss(_NODES)
    return nodes, weights


def _areas(bands: npt.NDArray[np.float64], rows: npt.NDArray[np.float64], low: float,
           high: float, *, above: bool) -> npt.NDArray[np.float64]:
    """For each (bands, rows) pair, the area under 1 - (1 - s^rows)^bands on [low, high]
    (under 1 minus it: ``above``)."""
    nodes, weights = _legendre()
    s = ((high - low) / 2 * nodes + (high + low) / 2)[:, None]
    curve = 1 - (1 - s ** rows[None, :]) ** bands[None, :]
    values = 1 - curve if above else curve
    areas: npt.NDArray[np.float64] = (high - low) / 2 * (weights @ values)
    return areas


@cache
def optimal_bands(threshold: float, num_perm: int, false_positive_weight: float = 0.5,
                  false_negative_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) minimising the weighted false-positive area below ``threshold`` and the
    false-negative area above it; on a tie the first in datasketch's order (bands, then rows,
    ascending)."""
    if num_perm > 2 * _NODES - 1:
        raise ValueError(f"num_perm {num_perm} is over what {_NODES}-node quadrature "
                         "integrates exactly")
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([b for b, _ in pairs], dtype=np.float64)
    rows = np.array([r for _, r in pairs], dtype=np.float64)
    error = (_areas(bands, rows, 0.0, threshold, above=False) * false_positive_weight
             + _areas(bands, rows, threshold, 1.0, above=True) * false_negative_weight)
    return pairs[int(np.argmin(error))]  # argmin: the first of equal minima
