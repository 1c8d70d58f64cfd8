"""What ``wirewatch run`` over local files imports: the command line and the readers load no
fetcher, web server, Ray or Arrow (each costs CPU at every start and none is used)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNUSED = ("httpx", "httpcore", "fastapi", "uvicorn", "starlette", "ray", "pyarrow", "feedparser")

PROBE = textwrap.dedent("""
    import sys
    from wirewatch.cli import main
    from wirewatch.read import read_pages
    from wirewatch.run import run_paths  # noqa: F401
    from wirewatch.records import Page
    pages = [p for p in read_pages([sys.argv[1]]) if isinstance(p, Page)]
    assert pages, "no pages read"
    print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in sys.argv[2:])))
""")


def test_a_run_over_local_files_imports_no_fetcher_server_or_cluster() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", PROBE, str(ROOT / "examples" / "pages"),
                           *UNUSED], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == []


def test_the_fetcher_is_still_there_when_asked_for() -> None:
    from wirewatch.read import Fetcher

    assert Fetcher.__name__ == "Fetcher"
