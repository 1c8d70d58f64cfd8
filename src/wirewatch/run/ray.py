"""The Ray executor: the pool's batch function as Ray tasks, for when one machine is not enough.

Workers run ``run.stages.process_pages`` (extract + analyse one batch: pure, picklable) and send
back the results; the driver keeps reading, checking ``unchanged`` and writing, so the store
has a single writer and is never touched from a worker. At most ``max_in_flight`` batches are
submitted at a time (twice the CPUs Ray offers), so memory stays bounded on any input size.
Ray reuses a worker process for the tasks of the same function, so each worker loads the
spaCy model once (its ``functools.cache``), not once per batch.

``ray`` is imported only here and only when this executor is chosen: it is an optional
dependency (``pip install 'wirewatch[ray]'``).
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from wirewatch.errors import ConfigError, WirewatchError
from wirewatch.records import Page
from wirewatch.run.deadline import PAGE_SECONDS
from wirewatch.store import InputResult

ADDRESS_ENV = "WIREWATCH_RAY_ADDRESS"
CONNECT_TIMEOUT_S = 5.0
NOT_INSTALLED = "Ray is not installed: pip install 'wirewatch[ray]'"
AUTH_HINT = (" (a cluster with token authentication, Ray's default, needs RAY_AUTH_MODE=token "
             "and its token in RAY_AUTH_TOKEN or ~/.ray/auth_token)")

Save = Callable[[Sequence[InputResult]], None]
Batch = list[tuple[Page, str]]


def import_ray() -> Any:
    """The ``ray`` module, or ConfigError when it is not installed."""
    try:
        return importlib.import_module("ray")
    except ImportError as exc:
        raise ConfigError(NOT_INSTALLED) from exc


def _check_reachable(address: str) -> None:
    """Fail fast on a ``host:port`` nobody listens on (Ray itself retries for minutes, then
    exits the process)."""
    target = address.removeprefix("ray://")
    host, sep, port = target.rpartition(":")
    if not sep or not host or not port.isdigit():
        return  # "auto" or another form Ray resolves itself
    try:
        with socket.create_connection((host.strip("[]"), int(port)), CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        raise ConfigError(f"cannot reach a Ray cluster at {address}: "
                          f"{exc.strerror or exc}") from exc


def connect(ray: Any, address: str | None, num_cpus: int) -> bool:
    """Connect to the cluster at ``address``, or start a local Ray with ``num_cpus`` CPUs.

    An already initialised Ray (a test's, or the caller's own) is used as it is. Returns
    whether this call started the session (and so must shut it down).
    """
    if ray.is_initialized():
        return False
    if address:
        _check_reachable(address)
        options: dict[str, Any] = {"address": address}
    else:
        # "local" starts a new instance even when RAY_ADDRESS is set in the environment.
        options = {"address": "local", "num_cpus": num_cpus, "include_dashboard": False}
    try:
        ray.init(**options, log_to_driver=False, logging_level=logging.WARNING)
    # ray.init raises ConnectionError / RuntimeError / ValueError on a bad address or a cluster
    # of another version, and SystemExit when the cluster's control service never answers.
    except (ConnectionError, RuntimeError, ValueError, SystemExit) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        hint = AUTH_HINT if address and "RAY_AUTH_MODE" not in os.environ else ""
        raise ConfigError(f"cannot start or reach {where}: {' '.join(str(exc).split())}{hint}"
                          ) from exc
    return True


@contextmanager
def ray_session(address: str | None, num_cpus: int) -> Iterator[Any]:
    """The ``ray`` module, connected (``connect``) for the block; a Ray started here is shut
    down after it."""
    ray = import_ray()
    started = connect(ray, address, num_cpus)
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def _result(ray: Any, ref: Any) -> list[InputResult]:
    """A finished task's results; a WirewatchError raised in a worker is raised as itself."""
    try:
        results: list[InputResult] = ray.get(ref)
    except ray.exceptions.RayTaskError as exc:
        if isinstance(exc.cause, WirewatchError):
            raise exc.cause from exc
        raise
    return results


def run_ray(batches: Iterable[Batch], save: Save, analyze: bool, *, workers: int = 1,
            address: str | None = None, max_in_flight: int | None = None,
            blas_threads: int | None = 1, page_seconds: float = PAGE_SECONDS) -> None:
    """Run ``process_pages`` over ``batches`` as Ray tasks; ``save`` each batch's results in
    the driver, in the order the tasks finish.

    ``address`` connects to a running cluster (``host:port`` or ``auto``; ``ray://host:port``
    needs Ray Client, ``pip install 'ray[client]'``); without it a local Ray with ``workers``
    CPUs is started and shut down at the end. Errors in a task stop the run like in the loop:
    pages and analyses that fail are already turned into skips and notes in ``process_pages``.
    """
    if workers < 1 or (max_in_flight is not None and max_in_flight < 1):
        raise ValueError("workers and max_in_flight must be at least 1")
    from wirewatch.run.stages import process_pages_limited

    with ray_session(address, workers) as ray:
        if max_in_flight is None:
            cpus = int(ray.cluster_resources().get("CPU", workers))
            max_in_flight = 2 * max(cpus, 1)
        task = ray.remote(num_cpus=1)(process_pages_limited)
        pending: list[Any] = []
        try:
            for batch in batches:
                pending.append(task.remote(batch, analyze, blas_threads,
                                           page_seconds=page_seconds))
                if len(pending) >= max_in_flight:
                    done, pending = ray.wait(pending, num_returns=1)
                    for ref in done:
                        save(_result(ray, ref))
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                for ref in done:
                    save(_result(ray, ref))
        finally:
            for ref in pending:  # a failed run leaves no work behind on a shared cluster
                ray.cancel(ref)
