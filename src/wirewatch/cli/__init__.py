"""wirewatch's command line: a thin layer over the library.

Each command lives in a module of this package and registers itself on ``cli.app.main``; a
command parses its arguments, calls one library function and maps WirewatchError to a one-line
message and an exit status (0 done, 1 runtime failure such as an unwritable database,
2 usage error).
"""

from __future__ import annotations

# Imported for their side effect of adding commands to ``main``.
from wirewatch.cli import analyze_cmds, article_cmds, poll_cmds, watch_cmds  # noqa: F401
from wirewatch.cli.app import main

__all__ = ["main"]
