"""The executor: read -> extract -> analyse -> store, over files and folders.

A plain loop (or a process pool for ``workers > 1``, or Ray tasks: ``run_ray``) around pure
stage functions. Results are
written in batches, each batch in one transaction together with the inputs it came from, so a
run killed half-way loses at most the batch in flight and a re-run redoes exactly that: articles
are keyed by content (``ids.article_id``), inputs by source, and an input whose content is
already stored is counted as ``unchanged`` without being extracted again.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from wirewatch.blas import blas_threads, limited_blas
from wirewatch.errors import ConfigError, InputError, WirewatchError
from wirewatch.records import Page, Skip
from wirewatch.run.deadline import PAGE_SECONDS
from wirewatch.run.interrupt import raise_if_stopped, watch_parent
from wirewatch.run.stages import content_hash, one_line, process_pages, process_pages_limited
from wirewatch.store import InputResult, Store

if TYPE_CHECKING:
    from wirewatch.read.fetch import Fetcher
    from wirewatch.watch.rebuild import WatchSummary

BATCH_SIZE = 32

Progress = Callable[[str], None]
Executor = Literal["loop", "pool", "ray"]
EXECUTORS: tuple[Executor, ...] = ("loop", "pool", "ray")


@dataclass(slots=True)
class RunSummary:
    """What a run did: inputs read, articles stored, unchanged inputs, skips by reason."""

    run_id: str
    pages_read: int = 0
    articles_stored: int = 0
    unchanged: int = 0
    quotes_stored: int = 0
    events_stored: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    skips: list[Skip] = field(default_factory=list)
    not_analyzed: list[tuple[str, str]] = field(default_factory=list)  # (article id, error)
    seconds: float = 0.0
    watch: WatchSummary | None = None  # the watch stage's update at the end (watch=True)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def _read_all(paths: Sequence[str], fetch: bool,
              fetcher: Fetcher | None) -> Iterator[Page | Skip]:
    from wirewatch.read import read_pages

    for path in paths:
        try:
            yield from read_pages([path], fetch=fetch, fetcher=fetcher)
        except InputError as exc:
            yield Skip(path, exc.reason, exc.detail)
        except WirewatchError:
            raise
        # A reader bug ends the reading of this path only: the path is recorded as a skip with
        # the error, and the other paths are still read.
        except Exception as exc:  # noqa: BLE001
            yield Skip(path, "read_error", one_line(exc))


class _Runner:
    def __init__(self, store: Store, summary: RunSummary, progress: Progress | None,
                 analyze: bool, force: bool) -> None:
        self.store = store
        self.analyze = analyze
        self.force = force
        self.summary = summary
        self.progress = progress
        self.skips: list[InputResult] = []

    def tick(self, source: str) -> None:
        if self.progress is not None:
            self.progress(source)

    def skip(self, skip: Skip) -> None:
        self.skips.append(InputResult(skip.source, None, skip=skip))

    def save(self, results: Sequence[InputResult]) -> None:
        batch = [*self.skips, *results]
        self.skips = []
        if not batch:
            return
        self.store.save_batch(batch, run_id=self.summary.run_id)
        for item in batch:
            if item.skip is not None:
                self.summary.skipped[item.skip.reason] += 1
                self.summary.skips.append(item.skip)
            elif item.analysis is not None:
                self.summary.articles_stored += 1
                self.summary.quotes_stored += len(item.analysis.quotes)
                self.summary.events_stored += len(item.analysis.events)
                if item.note is not None:
                    self.summary.not_analyzed.append((item.analysis.article.id, item.note))
            self.tick(item.source)
        raise_if_stopped()  # a stop whose KeyboardInterrupt was swallowed ends the run here


def _batches(runner: _Runner, items: Iterable[Page | Skip],
             batch_size: int) -> Iterator[list[tuple[Page, str]]]:
    """Group pages that need work into batches; record skips and unchanged pages on the way."""
    batch: list[tuple[Page, str]] = []
    for item in items:
        runner.summary.pages_read += 1
        if isinstance(item, Skip):
            runner.skip(item)
            continue
        digest = content_hash(item)
        if not runner.force and runner.store.is_unchanged(item.source, digest,
                                                          analyzed=runner.analyze):
            runner.summary.unchanged += 1
            runner.tick(item.source)
            continue
        batch.append((item, digest))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def choose_executor(executor: str | None, workers: int, ray_address: str | None) -> Executor:
    """The executor to use: the one named, else Ray when an address is given, else the loop
    for one worker and the process pool for more."""
    if executor is None:
        return "ray" if ray_address else ("loop" if workers == 1 else "pool")
    for known in EXECUTORS:
        if executor == known:
            return known
    raise ConfigError(f"unknown executor {executor!r} (one of {', '.join(EXECUTORS)})")


def run_pages(items: Iterable[Page | Skip], store: Store, *, analyze: bool = True,
              progress: Progress | None = None, workers: int = 1,
              batch_size: int = BATCH_SIZE, force: bool = False,
              executor: Executor | None = None, ray_address: str | None = None,
              watch: bool = True, page_seconds: float = PAGE_SECONDS) -> RunSummary:
    """Run already-read pages (and reader skips) through extract, analyse and store.

    ``watch`` (the default) brings the watch tables (stories, merged events, tension) up to
    date at the end, incrementally (``watch.rebuild.update_watch``): the Python API, the CLI
    and ``watch`` leave the same database.

    ``force`` redoes pages whose content is already stored (after a new extractor or coder).
    ``page_seconds``: each page's wall-clock budget per stage (``run.deadline``; 0: none); a
    page over it is recorded as ``timeout`` and the rest of its batch is kept.
    ``executor``: ``loop``, ``pool`` (``workers`` processes) or ``ray`` (a local Ray with
    ``workers`` CPUs, or the cluster at ``ray_address``); by default the loop for one worker,
    the pool for more, Ray when ``ray_address`` is given. Every executor stores the same.
    """
    if workers < 1 or batch_size < 1:
        raise ValueError("workers and batch_size must be at least 1")
    if page_seconds < 0:
        raise ValueError("page_seconds must be 0 (no limit) or more")
    chosen = choose_executor(executor, workers, ray_address)
    started = time.perf_counter()
    run = functools.partial(_run_pages, items, store, chosen, started, analyze=analyze,
                            progress=progress, workers=workers, batch_size=batch_size,
                            force=force, ray_address=ray_address, page_seconds=page_seconds)
    if chosen != "ray":
        summary = run()
    else:
        from wirewatch.run.ray import ray_session

        # Ray is imported, started or joined before the run row: a missing Ray or a bad
        # address is a ConfigError that records no run.
        with ray_session(ray_address, workers):
            summary = run()
    if watch:
        from wirewatch.watch.rebuild import update_watch

        summary.watch = update_watch(store)
    return summary


def _run_pages(items: Iterable[Page | Skip], store: Store, chosen: Executor, started: float,
               *, analyze: bool, progress: Progress | None, workers: int, batch_size: int,
               force: bool, ray_address: str | None, page_seconds: float) -> RunSummary:
    summary = RunSummary(run_id=store.start_run(analyzed=analyze))
    runner = _Runner(store, summary, progress, analyze, force)
    status = "failed"
    threads = blas_threads()  # every executor sets it, so measured figures are a user's
    try:
        if chosen == "loop":
            with limited_blas(threads):
                for batch in _batches(runner, items, batch_size):
                    runner.save(process_pages(batch, analyze, page_seconds=page_seconds))
        elif chosen == "pool":
            _run_pool(runner, _batches(runner, items, batch_size), analyze, workers, threads,
                      page_seconds)
        else:
            from wirewatch.run.ray import run_ray

            run_ray(_batches(runner, items, batch_size), runner.save, analyze,
                    workers=workers, address=ray_address, blas_threads=threads,
                    page_seconds=page_seconds)
        runner.save([])
        raise_if_stopped()
        status = "done"
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, status=status, pages_read=summary.pages_read,
                         articles_stored=summary.articles_stored, unchanged=summary.unchanged,
                         skipped=dict(summary.skipped))
    return summary


def _run_pool(runner: _Runner, batches: Iterator[list[tuple[Page, str]]], analyze: bool,
              workers: int, threads: int | None, page_seconds: float) -> None:
    # forkserver, not fork: the parent has threads (the progress bar) and open database
    # connections, which a forked child must not inherit. Each batch runs with BLAS at
    # ``threads`` (one worker per core: 1 by default).
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=watch_parent, initargs=(os.getpid(),))
    finished = False
    try:
        pending: set[Future[list[InputResult]]] = set()
        for batch in batches:
            pending.add(pool.submit(process_pages_limited, batch, analyze, threads,
                                    page_seconds=page_seconds))
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    runner.save(future.result())
        for future in pending:
            runner.save(future.result())
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # an error or a stop: no batch is waited for, no worker is left running
            _stop_pool(pool)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers now (Python 3.14 has ``terminate_workers``;
    before it the worker processes are only reachable through ``_processes``)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def run_paths(paths: Sequence[str], store: Store, *, analyze: bool = True,
              progress: Progress | None = None, workers: int = 1,
              batch_size: int = BATCH_SIZE, force: bool = False,
              executor: Executor | None = None, ray_address: str | None = None,
              fetch: bool = True, fetcher: Fetcher | None = None,
              watch: bool = True, page_seconds: float = PAGE_SECONDS) -> RunSummary:
    """Read files, folders and URLs (``-`` for stdin), extract, analyse and store every article,
    then update the watch tables (unless ``watch=False``).

    The links of feeds, sitemaps and URL lists (and URLs given as paths) are fetched with
    ``fetcher`` (a default, SSRF-guarded one when None); ``fetch=False`` records them as
    ``not_fetched`` skips instead.

    >>> with open_store("wirewatch.db") as store:              # doctest: +SKIP
    ...     summary = run_paths(["examples/pages"], store)
    >>> summary.articles_stored, dict(summary.skipped)          # doctest: +SKIP
    (120, {'empty': 1})
    """
    return run_pages(_read_all(paths, fetch, fetcher), store, analyze=analyze, progress=progress,
                     workers=workers, batch_size=batch_size, force=force,
                     executor=executor, ray_address=ray_address, watch=watch,
                     page_seconds=page_seconds)
