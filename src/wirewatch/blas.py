"""BLAS threads: one setting for every path that runs the model.

The executors (loop, pool, Ray) and the library's ``analyze`` run the model with BLAS at
``blas_threads()`` threads, so the figures measured by the benchmarks are what a user gets
from any path. Default 1: one worker per core is how every executor runs, and spaCy's small
matrices gain nothing from more threads per CPU-second (bench/results/bench_patches.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from wirewatch.errors import ConfigError

BLAS_THREADS_ENV = "WIREWATCH_BLAS_THREADS"


def blas_threads(value: str | None = None) -> int | None:
    """BLAS threads per worker: ``$WIREWATCH_BLAS_THREADS`` (or ``value``), a positive number
    or ``default`` (the BLAS library's own choice: None)."""
    raw = (value if value is not None else os.environ.get(BLAS_THREADS_ENV, "1")).strip()
    if raw.lower() == "default":
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{BLAS_THREADS_ENV} must be a positive number or 'default', "
                          f"got {raw!r}")
    return int(raw)


@contextmanager
def limited_blas(threads: int | None) -> Iterator[None]:
    """BLAS (OpenBLAS, MKL, BLIS) limited to ``threads`` inside the block; None: unchanged."""
    if threads is None:
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=threads, user_api="blas"):
        yield
