"""WARC and WET: one Page per page record with URL and date, Skips with reasons, never one
page made of many records."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.read.warc_samples import news_warc, news_wet
from wirewatch.read import read_pages
from wirewatch.read.warc import Backend, warc_pages
from wirewatch.records import Page, Skip

BACKENDS: list[Backend] = ["fastwarc", "warcio"]


def _split(items: list[Page | Skip]) -> tuple[list[Page], dict[str, str]]:
    pages = [item for item in items if isinstance(item, Page)]
    skips = {item.source.rsplit(":", 1)[-1]: item.reason
             for item in items if isinstance(item, Skip)}
    return pages, skips


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("compressed", [True, False])
def test_each_response_record_is_one_page_with_url_and_date(
        tmp_path: Path, backend: Backend, compressed: bool) -> None:
    path = tmp_path / ("news.warc.gz" if compressed else "news.warc")
    path.write_bytes(news_warc(gzip=compressed))
    with path.open("rb") as handle:
        pages, skips = _split(list(warc_pages(handle, str(path), max_bytes=1 << 20,
                                              backend=backend)))
    assert [page.url for page in pages] == [f"https://news.example/a{n}" for n in (1, 2, 3)]
    assert [page.date_hint for page in pages] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert all(page.form == "html" for page in pages)
    assert "<title>Story 2</title>" in pages[1].content
    assert "Story 1" not in pages[1].content  # records never run into each other
    assert [page.source for page in pages] == [f"{path}:{n}" for n in (6, 7, 8)]
    # warcinfo (1) and request (2) are not pages; 3: a 301; 4: a PNG; 5: cut by the crawler
    assert skips == {"3": "http_status", "4": "unsupported", "5": "truncated"}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("compressed", [True, False])
def test_a_file_that_ends_inside_a_record_keeps_the_records_before(
        tmp_path: Path, backend: Backend, compressed: bool) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(news_warc(gzip=compressed, cut_last=150))
    with path.open("rb") as handle:
        pages, skips = _split(list(warc_pages(handle, str(path), max_bytes=1 << 20,
                                              backend=backend)))
    assert [page.url for page in pages] == ["https://news.example/a1", "https://news.example/a2"]
    assert skips["8"] == "truncated"


@pytest.mark.parametrize("backend", BACKENDS)
def test_wet_conversion_records_are_text_pages(tmp_path: Path, backend: Backend) -> None:
    path = tmp_path / "news.wet.gz"
    path.write_bytes(news_wet(gzip=True))
    with path.open("rb") as handle:
        items = list(warc_pages(handle, str(path), max_bytes=1 << 20, backend=backend))
    assert all(isinstance(item, Page) for item in items)
    pages = [item for item in items if isinstance(item, Page)]
    assert [(p.url, p.date_hint, p.form) for p in pages] == [
        ("https://news.example/t1", "2024-04-01", "text"),
        ("https://news.example/t2", "2024-04-02", "text")]
    assert pages[0].content.startswith("Story 1\nMinisters")


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc", "crawl-00001", "crawl.gz"])
def test_read_pages_dispatches_warc_by_name_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = news_warc(gzip=name.endswith(".gz"))
    path.write_bytes(data)
    pages, skips = _split(list(read_pages([path], fetch=False)))
    assert len(pages) == 3 and len(skips) == 3


def test_a_warc_over_the_page_limit_is_still_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(news_warc(gzip=True, pages=9))
    pages, _ = _split(list(read_pages([path], max_bytes=len(path.read_bytes()) // 4)))
    assert len(pages) == 9


def test_garbage_named_warc_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"this is not an archive at all\n" * 20))
    items = list(read_pages([path]))
    assert len(items) == 1 and isinstance(items[0], Skip)
    assert items[0].reason in {"bad_warc", "empty"}


def test_a_warc_from_stdin_is_read_per_record(tmp_path: Path) -> None:
    import io

    items = list(read_pages(["-"], stdin=io.BytesIO(news_warc(gzip=True))))
    pages, _ = _split(items)
    assert [page.source for page in pages] == ["-:6", "-:7", "-:8"]
