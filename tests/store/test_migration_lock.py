"""Two processes creating one new database at once both succeed (issue 13)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from wirewatch.store import open_store
from wirewatch.store.migrations import MIGRATIONS


def _open(url: str, barrier: multiprocessing.synchronize.Barrier,
          results: multiprocessing.Queue[str]) -> None:
    barrier.wait()
    try:
        with open_store(url) as store:
            results.put(f"ok {store.schema_version()}")
    except Exception as exc:  # noqa: BLE001 - the parent asserts on what happened
        results.put(f"error {exc}")


def test_two_processes_creating_one_database_both_succeed(store_url: str,
                                                          tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    for attempt in range(2):
        url = store_url if "://" in store_url else str(tmp_path / f"new{attempt}.db")
        barrier, results = context.Barrier(2), context.Queue()
        workers = [context.Process(target=_open, args=(url, barrier, results))
                   for _ in range(2)]
        for worker in workers:
            worker.start()
        outcomes = sorted(results.get(timeout=120) for _ in workers)
        for worker in workers:
            worker.join(timeout=60)
        assert outcomes == [f"ok {MIGRATIONS[-1].version}"] * 2
