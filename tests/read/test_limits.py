"""Issue 13's reading cases: names as bytes, bounded lines and gzip, FIFOs, mixed encodings."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from wirewatch.read import read_pages
from wirewatch.records import Page, Skip

PARAGRAPH = "Diplomats met in Geneva on Monday to resume talks on the ceasefire, officials said."
HTML = f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>"


def _pages(items: list[Page | Skip]) -> list[Page]:
    return [item for item in items if isinstance(item, Page)]


def test_names_that_are_not_utf8_are_two_sources_shown_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.html", b"caf\xe8.html"):
        Path(os.fsdecode(folder + b"/" + name)).write_text(HTML, encoding="utf-8")
    items = list(read_pages([tmp_path]))
    assert len(_pages(items)) == 2
    sources = [item.source for item in items]
    assert [source.rsplit("/", 1)[1] for source in sources] == ["caf\\xe8.html", "caf\\xe9.html"]
    for source in sources:
        source.encode("utf-8")  # storable: no surrogates left


def test_a_backslash_in_a_name_is_escaped_so_names_never_collide(tmp_path: Path) -> None:
    literal = tmp_path / "caf\\xe9.html"  # a valid UTF-8 name spelling the escape
    raw = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.html"))
    for path in (literal, raw):
        path.write_text(HTML, encoding="utf-8")
    sources = {item.source for item in read_pages([tmp_path])}
    assert len(sources) == 2


def test_a_lone_surrogate_in_jsonl_becomes_the_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Talks \\ud800 resumed in Geneva.", "url": "http://x/\\udfff"}\n',
                    encoding="utf-8")
    [page] = _pages(list(read_pages([path])))
    assert page.content == "Talks \ufffd resumed in Geneva."
    assert page.url == "http://x/\ufffd"


def test_gzip_with_trailing_garbage_is_read_up_to_it_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(HTML.encode()) + b"garbage after the member")
    [page] = _pages(list(read_pages([path])))
    assert page.content == HTML
    assert [note.reason for note in page.notes] == ["read.gzip_trailing_garbage"]


def test_two_gzip_members_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(HTML[:20].encode()) + gzip.compress(HTML[20:].encode()))
    [page] = _pages(list(read_pages([path])))
    assert page.content == HTML and page.notes == ()


def test_jsonl_gzip_with_trailing_garbage_keeps_its_lines_and_says_so(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"{PARAGRAPH} {n}"}) + "\n" for n in range(3))
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode()) + b"\x00junk")
    items = list(read_pages([path]))
    assert len(_pages(items)) == 3
    assert isinstance(items[-1], Skip) and items[-1].reason == "trailing_garbage"


@pytest.mark.parametrize("name", ["big.jsonl", "big.jsonl.gz"])
def test_a_long_jsonl_line_is_refused_without_holding_it(tmp_path: Path, name: str) -> None:
    limit = 64 * 1024
    data = ('{"text": "' + "a" * (4 * 1024 * 1024) + '"}\n' + json.dumps({"text": PARAGRAPH})
            + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    tracemalloc.start()
    try:
        items = list(read_pages([path], max_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [getattr(item, "reason", "page") for item in items] == ["too_large", "page"]
    assert peak < 16 * limit  # the 4 MB line was never held


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    [item] = list(read_pages([fifo]))
    assert isinstance(item, Skip) and item.reason == "unsupported"
    assert "FIFO" in item.detail


def test_a_device_named_on_the_command_line_is_refused() -> None:
    [item] = list(read_pages(["/dev/zero"]))
    assert isinstance(item, Skip) and item.reason == "unsupported"


def test_utf8_with_a_few_cp1252_lines_is_decoded_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Mária Zacharová said talks would go on.\n".encode() * 3
                     + "A caf\u00e9 line from another editor.\n".encode("cp1252"))
    [page] = _pages(list(read_pages([path])))
    assert "Zacharová" in page.content and "café line" in page.content
    assert [note.reason for note in page.notes] == ["read.mixed_encoding"]
    assert "1 of" in page.notes[0].text


def test_nul_padding_after_gzip_is_not_garbage(tmp_path: Path) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(HTML.encode()) + b"\x00" * 70_000)
    [page] = _pages(list(read_pages([path])))
    assert page.content == HTML and page.notes == ()
