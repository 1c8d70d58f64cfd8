"""Issue 13's HTTP edge: HEAD everywhere, nosniff and CSP, path parameters checked like query
parameters, series ranges capped, and uvicorn's own 400s in the API's error shape."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import orjson
import pytest
import uvicorn

from wirewatch.web.api import create_app
from wirewatch.web.edge import JsonErrorProtocol
from wirewatch.web.ranges import MAX_SERIES_DAYS

pytestmark = pytest.mark.anyio

GET_PATHS = ["/articles", "/articles/art01", "/events", "/stories", "/dyads",
             "/dyads/RUS/NATO", "/dyads/RUS/NATO/2024-03-05", "/status", "/alerts",
             "/openapi.json", "/", "/pair/RUS/NATO", "/article/art01", "/story/x",
             "/static/dashboard.js", "/articles/nope"]


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_every_get_route_is_in_the_list(web_db: Path) -> None:
    app = create_app(str(web_db))
    routes = {getattr(r, "path", "") for r in app.routes if "GET" in getattr(r, "methods", ())}
    templates = {path for path in routes if path not in ("/docs/oauth2-redirect",)}
    covered = {"/articles/{article_id}", "/dyads/{source}/{target}", "/stories/{story_id}",
               "/dyads/{source}/{target}/{day}", "/pair/{source}/{target}",
               "/article/{article_id}", "/story/{story_id}"}
    plain = {p for p in templates if "{" not in p}
    assert plain <= set(GET_PATHS)
    assert {p for p in templates if "{" in p} <= covered
    app.state.store.close()


@pytest.mark.parametrize("path", GET_PATHS)
async def test_head_answers_like_get_without_a_body(client: httpx.AsyncClient,
                                                    path: str) -> None:
    got, head = await client.get(path), await client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


@pytest.mark.parametrize("path", [*GET_PATHS, "/nowhere", "/events?limit=0"])
async def test_every_response_has_nosniff_and_a_csp(client: httpx.AsyncClient,
                                                    path: str) -> None:
    response = await client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp or "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


async def test_a_post_is_405_in_the_error_shape_with_the_headers(
        client: httpx.AsyncClient) -> None:
    response = await client.post("/articles")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/dyads/RUS/NATO/20191119", "/dyads/RUS/NATO/2024-W10-1",
                                  "/dyads/RUS/NATO/2024-02-30", "/dyads/R%20S/NATO",
                                  "/dyads/RUS/" + "N" * 40, "/articles/" + "a" * 200,
                                  "/stories/a%20b"])
async def test_path_parameters_are_checked_like_query_parameters(
        client: httpx.AsyncClient, path: str) -> None:
    assert_error(await client.get(path), 400, "invalid_parameter")


@pytest.mark.parametrize("value", ["20191119", "2024-W10-1"])
async def test_compact_and_week_dates_are_refused_as_query_parameters(
        client: httpx.AsyncClient, value: str) -> None:
    assert_error(await client.get("/events", params={"since": value}), 400,
                 "invalid_parameter")


async def test_a_series_is_at_most_three_years_a_page(client: httpx.AsyncClient) -> None:
    wide = await client.get("/dyads/RUS/NATO", params={"since": "2000-01-01",
                                                       "until": "2010-01-01"})
    assert_error(wide, 400, "invalid_parameter")
    page = (await client.get("/dyads/RUS/NATO", params={"since": "2021-01-01"})).json()
    until = date(2021, 1, 1) + timedelta(days=MAX_SERIES_DAYS - 1)
    assert page["until"] == until.isoformat() and page["days"] == []
    assert page["next_since"] == (until + timedelta(days=1)).isoformat()
    assert page["previous_until"] is None
    latest = (await client.get("/dyads/RUS/NATO")).json()
    assert latest["days"] and latest["next_since"] is None
    assert len(latest["days"]) <= MAX_SERIES_DAYS


@pytest.fixture
def server(web_db: Path) -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(web_db)), host="127.0.0.1", port=port,
                            log_level="critical", http=JsonErrorProtocol)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    ended = time.monotonic() + 30
    while not running.started and time.monotonic() < ended:
        time.sleep(0.05)
    yield port
    running.should_exit = True
    thread.join(timeout=10)


def _raw(port: int, request: bytes) -> tuple[str, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return status, headers, body


@pytest.mark.parametrize("request_bytes", [
    b"GET /articles?x=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"NOT A REQUEST\r\n\r\n",
    b"GET /articles HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
])
def test_the_servers_own_errors_have_the_error_shape(server: int,
                                                     request_bytes: bytes) -> None:
    status, headers, body = _raw(server, request_bytes)
    assert status.split()[1].startswith("4")
    assert headers["content-type"] == "application/json"
    assert headers["x-content-type-options"] == "nosniff"
    assert set(orjson.loads(body)["error"]) == {"code", "message"}
