"""The fetcher against a local server: robots, redirects, limits, retries, conditional GET."""

from __future__ import annotations

from tests.local_server import LocalServer, Route, fetcher_for_tests
from wirewatch.read.fetch import USER_AGENT, Fetched
from wirewatch.records import Skip

PAGE = b"<html><body><article><p>Ministers met on Monday.</p></article></body></html>"


def test_a_page_is_fetched_with_a_clear_user_agent(server: LocalServer) -> None:
    server.routes["/a"] = Route(PAGE)
    with fetcher_for_tests() as fetcher:
        result = fetcher.fetch(server.url("/a"))
    assert isinstance(result, Fetched)
    assert result.content == PAGE and result.status == 200
    assert result.content_type == "text/html"
    agents = {headers.get("User-Agent") for headers in server.request_headers}
    assert agents == {USER_AGENT}
    assert "wirewatch" in USER_AGENT


def test_robots_txt_disallow_is_honoured_and_read_once(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n\nUser-agent: wirewatch\nDisallow: /no-ww/\n",
        content_type="text/plain")
    for path in ("/open", "/private/x", "/no-ww/y"):
        server.routes[path] = Route(PAGE)
    with fetcher_for_tests() as fetcher:
        results = {path: fetcher.fetch(server.url(path))
                   for path in ("/open", "/private/x", "/no-ww/y")}
    assert isinstance(results["/open"], Fetched)
    assert isinstance(results["/no-ww/y"], Skip) and results["/no-ww/y"].reason == "robots_refused"
    # the wirewatch group applies, not '*': /private/ is not disallowed for wirewatch
    assert isinstance(results["/private/x"], Fetched)
    assert server.hits["/no-ww/y"] == 0
    assert server.hits["/robots.txt"] == 1


