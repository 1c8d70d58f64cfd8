"""A wall-clock budget per page: ``SIGALRM`` raises ``PageTimeout`` in the stage that overran.

The timer is a POSIX interval timer of the process (``signal.setitimer``), so it works in the
main thread of the loop, of every pool worker and of every Ray worker, and interrupts Python
code anywhere (trafilatura's loops, spaCy's tokenizer callbacks). It cannot cut a single C call
short (one regex match, one lxml parse): the budgets of ``read.budget`` keep those bounded.
Where no timer can be set (another thread, Windows) the page runs without one.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from wirewatch.errors import PageTimeout

PAGE_SECONDS = 10.0  # default budget of one page in one stage (extraction, analysis)


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise ``PageTimeout`` in the body if it runs longer than ``seconds`` (0: no limit)."""
    if seconds <= 0 or not _can_time():
        yield
        return

    def overrun(_signum: int, _frame: FrameType | None) -> None:
        raise PageTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
