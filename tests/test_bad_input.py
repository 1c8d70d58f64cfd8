"""Every kind of bad input, end to end through ``wirewatch run``: a one-line reason in the
summary and in the database, no traceback, other files' results intact, exit status 0."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.sample_pages import html_page, write_pages
from wirewatch.cli import main
from wirewatch.store import open_store


def _empty(path: Path) -> Path:
    target = path / "empty.txt"
    target.write_bytes(b"")
    return target


def _binary(path: Path) -> Path:
    target = path / "image.txt"
    target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return target


def _undecodable(path: Path) -> Path:
    target = path / "broken.txt"  # a UTF-8 byte-order mark, then bytes that are not UTF-8
    target.write_bytes(b"\xef\xbb\xbfMinisters met \xff\xfe in \xc3(")
    return target


def _oversized(path: Path) -> Path:
    target = path / "huge.txt"
    with target.open("wb") as handle:  # sparse: 21 MB on paper, nothing on disk
        handle.truncate(21 * 1024 * 1024)
    return target


def _truncated_gzip(path: Path) -> Path:
    target = path / "cut.html.gz"
    data = gzip.compress(html_page(1).encode("utf-8") * 20)
    target.write_bytes(data[: len(data) // 2])
    return target


def _html_no_article(path: Path) -> Path:
    target = path / "menu.html"
    target.write_text("<html><head><title>Menu</title></head><body><div><a href='/'>Home</a>"
                      "</div></body></html>", encoding="utf-8")
    return target


def _text_no_body(path: Path) -> Path:
    target = path / "chrome.txt"
    target.write_text("date 2024-01-01\nHome | World | Sport\nSign in\nShare this article\n",
                      encoding="utf-8")
    return target


def _broken_symlink(path: Path) -> Path:
    target = path / "gone.txt"
    target.symlink_to(path / "does-not-exist.txt")
    return target


def _fifo(path: Path) -> Path:
    target = path / "pipe.txt"
    os.mkfifo(target)
    return target


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (_empty, "empty"),
    "binary": (_binary, "binary"),
    "undecodable": (_undecodable, "undecodable"),
    "oversized": (_oversized, "too_large"),
    "truncated_gzip": (_truncated_gzip, "bad_gzip"),
    "html_no_article": (_html_no_article, "no_article"),
    "text_no_body": (_text_no_body, "no_body"),
    "broken_symlink_in_folder": (_broken_symlink, "not_found"),
    "fifo_in_folder": (_fifo, "unsupported"),
}


def run_folder(folder: Path, db: Path) -> Result:
    return CliRunner().invoke(main, ["run", str(folder), "--db", str(db), "--no-analyze"])


def assert_skipped_cleanly(result: Result, db: Path, bad: Path, reason: str,
                           good_count: int) -> None:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stdout.splitlines() if str(bad) in line]
    assert len(lines) == 1 and f": {reason} (" in lines[0], result.stdout
    with open_store(db) as store:
        rows = {r["source"]: r for r in store.iter_rows("inputs")}
        assert rows[str(bad)]["status"] == "skipped"
        assert rows[str(bad)]["reason"] == reason
        assert rows[str(bad)]["detail"] and "\n" not in rows[str(bad)]["detail"]
        assert store.counts()["articles"] == good_count
        assert store.counts()[f"skipped.{reason}"] == 1


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_skipped_with_its_reason(tmp_path: Path, kind: str) -> None:
    make, reason = BAD_INPUTS[kind]
    folder = tmp_path / "in"
    write_pages(folder, 2)
    bad = make(folder)
    result = run_folder(folder, tmp_path / "w.db")
    assert_skipped_cleanly(result, tmp_path / "w.db", bad, reason, good_count=2)


def test_all_bad_inputs_together_leave_good_pages_intact(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 3)
    for make, _ in BAD_INPUTS.values():
        make(folder)
    result = run_folder(folder, tmp_path / "w.db")
    assert result.exit_code == 0, result.output
    assert f"skipped          {len(BAD_INPUTS)}" in result.stdout
    with open_store(tmp_path / "w.db") as store:
        counts = store.counts()
        assert counts["articles"] == 3
        assert sum(v for k, v in counts.items() if k.startswith("skipped.")) == len(BAD_INPUTS)


def test_unreadable_file_in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # We run as root, where chmod 000 does not stop reads: simulate the permission error.
    folder = tmp_path / "in"
    write_pages(folder, 2)
    secret = folder / "secret.txt"
    secret.write_text("classified", encoding="utf-8")
    real_open = os.open  # the reader opens files with os.open (O_NONBLOCK, then fstat)

    def guarded_open(name: object, *args: int, **kwargs: object) -> int:
        if Path(str(name)).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded_open)
    result = run_folder(folder, tmp_path / "w.db")
    assert_skipped_cleanly(result, tmp_path / "w.db", secret, "unreadable", good_count=2)


def test_navigation_only_html_is_no_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 1)
    bad = folder / "nav.html"
    bad.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a>"
                   "<a href='/a'>About</a></nav><footer>(c) 2024</footer></body></html>",
                   encoding="utf-8")
    result = run_folder(folder, tmp_path / "w.db")
    assert_skipped_cleanly(result, tmp_path / "w.db", bad, "no_article", good_count=1)


def test_unreadable_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 2)
    locked = folder / "locked"
    write_pages(locked, 1)
    real_scandir = os.scandir

    def guarded_scandir(path: object = ".") -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    result = run_folder(folder, tmp_path / "w.db")
    assert_skipped_cleanly(result, tmp_path / "w.db", locked, "unreadable", good_count=2)
