"""Files and folders: every kind of bad input becomes one Skip and the walk goes on."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from wirewatch.read import MAX_BYTES, read_pages
from wirewatch.records import Page, Skip

ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>"
    "<p>Diplomats met in Geneva on Monday to resume talks, officials said.</p>"
    "</article></body></html>"
)


def _only(items: list[Page | Skip]) -> Page | Skip:
    assert len(items) == 1, items
    return items[0]


def _skip(path: Path, **kwargs: int) -> Skip:
    item = _only(list(read_pages([path], **kwargs)))
    assert isinstance(item, Skip), item
    assert item.source == str(path)
    assert item.detail and "\n" not in item.detail
    return item


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"  \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        ("broken.txt", b"\xef\xbb\xbfMinisters met \xff\xfe in \xc3(", "undecodable"),
        ("cut.html.gz", gzip.compress(ARTICLE_HTML.encode() * 50)[:60], "bad_gzip"),
        ("fake.html.gz", ARTICLE_HTML.encode(), "bad_gzip"),
        ("empty.html.gz", gzip.compress(b""), "empty"),
        ("photo.png", b"\x89PNG not even opened", "unsupported"),
    ],
)
def test_bad_file_is_one_skip(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _skip(path).reason == reason


def test_over_20_mb_is_too_large_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 21 MB on paper
        handle.truncate(MAX_BYTES + 1024 * 1024)
    assert _skip(path).reason == "too_large"


def test_gzip_that_inflates_past_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5000))
    assert _skip(path, max_bytes=1000).reason == "too_large"


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    assert _skip(tmp_path / "nope.txt").reason == "not_found"


def test_permission_error_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    real_open = os.open

    def guarded(name: object, *args: int, **kwargs: object) -> int:
        if Path(str(name)).name == "secret.html":
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)
    assert _skip(path).reason == "unreadable"


def test_fifo_in_a_folder_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("A page.", encoding="utf-8")
    items = list(read_pages([tmp_path]))
    reasons = {Path(i.source).name: getattr(i, "reason", "page") for i in items}
    assert reasons == {"a.txt": "page", "pipe.txt": "unsupported"}


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    (tmp_path / "z.txt").write_text("Z page.", encoding="utf-8")
    (tmp_path / "b" / "deeper" / "c.htm").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "a" / "x.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode("utf-8")))
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    items = list(read_pages([tmp_path]))
    names = [str(Path(i.source).relative_to(tmp_path)) for i in items]
    assert names == ["z.txt", "a/x.html.gz", "b/empty.txt", "b/deeper/c.htm"]
    forms = [getattr(i, "form", getattr(i, "reason", None)) for i in items]
    assert forms == ["text", "html", "empty", "html"]
    assert isinstance(items[1], Page) and items[1].content == ARTICLE_HTML


def test_unreadable_subfolder_is_a_skip_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "in.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Visible page.", encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded)
    items = list(read_pages([tmp_path]))
    assert [(Path(i.source).name, getattr(i, "reason", "page")) for i in items] == [
        ("open.txt", "page"),
        ("locked", "unreadable"),
    ]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "notes").write_text("Just some scraped text.\nAnother line.", encoding="utf-8")
    forms = {Path(i.source).name: getattr(i, "form", None) for i in read_pages([tmp_path])}
    assert forms == {"notes": "text", "page.php": "html"}


def test_gzip_without_gz_name_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(gzip.compress(ARTICLE_HTML.encode("cp1252")))
    page = _only(list(read_pages([path])))
    assert isinstance(page, Page) and page.content == ARTICLE_HTML


def test_latin1_html_file_keeps_its_accents(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='iso-8859-1'></head><body><p>Réunion à Genève</p></body></html>"
    )
    path = tmp_path / "fr.html"
    path.write_bytes(html.encode("latin-1"))
    page = _only(list(read_pages([path])))
    assert isinstance(page, Page)
    assert "Réunion à Genève" in page.content
    assert page.encoding == "cp1252"


def test_bad_files_do_not_touch_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("First good page.", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "4.txt").write_text("Second good page.", encoding="utf-8")
    items = list(read_pages([tmp_path, tmp_path / "missing"]))
    assert [type(i).__name__ for i in items] == ["Page", "Skip", "Skip", "Page", "Skip"]


def test_symlinked_folders_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A page.", encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    (tmp_path / "via").symlink_to(tmp_path / "real")
    items = list(read_pages([tmp_path]))
    pages = [i for i in items if isinstance(i, Page)]
    assert [Path(p.source).relative_to(tmp_path) for p in pages] == [Path("real/a.txt")]
    assert {i.reason for i in items if isinstance(i, Skip)} == {"duplicate"}
    assert len(items) == 3  # the page, real/loop, via
