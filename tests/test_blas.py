"""The executors set BLAS threads on every path; the setting is checked like any option."""

from __future__ import annotations

import pytest

from wirewatch.blas import blas_threads, limited_blas
from wirewatch.errors import ConfigError


def test_blas_threads_default_to_one_per_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_BLAS_THREADS", raising=False)
    assert blas_threads() == 1
    assert blas_threads("4") == 4
    assert blas_threads("default") is None


@pytest.mark.parametrize("bad", ["0", "-1", "two", ""])
def test_bad_blas_threads_are_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="WIREWATCH_BLAS_THREADS"):
        blas_threads(bad)


def test_limited_blas_sets_and_restores_the_thread_count() -> None:
    from threadpoolctl import threadpool_info

    def counts() -> list[int]:
        return [int(p["num_threads"]) for p in threadpool_info() if p["user_api"] == "blas"]

    import numpy  # noqa: F401  (loads OpenBLAS, so there is a pool to limit)

    before = counts()
    with limited_blas(1):
        assert counts() and all(n == 1 for n in counts())
    assert counts() == before
