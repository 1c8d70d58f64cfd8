"""The bundled sample (examples/) gives the dashboard something to show: stories across
outlets, syndicated copies and an escalation alert (what ``make run`` promises)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.store import open_store
from wirewatch.store.watch_schema import alerts, duplicates, stories

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "pages"


@pytest.mark.slow
def test_make_run_on_the_examples_shows_stories_copies_and_alerts(tmp_path: Path) -> None:
    db = tmp_path / "sample.db"
    result = CliRunner().invoke(main, ["run", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store, store.connect() as conn:
        n_dups = conn.execute(sa.select(sa.func.count()).select_from(duplicates)).scalar()
        multi = conn.execute(
            sa.select(sa.func.count()).select_from(stories).where(stories.c.n_sites >= 2)
        ).scalar()
        found = {(r.source, r.target) for r in conn.execute(sa.select(alerts))}
    assert n_dups and n_dups >= 8  # the sample republishes wire stories 11 times
    assert multi and multi >= 8
    assert ("RUS", "NATO") in found
