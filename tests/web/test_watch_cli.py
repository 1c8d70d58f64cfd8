"""``wirewatch tension`` and ``wirewatch stories`` through Click's CliRunner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wirewatch.cli import main


def test_tension_prints_the_series_and_the_alert(web_db: Path) -> None:
    result = CliRunner().invoke(main, ["tension", "RUS", "NATO", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["day", "events"]
    assert any(line.startswith("2024-03-14") and line.endswith("ALERT") for line in lines)
    assert "alerts (1):" in result.output


def test_tension_since_filters_and_lowercase_codes_work(web_db: Path) -> None:
    result = CliRunner().invoke(main, ["tension", "rus", "nato", "--since", "2024-03-10",
                                       "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    days = [ln.split()[0] for ln in result.output.splitlines() if ln[:4] == "2024"]
    assert days and min(days) >= "2024-03-10"


def test_tension_bad_date_is_a_usage_error(web_db: Path) -> None:
    result = CliRunner().invoke(main, ["tension", "RUS", "NATO", "--since", "March",
                                       "--db", str(web_db)])
    assert result.exit_code == 2
    assert "since" in result.output


def test_stories_rebuilds_and_prints_counts(tmp_path: Path, web_db: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(web_db.read_bytes())
    result = CliRunner().invoke(main, ["stories", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    counts = dict(line.split() for line in result.output.splitlines())
    assert counts["articles"] == "16" and counts["duplicates"] == "1"
    assert int(counts["alerts"]) >= 1


def test_serve_builds_the_app_on_loopback(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    paths = {getattr(route, "path", "") for route in seen["app"].routes}
    paths |= set(seen["app"].openapi()["paths"])
    assert {"/", "/events", "/pair/{source}/{target}", "/static"} <= paths


def test_serve_rejects_a_bad_port(web_db: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", "0"])
    assert result.exit_code == 2
