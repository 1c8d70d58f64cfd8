"""The local HTTP server fixture for the fetch, feed and sitemap tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.local_server import LocalServer


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local
