"""The public API of ``import wirewatch``: each name works whatever was imported before."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import wirewatch
from wirewatch.records import Article
article = Article(id="a", source="a.txt", form="text",
                  body=("Russian forces shelled Ukrainian positions near Kharkiv on Monday.",))
first = wirewatch.analyze(article)
import wirewatch.analyze.events.coder  # a later submodule import must not hide the function
second = wirewatch.analyze(article)
assert first == second and first.events, first
assert wirewatch.analyze_articles([article])[0] == first
assert callable(wirewatch.run_paths) and callable(wirewatch.open_store)
assert callable(wirewatch.extract_page) and callable(wirewatch.read_pages)
print("ok")
"""


def test_analyze_is_callable_before_and_after_submodule_imports() -> None:
    # a fresh interpreter: the order of imports is what is under test
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")


def test_unknown_names_raise_attribute_error() -> None:
    import pytest

    import wirewatch

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        wirewatch.nope  # noqa: B018
