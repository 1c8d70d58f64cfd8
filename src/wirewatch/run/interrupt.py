"""Stopping a run: Ctrl-C and SIGTERM end it with a ``failed`` run row, and workers never
outlive the process that started them.

``stop_on_signals`` turns SIGINT and SIGTERM into ``KeyboardInterrupt`` and also remembers that
a stop was asked for: an interrupt raised where Python can only print it (a ``__del__``, a
callback) is not lost, because the executor calls ``raise_if_stopped`` after every batch and
before it marks a run done. ``watch_parent`` is the initializer of every pool worker: it
ignores SIGINT (the executor stops the workers), asks Linux to kill the worker when its parent
dies (``PR_SET_PDEATHSIG``) and, everywhere, polls the run's process and exits when it is gone,
so a ``kill -9`` of the run leaves no worker, forkserver or resource tracker behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

_stop = threading.Event()
_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 1.0


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    _stop.set()
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``KeyboardInterrupt`` in the main thread, and are remembered."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _stop.clear()
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _stop.clear()  # the stop ended this run; it must not end the next one in the process


def raise_if_stopped() -> None:
    """Raise ``KeyboardInterrupt`` when a stop signal came, even if its first raise was lost."""
    if _stop.is_set():
        raise KeyboardInterrupt("stopped by a signal")


def _gone(pid: int) -> bool:
    """The process has exited: no such pid, another user's (reused), or a zombie not yet
    reaped (a killed run whose own parent is busy)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rpartition(")")[2].split()[0] in ("Z", "X")
    except (FileNotFoundError, IndexError):  # no /proc here, or the process just went
        return not sys.platform.startswith("linux")


def _exit_when_gone(parent: int) -> None:
    while not _gone(parent):
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)  # the run is gone: nothing left to report to


def watch_parent(parent: int) -> None:
    """Pool worker initializer: die with the run process ``parent`` (see the module doc)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_exit_when_gone, args=(parent,), daemon=True,
                     name="wirewatch-parent-watch").start()
