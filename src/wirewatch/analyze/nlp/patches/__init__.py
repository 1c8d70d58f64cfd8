"""Speed patches to the spaCy pipeline: behind one switch, checked against the versions they
were written for.

A patch changes how the pipeline computes, never what it computes: each one has a test that
the analyses are the same as the unpatched pipeline's (``tests/analyze/test_nlp_patches.py``).

- ``memo`` (``patches.memo``): the attribute ruler and the rule lemmatizer memoised per word,
  through spaCy's public pipeline API (``remove_pipe``/``add_pipe`` of a component wrapping
  the original). Pure Python: no float changes.
- ``numpy_gemm``: the model's layers are built under thinc's public
  ``use_ops("numpy", use_blis=False)``, so dense layers multiply with numpy's BLAS instead of
  BLIS. Floats agree to rounding; analyses are compared, never tensors bit for bit. It pays
  only with BLAS at one thread (the default of every path, ``wirewatch.blas``): with more
  threads numpy's BLAS spends more CPU than BLIS, so it is applied only at one thread.

The switch: ``WIREWATCH_FAST=0`` turns them all off (any other value, or unset, leaves them
on). The guard: outside the spaCy and thinc versions below, the patches step aside with one
warning logged per process and the plain pipeline runs. Which patches are kept, and why, is
measured by ``bench/bench_patches.py`` (docs/decisions.md).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata

from spacy.language import Language

SWITCH_ENV = "WIREWATCH_FAST"
# (package, version prefix) the patches were written and tested for
SUPPORTED: tuple[tuple[str, str], ...] = (("spacy", "3.8."), ("thinc", "8.3."))
PATCHES: tuple[str, ...] = ("memo", "numpy_gemm")

log = logging.getLogger(__name__)


def switched_on() -> bool:
    """False when ``WIREWATCH_FAST=0`` (or ``false``/``off``/``no``)."""
    value = os.environ.get(SWITCH_ENV, "1").strip().lower()
    return value not in {"0", "false", "off", "no"}


def unsupported_versions(installed: dict[str, str] | None = None) -> list[str]:
    """``name version`` of each guarded package outside its supported versions (empty: all fine).

    ``installed`` maps package names to versions (default: what is installed).
    """
    found = installed if installed is not None else _installed()
    return [f"{name} {found.get(name, 'missing')}" for name, prefix in SUPPORTED
            if not found.get(name, "").startswith(prefix)]


def _installed() -> dict[str, str]:
    versions: dict[str, str] = {}
    for name, _ in SUPPORTED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


@functools.cache
def _warn_once(problem: str) -> None:
    log.warning("wirewatch: speed patches off: written for %s, found %s",
                ", ".join(f"{n} {p}x" for n, p in SUPPORTED), problem)


def active(installed: dict[str, str] | None = None, *,
           blas_threads: int | None = 1) -> tuple[str, ...]:
    """The patches that apply now: ``PATCHES`` with the switch on and the versions supported
    (``numpy_gemm`` only with BLAS at one thread), none otherwise (with one warning per
    process for the versions)."""
    if not switched_on():
        return ()
    problems = unsupported_versions(installed)
    if problems:
        _warn_once("; ".join(problems))
        return ()
    return tuple(p for p in PATCHES if p != "numpy_gemm" or blas_threads == 1)


@contextmanager
def building(patches: tuple[str, ...]) -> Iterator[None]:
    """The context to load the model in: thinc's numpy operations without BLIS when
    ``numpy_gemm`` is among ``patches``."""
    if "numpy_gemm" not in patches:
        yield
        return
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        yield


def patch_loaded(nlp: Language, patches: tuple[str, ...]) -> tuple[str, ...]:
    """Apply the patches that work on a loaded pipeline; returns those applied."""
    applied: list[str] = []
    if "numpy_gemm" in patches:
        applied.append("numpy_gemm")  # applied while building (``building``)
    if "memo" in patches:
        from wirewatch.analyze.nlp.patches.memo import install_memos

        if install_memos(nlp):
            applied.append("memo")
    return tuple(applied)
