"""Any text in any API parameter gives a 200 or a 400/404 in the one error shape, never a 500."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import anyio
import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.web.api import create_app

ROUTES = {
    "/events": ["actor", "source", "target", "type", "modality", "quad", "since", "until",
                "site", "article_id", "limit", "offset"],
    "/articles": ["site", "since", "until", "limit", "offset"],
    "/stories": ["since", "until", "min_articles", "limit", "offset"],
    "/alerts": ["source", "target", "since", "until", "limit", "offset"],
    "/dyads": ["order", "limit"],
}


class Client:
    """A synchronous face on the in-process ASGI transport (one event loop per request)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def get(self, path: str, params: dict[str, str] | None = None) -> httpx.Response:
        async def fetch() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
                return await c.get(path, params=params)

        return anyio.run(fetch)


@pytest.fixture(scope="module")
def client(web_db: Path) -> Client:
    return Client(create_app(str(web_db), dashboard=False))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(sorted(ROUTES)), data=st.data())
def test_no_parameter_value_breaks_the_api(client: Client, route: str,
                                           data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(ROUTES[route]), max_size=4, unique=True))
    params = {n: data.draw(st.text(max_size=40)) for n in names}
    response = client.get(route, params=params)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert response.json()["error"]["code"] == "invalid_parameter"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=st.text(min_size=1, max_size=30))
def test_any_id_in_a_path_is_found_or_not_found(client: Client, segment: str) -> None:
    name = quote(segment, safe="")
    for path in (f"/articles/{name}", f"/stories/{name}", f"/dyads/{name}/NATO"):
        response = client.get(path)
        assert response.status_code in (200, 400, 404), (path, response.text)
        if response.status_code != 200:
            assert set(response.json()) == {"error"}
