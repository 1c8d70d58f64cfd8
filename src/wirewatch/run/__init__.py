"""Executors: read -> extract -> analyse -> store over many inputs.

``stages`` holds the pure, picklable functions every executor runs; ``local`` drives them in a
loop or a process pool and writes the store; ``ray`` runs the same batches as Ray tasks. The
executors import the stages, never the reverse.
"""

from wirewatch.run.local import (
    BATCH_SIZE,
    EXECUTORS,
    Executor,
    RunSummary,
    choose_executor,
    run_pages,
    run_paths,
)
from wirewatch.run.stages import analyze_batch, content_hash, extract_or_skip, process_pages

__all__ = [
    "BATCH_SIZE",
    "EXECUTORS",
    "Executor",
    "RunSummary",
    "analyze_batch",
    "choose_executor",
    "content_hash",
    "extract_or_skip",
    "process_pages",
    "run_pages",
    "run_paths",
]
