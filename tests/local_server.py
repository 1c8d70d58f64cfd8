"""A local HTTP server for fetch, feed and watch tests: routes set per test, requests counted.

Serves on 127.0.0.1 only; the fetcher under test gets a guard that allows 127.0.0.1
(``tests/read/test_guard.py`` proves the default guard refuses it). Routes are ``Route``
values; a route may redirect, delay, drip its body, answer with a status, or honour
ETag / If-None-Match.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from wirewatch.read.fetch import Fetcher, FetchOptions
from wirewatch.read.guard import AddressGuard, allow_networks


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the headers
    drip: float = 0.0  # between 64-byte chunks of the body
    etag: str | None = None  # answers 304 to a matching If-None-Match
    send_length: bool = True


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients under test give up on purpose (size and time limits): no tracebacks."""


class LocalServer:
    """``with LocalServer() as server: server.routes["/a"] = Route(b"...")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: list[dict[str, str]] = []
        self.active: Counter[str] = Counter()  # requests in progress, per Host
        self.max_active: Counter[str] = Counter()  # the most at once, per Host
        self.peak = 0  # the most at once, all hosts
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def do_GET(self) -> None:
                path = self.path
                host = self.headers.get("Host", "").rsplit(":", 1)[0]
                route = server.routes.get(path)
                # Requests count as active while the route's delay runs (before any byte is
                # sent), so a client that has read a response is never counted twice.
                with server._lock:
                    server.hits[path] += 1
                    server.request_headers.append(dict(self.headers.items()))
                    server.active[host] += 1
                    server.max_active[host] = max(server.max_active[host], server.active[host])
                    server.peak = max(server.peak, server.active.total())
                try:
                    if route is not None and route.delay:
                        time.sleep(route.delay)
                finally:
                    with server._lock:
                        server.active[host] -= 1
                self._answer(route)

            def _answer(self, route: Route | None) -> None:
                if route is None:
                    route = Route(b"not here", status=404, content_type="text/plain")
                if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.send_header("Connection", "close")
                if route.etag is not None:
                    self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                chunk = 64 if route.drip else max(len(route.body), 1)
                for start in range(0, len(route.body), chunk):
                    try:
                        self.wfile.write(route.body[start : start + chunk])
                        self.wfile.flush()
                    except OSError:  # the client gave up (size or time limit): fine
                        return
                    time.sleep(route.drip)
                if not route.send_length:
                    self.close_connection = True

        return Handler


def loopback_resolver(host: str, port: int) -> list[str]:
    """Every name resolves to 127.0.0.1 (names like ``news-a.example`` reach the server)."""
    return ["127.0.0.1"]


def guard_for_tests() -> AddressGuard:
    """A guard that lets 127.0.0.1 through (only in tests) and resolves names to it."""
    return AddressGuard(allow=allow_networks("127.0.0.1/32"), resolver=loopback_resolver)


def fetcher_for_tests(**options: object) -> Fetcher:
    """A fetcher for the local server: the test guard, no real sleeping, short limits."""
    settings: dict[str, object] = {"connect_timeout": 2.0, "read_timeout": 2.0,
                                   "total_timeout": 10.0, "backoff": 0.01}
    settings.update(options)
    return Fetcher(FetchOptions(**settings), guard=guard_for_tests(),  # type: ignore[arg-type]
                   sleep=lambda seconds: None)
