"""The Ray executor: the same stored rows as the loop, skips, bounded in-flight work, the CLI.

One local Ray (2 CPUs) for the whole module: starting Ray takes seconds.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.sample_pages import write_pages
from wirewatch.cli import main
from wirewatch.errors import ConfigError
from wirewatch.records import Page
from wirewatch.run import content_hash, run_paths
from wirewatch.store import InputResult, Store, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "pages").iterdir())
# Columns that differ between two runs of the same input by design (run ids, clock times,
# autoincrement keys); everything else must be identical.
RUN_COLUMNS = {"id", "run_id", "stored_at", "updated_at"}
TABLES = ("articles", "inputs", "drops", "quotes", "events", "actors")


@pytest.fixture(scope="module")
def ray() -> Iterator[Any]:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'wirewatch[ray]')")
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def stored(store: Store) -> dict[str, list[tuple[tuple[str, Any], ...]]]:
    """Every stored row of the content tables, without run-specific columns, sorted."""
    tables = {}
    for table in TABLES:
        rows = [tuple(sorted((k, v) for k, v in row.items()
                             if k not in RUN_COLUMNS or (table == "articles" and k == "id")))
                for row in store.iter_rows(table)]
        tables[table] = sorted(rows, key=repr)
    return tables


def bad_pages(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")  # a reader skip (in the driver)
    (folder / "nav.html").write_text(  # an extractor skip (in a worker)
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
        "</body></html>", encoding="utf-8")


def test_ray_stores_the_same_as_the_loop(ray: Any, tmp_path: Path) -> None:
    bad_pages(tmp_path / "bad")
    paths = [str(p) for p in EXAMPLES[:6]] + [str(tmp_path / "bad")]
    with open_store(tmp_path / "loop.db") as one, open_store(tmp_path / "ray.db") as two:
        loop = run_paths(paths, one, executor="loop", batch_size=2)
        done = run_paths(paths, two, executor="ray", workers=2, batch_size=2)
        assert done.articles_stored == loop.articles_stored == 6
        assert done.events_stored == loop.events_stored > 0
        assert done.quotes_stored == loop.quotes_stored > 0
        assert dict(done.skipped) == dict(loop.skipped)
        assert set(done.skipped) == {"empty", "no_article"}
        assert stored(two) == stored(one)
        # Idempotence: a second Ray run over the same input stores nothing new.
        again = run_paths(paths, two, executor="ray", batch_size=2)
        loop_again = run_paths(paths, one, executor="loop", batch_size=2)
        assert again.articles_stored == loop_again.articles_stored == 0
        assert again.unchanged == loop_again.unchanged >= 6
        assert stored(two) == stored(one)


def test_ray_without_analysis_and_many_batches(ray: Any, tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 9)
    bad_pages(tmp_path / "pages")
    with open_store(tmp_path / "loop.db") as one, open_store(tmp_path / "ray.db") as two:
        loop = run_paths([str(tmp_path / "pages")], one, analyze=False)
        done = run_paths([str(tmp_path / "pages")], two, analyze=False, executor="ray",
                         batch_size=1)
        assert (done.pages_read, done.articles_stored) == (loop.pages_read, 9)
        assert sorted(s.source for s in done.skips) == sorted(s.source for s in loop.skips)
        assert stored(two) == stored(one)


def test_in_flight_batches_are_bounded(ray: Any) -> None:
    from wirewatch.run.ray import run_ray

    pages = [Page(source=f"p{n}.txt", form="text", content=f"Title {n}\n\nToo short.")
             for n in range(7)]
    submitted: list[int] = []
    saved: list[InputResult] = []
    high = 0

    def batches() -> Iterator[list[tuple[Page, str]]]:
        for page in pages:
            submitted.append(1)
            yield [(page, content_hash(page))]

    def save(results: Any) -> None:
        nonlocal high
        high = max(high, len(submitted) - len(saved))
        saved.extend(results)

    run_ray(batches(), save, False, max_in_flight=2)
    assert sorted(r.source for r in saved) == sorted(p.source for p in pages)
    assert high == 2  # never more than two batches out at once, and the bound was reached


def test_worker_wirewatch_error_is_raised_as_itself(ray: Any) -> None:
    from wirewatch.run.ray import _result

    @ray.remote
    def broken() -> None:
        raise ConfigError("no such model")

    with pytest.raises(ConfigError, match="no such model") as caught:
        _result(ray, broken.remote())
    assert type(caught.value) is ConfigError


def test_cli_executor_ray(ray: Any, tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 4)
    db = str(tmp_path / "w.db")
    args = ["run", str(tmp_path / "pages"), "--db", db, "--no-analyze", "--executor", "ray",
            "--workers", "2", "--no-watch"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "articles stored  4" in result.stdout
    again = CliRunner().invoke(main, args)
    assert "unchanged        4" in again.stdout


def test_unreachable_address_is_a_config_error() -> None:
    from wirewatch.run.ray import connect

    class NoRay:
        def is_initialized(self) -> bool:
            return False

        def init(self, **_: Any) -> None:
            raise AssertionError("must not try to connect")

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConfigError, match="cannot reach a Ray cluster"):
        connect(NoRay(), f"127.0.0.1:{port}", 1)


def test_refused_connection_is_a_config_error_with_the_auth_hint(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirewatch.run.ray import connect

    class RefusingRay:
        def is_initialized(self) -> bool:
            return False

        def init(self, **options: Any) -> None:
            assert "num_cpus" not in options  # a cluster's CPUs are its own
            raise ConnectionError("Failed to connect to Ray cluster")

    monkeypatch.delenv("RAY_AUTH_MODE", raising=False)
    with socket.socket() as listener:  # reachable, but not a Ray that lets us in
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        address = f"127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(ConfigError, match="RAY_AUTH_MODE=token") as caught:
            connect(RefusingRay(), address, 2)
    assert isinstance(caught.value.__cause__, ConnectionError)


def test_cli_unreachable_address_exits_2_and_records_no_run(tmp_path: Path) -> None:
    # A fresh process: in this one the module's local Ray is already up (and would be used).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    write_pages(tmp_path / "pages", 1)
    db = tmp_path / "w.db"
    proc = subprocess.run(
        [sys.executable, "-c", "from wirewatch.cli import main; main()", "run",
         str(tmp_path / "pages"), "--db", str(db), "--no-analyze", "--no-watch"],
        env={**os.environ, "WIREWATCH_RAY_ADDRESS": f"127.0.0.1:{port}"},
        capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert f"cannot reach a Ray cluster at 127.0.0.1:{port}" in proc.stderr
    assert proc.stdout == ""
    with open_store(db) as store:
        assert store.counts()["runs"] == 0


def test_ray_not_installed_is_a_config_error(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    write_pages(tmp_path / "pages", 1)
    with open_store(tmp_path / "w.db") as store:
        with pytest.raises(ConfigError, match=r"pip install 'wirewatch\[ray\]'"):
            run_paths([str(tmp_path / "pages")], store, executor="ray")
        assert store.counts()["runs"] == 0  # refused before a run was recorded
    result = CliRunner().invoke(main, ["run", str(tmp_path / "pages"), "--db",
                                       str(tmp_path / "w.db"), "--executor", "ray"])
    assert result.exit_code == 2
    assert "Ray is not installed" in result.output


def test_unknown_executor_is_a_config_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.db") as store, pytest.raises(ConfigError, match="executor"):
        run_paths([str(tmp_path)], store, executor="spark")  # type: ignore[arg-type]
