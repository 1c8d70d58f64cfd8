"""WARC and WET files written here with warcio's writer (no crawl data in the repository)."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>{title}: ministers from both countries met on Monday in Geneva to resume talks "
           "on the ceasefire, officials said after the meeting ended late at night.</p>"
           "</article></body></html>")


def _response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
              content_type: str = "text/html; charset=utf-8", date: str = "2024-03-05",
              extra: dict[str, str] | None = None) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": f"{date}T10:00:00Z", **(extra or {})}
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict=headers))


def news_warc(*, gzip: bool, pages: int = 3, cut_last: int = 0) -> bytes:
    """warcinfo, a request, ``pages`` article responses (dated 2024-03-01..), a 301, a PNG,
    and one record the crawler marked truncated; ``cut_last`` bytes cut off the end."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("news.warc", {"software": "tests"}))
    writer.write_record(writer.create_warc_record(
        "https://news.example/a1", "request", payload=io.BytesIO(b"GET /a1 HTTP/1.1\r\n\r\n"),
        warc_headers_dict={"Content-Type": "application/http; msgtype=request"}))
    _response(writer, "https://news.example/moved", b"", status="301 Moved Permanently")
    _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
    _response(writer, "https://news.example/cut", ARTICLE.format(title="Cut").encode(),
              extra={"WARC-Truncated": "length"})
    for number in range(1, pages + 1):
        body = ARTICLE.format(title=f"Story {number}").encode()
        _response(writer, f"https://news.example/a{number}", body, date=f"2024-03-0{number}")
    data = buffer.getvalue()
    return data[: len(data) - cut_last] if cut_last else data


def news_wet(*, gzip: bool) -> bytes:
    """A WET file: warcinfo and two conversion records of plain text."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("news.wet", {"software": "tests"}))
    for number in (1, 2):
        text = (f"Story {number}\nMinisters from both countries met on Monday in Geneva to "
                "resume talks on the ceasefire, officials said.\n").encode()
        writer.write_record(writer.create_warc_record(
            f"https://news.example/t{number}", "conversion", payload=io.BytesIO(text),
            warc_content_type="text/plain",
            warc_headers_dict={"WARC-Date": f"2024-04-0{number}T08:00:00Z"}))
    return buffer.getvalue()