def test_robots_txt_server_error_disallows_and_404_allows(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Route(b"oops", status=503, content_type="text/plain")
    server.routes["/a"] = Route(PAGE)
    with fetcher_for_tests(retries=0) as fetcher:
        refused = fetcher.fetch(server.url("/a"))
    assert isinstance(refused, Skip) and refused.reason == "robots_refused"
    del server.routes["/robots.txt"]  # now a 404: no rules
    with fetcher_for_tests() as fetcher:
        assert isinstance(fetcher.fetch(server.url("/a")), Fetched)


def test_redirects_are_followed_and_capped(server: LocalServer) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(PAGE)
    for hop in range(8):
        server.routes[f"/loop{hop}"] = Route(status=302, headers={"Location": f"/loop{hop + 1}"})
    with fetcher_for_tests() as fetcher:
        moved = fetcher.fetch(server.url("/old"))
        looped = fetcher.fetch(server.url("/loop0"))
    assert isinstance(moved, Fetched)
    assert moved.url == server.url("/old") and moved.final_url == server.url("/new")
    assert isinstance(looped, Skip) and looped.reason == "too_many_redirects"
    assert server.hits["/loop6"] == 0  # five redirects followed, then stop


def test_a_declared_size_over_the_limit_is_refused_before_the_body(server: LocalServer) -> None:
    server.routes["/big"] = Route(b"x" * 5000)
    with fetcher_for_tests(max_bytes=1000) as fetcher:
        result = fetcher.fetch(server.url("/big"))
    assert isinstance(result, Skip) and result.reason == "too_large"
    assert "declares 5000" in result.detail


def test_an_undeclared_body_is_cut_off_at_the_limit(server: LocalServer) -> None:
    server.routes["/stream"] = Route(b"y" * 200_000, send_length=False)
    with fetcher_for_tests(max_bytes=10_000) as fetcher:
        result = fetcher.fetch(server.url("/stream"))
    assert isinstance(result, Skip) and result.reason == "too_large"
    assert "body over 10000" in result.detail


def test_a_silent_server_times_out(server: LocalServer) -> None:
    server.routes["/slow"] = Route(PAGE, delay=1.5)
    with fetcher_for_tests(read_timeout=0.3, retries=1) as fetcher:
        result = fetcher.fetch(server.url("/slow"))
    assert isinstance(result, Skip) and result.reason == "fetch_timeout"
    assert server.hits["/slow"] == 2  # retried once


def test_a_dripping_body_stops_at_the_total_time_limit(server: LocalServer) -> None:
    server.routes["/drip"] = Route(b"z" * 64 * 40, drip=0.05)  # 2 s in all, never silent
    with fetcher_for_tests(read_timeout=1.0, total_timeout=0.5, retries=0) as fetcher:
        result = fetcher.fetch(server.url("/drip"))
    assert isinstance(result, Skip) and result.reason == "fetch_timeout"


def test_server_errors_are_retried_with_backoff_then_skipped(server: LocalServer) -> None:
    server.routes["/down"] = Route(b"busy", status=503, headers={"Retry-After": "7"})
    pauses: list[float] = []
    with fetcher_for_tests(retries=2) as fetcher:
        fetcher._sleep = pauses.append
        result = fetcher.fetch(server.url("/down"))
    assert isinstance(result, Skip) and result.reason == "server_error"
    assert result.detail == "HTTP 503"
    assert server.hits["/down"] == 3
    assert pauses == [7.0, 7.0]  # Retry-After honoured


def test_backoff_doubles_without_retry_after(server: LocalServer) -> None:
    server.routes["/flaky"] = Route(b"no", status=502)
    pauses: list[float] = []
    with fetcher_for_tests(retries=3, backoff=0.5) as fetcher:
        fetcher._sleep = pauses.append
        fetcher.fetch(server.url("/flaky"))
    assert pauses == [0.5, 1.0, 2.0]


def test_a_client_error_is_not_retried(server: LocalServer) -> None:
    with fetcher_for_tests(retries=3) as fetcher:
        result = fetcher.fetch(server.url("/missing"))
    assert isinstance(result, Skip) and result.detail == "HTTP 404"
    assert server.hits["/missing"] == 1


def test_conditional_get_sends_the_etag_back_and_304_is_not_modified(
        server: LocalServer) -> None:
    server.routes["/feed"] = Route(PAGE, etag='"v1"')
    with fetcher_for_tests() as fetcher:
        first = fetcher.fetch(server.url("/feed"))
        second = fetcher.fetch(server.url("/feed"))
        server.routes["/feed"] = Route(PAGE + b" ", etag='"v2"')
        third = fetcher.fetch(server.url("/feed"))
    assert isinstance(first, Fetched) and first.etag == '"v1"'
    assert isinstance(second, Skip) and second.reason == "not_modified"
    assert isinstance(third, Fetched) and third.etag == '"v2"'
    sent = [h.get("If-None-Match") for h in server.request_headers if "If-None-Match" in h]
    assert sent == ['"v1"', '"v1"']


def test_a_non_page_content_type_is_unsupported(server: LocalServer) -> None:
    server.routes["/photo"] = Route(b"\x89PNG....", content_type="image/png")
    with fetcher_for_tests() as fetcher:
        result = fetcher.fetch(server.url("/photo"))
    assert isinstance(result, Skip) and result.reason == "unsupported"


def test_at_most_per_host_requests_at_once(server: LocalServer) -> None:
    for number in range(12):
        server.routes[f"/p{number}"] = Route(PAGE, delay=0.1)
    urls = [server.url(f"/p{number}", host="one.example") for number in range(12)]
    with fetcher_for_tests(per_host=2, workers=6) as fetcher:
        results = list(fetcher.fetch_many(urls))
    assert [url for url, _ in results] == urls  # in the order given
    assert all(isinstance(result, Fetched) for _, result in results)
    assert 1 <= server.max_active["one.example"] <= 2


def test_hosts_are_fetched_side_by_side(server: LocalServer) -> None:
    for number in range(6):
        server.routes[f"/q{number}"] = Route(PAGE, delay=0.2)
    urls = [server.url(f"/q{number}", host=f"h{number}.example") for number in range(6)]
    with fetcher_for_tests(per_host=1, workers=6) as fetcher:
        results = [result for _, result in fetcher.fetch_many(urls)]
    assert all(isinstance(result, Fetched) for result in results)
    assert all(server.max_active[f"h{number}.example"] == 1 for number in range(6))
    assert server.peak >= 2  # one at a time per host, several hosts at once


def test_robots_rules_are_read_again_after_a_day() -> None:
    from wirewatch.read.robots import RobotsAnswer, RobotsCache

    loads: list[str] = []
    now = [0.0]

    def load(url: str) -> RobotsAnswer:
        loads.append(url)
        return RobotsAnswer(200, "User-agent: *\nDisallow: /x\n" if len(loads) == 1 else "")

    cache = RobotsCache(load, "wirewatch", clock=lambda: now[0])
    assert not cache.rules("https://a.example/x/1").allows("wirewatch", "https://a.example/x/1")
    now[0] = 23 * 3600.0
    assert not cache.rules("https://a.example/x/2").allows("wirewatch", "https://a.example/x/2")
    now[0] = 25 * 3600.0
    assert cache.rules("https://a.example/x/3").allows("wirewatch", "https://a.example/x/3")
    assert loads == ["https://a.example/robots.txt"] * 2
