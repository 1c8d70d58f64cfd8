"""The SSRF guard: hostile URLs, DNS answers and redirects are all refused with a reason."""

from __future__ import annotations

import ipaddress

import pytest

from tests.local_server import LocalServer, Route, fetcher_for_tests
from wirewatch.errors import InputError
from wirewatch.read.fetch import Fetcher, FetchOptions
from wirewatch.read.guard import AddressGuard, parse_ipv4_literal, why_not_public
from wirewatch.records import Skip

# Names an attacker controls, answered by the injected resolver: no real DNS in tests.
HOSTILE_DNS = {
    "loopback.attacker.example": ["127.0.0.1"],
    "loopback6.attacker.example": ["::1"],
    "private.attacker.example": ["10.1.2.3"],
    "metadata.attacker.example": ["169.254.169.254"],
    "mixed.attacker.example": ["93.184.216.34", "192.168.1.1"],  # one bad answer is enough
    "mapped.attacker.example": ["::ffff:10.0.0.1"],
}

HOSTILE_URLS = [
    # IPv4 private, loopback, link-local, metadata, shared, reserved, multicast, broadcast
    "http://127.0.0.1/", "http://127.255.255.254:8080/admin", "http://10.0.0.1/",
    "http://172.16.5.4/", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/",
    "http://100.100.100.200/latest/meta-data/", "http://0.0.0.0/", "http://0/",
    "http://224.0.0.1/", "http://240.0.0.1/", "http://255.255.255.255/",
    "http://198.18.0.1/", "http://192.0.0.170/",
    # the same in the forms inet_aton accepts
    "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://0x7f.0.0.1/",
    "http://127.1/", "http://0251.0376.0251.0376/", "http://3232235521/",
    "http://017700000001/",
    # IPv6: loopback, unspecified, mapped, link-local, unique local, multicast, 6to4, NAT64
    "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/", "http://[::ffff:7f00:1]/", "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/", "http://[fd00:ec2::254]/", "http://[ff02::1]/",
    "http://[2002:7f00:1::]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[::127.0.0.1]/",
    # special-use names, before any DNS
    "http://localhost/", "http://LOCALHOST./", "http://api.localhost/",
    "http://metadata.google.internal/computeMetadata/v1/", "http://printer.local/",
    # names whose DNS answer is not public (the injected resolver answers)
    *(f"http://{name}/" for name in HOSTILE_DNS),
    # not http(s) at all
    "file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:70/", "dict://localhost/",
    "javascript:alert(1)", "http:///nohost", "http://user:pass@example.org/",
]


def _hostile_resolver(host: str, port: int) -> list[str]:
    return HOSTILE_DNS.get(host, ["93.184.216.34"])


def test_at_least_30_hostile_urls_are_listed() -> None:
    assert len(set(HOSTILE_URLS)) >= 30


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_every_hostile_url_is_refused_with_a_reason(url: str) -> None:
    guard = AddressGuard(resolver=_hostile_resolver)
    fetcher = Fetcher(FetchOptions(retries=0), guard=guard)
    with fetcher:
        result = fetcher.fetch(url)
    assert isinstance(result, Skip), result
    assert result.reason in {"address_refused", "scheme_refused", "bad_url"}, result
    assert result.detail and "\n" not in result.detail


def test_the_default_guard_refuses_the_local_server(server: LocalServer) -> None:
    server.routes["/page"] = Route(b"<p>hello</p>")
    with Fetcher(FetchOptions(retries=0)) as fetcher:
        result = fetcher.fetch(server.url("/page"))
    assert isinstance(result, Skip)
    assert result.reason == "address_refused"
    assert "loopback" in result.detail
    assert sum(server.hits.values()) == 0  # not even robots.txt was asked for


def test_dns_to_loopback_is_refused_after_resolution(server: LocalServer) -> None:
    server.routes["/page"] = Route(b"<p>hello</p>")
    guard = AddressGuard(resolver=lambda host, port: ["127.0.0.1"])
    with Fetcher(FetchOptions(retries=0), guard=guard) as fetcher:
        result = fetcher.fetch(server.url("/page", host="innocent.example"))
    assert isinstance(result, Skip) and result.reason == "address_refused"
    assert "innocent.example resolves to 127.0.0.1" in result.detail
    assert sum(server.hits.values()) == 0


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
    "http://2852039166/", "gopher://example.org/", "http://localhost/",
])
def test_a_redirect_to_a_forbidden_place_is_refused(server: LocalServer, target: str) -> None:
    server.routes["/go"] = Route(status=302, headers={"Location": target})
    with fetcher_for_tests() as fetcher:
        result = fetcher.fetch(server.url("/go"))
    assert isinstance(result, Skip), result
    assert result.reason in {"address_refused", "scheme_refused"}
    assert server.hits["/go"] == 1


def test_the_connection_goes_to_the_checked_address() -> None:
    # A resolver that answers a public address first and loopback later (DNS rebinding):
    # the guard is asked once per connection and the answer it checked is the one used.
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    guard = AddressGuard(resolver=lambda host, port: next(answers))
    assert guard.resolve("rebind.example", 80) == "93.184.216.34"
    with pytest.raises(InputError) as refused:
        guard.resolve("rebind.example", 80)
    assert refused.value.reason == "address_refused"


@pytest.mark.parametrize(("host", "address"), [
    ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0177.0.0.01", "127.0.0.1"),
    ("10.1", "10.0.0.1"), ("192.168.257", "192.168.1.1"), ("8.8.8.8", "8.8.8.8"),
])
def test_inet_aton_forms_are_read_as_addresses(host: str, address: str) -> None:
    assert str(parse_ipv4_literal(host)) == address


@pytest.mark.parametrize("host", ["example.org", "1.2.3.4.5", "256.1.1.1", "0x1g.1", ""])
def test_names_and_impossible_numbers_are_no_ipv4_literal(host: str) -> None:
    assert parse_ipv4_literal(host) is None


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946",
                                     "1.1.1.1", "2001:4860:4860::8888"])
def test_public_unicast_addresses_pass(address: str) -> None:
    assert why_not_public(ipaddress.ip_address(address)) is None
    assert str(AddressGuard().check_address(address)) == address
