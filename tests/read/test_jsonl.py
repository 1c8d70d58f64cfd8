"""JSON Lines inputs: one page a line, a Skip per bad line with source ``path:N``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from wirewatch.read import read_pages
from wirewatch.records import Page, Skip

HTML = "<html><body><p>Talks resumed in Geneva on Monday.</p></body></html>"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fields_become_page_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pages.jsonl",
        [
            json.dumps(
                {
                    "id": "p1",
                    "url": "https://example.org/a",
                    "date": "2024-05-01T09:30:00Z",
                    "html": HTML,
                }
            ),
            json.dumps({"text": "date 2024-05-02\nHeadline\nBody text."}),
        ],
    )
    first, second = list(read_pages([path]))
    assert isinstance(first, Page) and isinstance(second, Page)
    assert (first.source, first.form, first.page_id, first.url) == (
        f"{path}:1",
        "html",
        "p1",
        "https://example.org/a",
    )
    assert first.date_hint == "2024-05-01"
    assert first.content == HTML
    assert (second.source, second.form, second.date_hint) == (f"{path}:2", "text", "2024-05-02")
    assert second.content == "Headline\nBody text."


def test_json_date_wins_over_a_date_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "p.jsonl", [json.dumps({"date": "2020-01-01", "text": "date 2024-05-02\nBody"})]
    )
    (page,) = list(read_pages([path]))
    assert isinstance(page, Page) and page.date_hint == "2020-01-01"


def test_bad_lines_are_skipped_and_numbered(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mixed.jsonl",
        [
            json.dumps({"text": "Good page one."}),
            "{not json",
            "",
            json.dumps(["a", "list"]),
            json.dumps({"url": "https://example.org"}),
            json.dumps({"html": 42}),
            json.dumps({"text": "   "}),
            json.dumps({"text": "Good page two."}),
        ],
    )
    items = list(read_pages([path]))
    summary = [
        (i.source.rsplit(":", 1)[1], type(i).__name__, getattr(i, "reason", "")) for i in items
    ]
    assert summary == [
        ("1", "Page", ""),
        ("2", "Skip", "bad_json"),
        ("4", "Skip", "bad_json"),
        ("5", "Skip", "bad_json"),
        ("6", "Skip", "bad_json"),
        ("7", "Skip", "empty"),
        ("8", "Page", ""),
    ]
    assert all("\n" not in i.detail for i in items if isinstance(i, Skip))


def test_gzipped_jsonl_and_a_truncated_one(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Page number {n} with some words."}) for n in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    (tmp_path / "a.jsonl.gz").write_bytes(data)
    (tmp_path / "b.jsonl.gz").write_bytes(data[: len(data) // 2])
    good = list(read_pages([tmp_path / "a.jsonl.gz"]))
    assert len(good) == 200 and all(isinstance(p, Page) for p in good)
    cut = list(read_pages([tmp_path / "b.jsonl.gz"]))
    assert isinstance(cut[-1], Skip) and cut[-1].reason == "bad_gzip"
    assert all(isinstance(p, Page) for p in cut[:-1])


def test_an_unnamed_file_of_json_lines_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "dump", [json.dumps({"text": "One."}), json.dumps({"html": HTML})])
    items = list(read_pages([path]))
    assert [(i.source, getattr(i, "form", None)) for i in items] == [
        (f"{path}:1", "text"),
        (f"{path}:2", "html"),
    ]


def test_over_long_line_is_too_large(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "p.jsonl", [json.dumps({"text": "x" * 500}), json.dumps({"text": "ok"})]
    )
    items = list(read_pages([path], max_bytes=100))
    assert isinstance(items[0], Skip) and items[0].reason == "too_large"
    assert isinstance(items[1], Page)
