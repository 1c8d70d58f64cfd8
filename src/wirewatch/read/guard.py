"""The SSRF guard: which URLs and addresses the fetcher may connect to.

A URL passes when its scheme is http or https and its host, once resolved, has only public
unicast addresses. Host literals are read the way ``inet_aton`` reads them (``2130706433``,
``0177.0.0.1``, ``0x7f.1`` and ``127.1`` are all 127.0.0.1), IPv6 forms that embed an IPv4
address (``::ffff:127.0.0.1``, 6to4, NAT64, Teredo) are judged by the embedded address too, and
special-use names (``localhost``, ``*.internal``, ...) are refused before any DNS lookup.
The fetcher's connections go to the address this guard returned (``resolve``), so a DNS answer
cannot change between the check and the connection (no rebinding window).

Tests inject ``allow`` (networks let through although not public, e.g. 127.0.0.1/32) and
``resolver`` (a name -> addresses function); the default guard allows nothing special.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from wirewatch.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
# RFC 6761 / 6762 / 8375 and ICANN's private-use TLD: names that never lead to the public web.
_SPECIAL_NAMES = ("localhost", "localdomain", "local", "internal", "home.arpa")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT (and cloud metadata)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise InputError("dns_failed", f"{host}: {error}") from error
    return [str(info[4][0]) for info in infos]


def _inet_aton_number(part: str) -> int | None:
    """One dotted part as inet_aton reads it: 0x hex, leading-0 octal, else decimal."""
    lowered = part.lower()
    try:
        if lowered.startswith("0x"):
            return int(lowered[2:] or "0", 16)
        if len(lowered) > 1 and lowered.startswith("0"):
            return int(lowered[1:], 8)
        return int(lowered, 10) if lowered.isdigit() else None
    except ValueError:
        return None


def parse_ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """A host in any form inet_aton accepts, as an address; None when it is not one.

    >>> str(parse_ipv4_literal("0x7f.1"))
    '127.0.0.1'
    """
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_inet_aton_number(part) for part in parts]
    if any(number is None for number in numbers):
        return None
    values = [number for number in numbers if number is not None]
    *head, last = values
    if any(value > 255 for value in head) or last >= 256 ** (5 - len(values)):
        return None
    total = 0
    for value in head:
        total = total * 256 + value
    total = total * 256 ** (5 - len(values)) + last
    return ipaddress.IPv4Address(total)


def _looks_numeric(host: str) -> bool:
    """The last label is a number (WHATWG: then the host must be an IPv4 address)."""
    last = host.rstrip(".").rsplit(".", 1)[-1].lower()
    return bool(last) and (last.isdigit() or (last.startswith("0x") and len(last) > 2))


def host_literal(host: str) -> IPAddress | None:
    """The address a host literal names, or None for a DNS name; InputError for a bad one."""
    bare = host.strip("[]")
    if ":" in bare:
        try:
            return ipaddress.IPv6Address(bare.split("%", 1)[0])
        except ValueError as error:
            raise InputError("bad_url", f"not an IPv6 address: {host}") from error
    address = parse_ipv4_literal(bare)
    if address is None and _looks_numeric(bare):
        raise InputError("bad_url", f"a numeric host that is no IPv4 address: {host}")
    return address


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address (the server's is public by design)
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def why_not_public(address: IPAddress) -> str | None:
    """The class that makes an address unfit to fetch from, or None for a public unicast one.

    >>> why_not_public(ipaddress.ip_address("169.254.169.254"))
    'link-local'
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            inner = why_not_public(embedded)
            if inner is not None:
                return f"{inner} (embedded {embedded})"
            if address.ipv4_mapped is not None:
                return None
        if address.is_site_local:
            return "site-local"
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("shared", isinstance(address, ipaddress.IPv4Address) and address in _SHARED),
        ("not global", not address.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    return None


def _special_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return any(name == special or name.endswith("." + special) for special in _SPECIAL_NAMES)


@dataclass(frozen=True)
class AddressGuard:
    """Decides which URLs and addresses may be fetched.

    ``allow``: networks let through although not public (tests serve on 127.0.0.1);
    ``resolver``: host, port -> addresses (the system's by default).

    >>> AddressGuard().check_address("10.0.0.1")
    Traceback (most recent call last):
    ...
    wirewatch.errors.InputError: 10.0.0.1 is private
    """

    allow: tuple[IPNetwork, ...] = ()
    resolver: Resolver = field(default=system_resolver)

    def check_address(self, text: str) -> IPAddress:
        """The address, when it may be connected to; InputError ``address_refused`` if not."""
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if any(address in network for network in self.allow if network.version == address.version):
            return address
        reason = why_not_public(address)
        if reason is not None:
            raise InputError("address_refused", f"{text} is {reason}")
        return address

    def check_url(self, url: str) -> str:
        """The URL's host when its scheme and host may be fetched (before any DNS lookup)."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError as error:
            raise InputError("bad_url", f"not a URL: {url[:200]}") from error
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise InputError("scheme_refused", f"only http and https: {parts.scheme or 'none'}")
        if not host:
            raise InputError("bad_url", f"no host in {url[:200]}")
        if parts.username is not None or parts.password is not None:
            raise InputError("bad_url", "credentials in the URL")
        literal = host_literal(host)
        if literal is not None:
            self.check_address(str(literal))
        elif _special_name(host):
            raise InputError("address_refused", f"{host} is a special-use name")
        return host

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to: every address of ``host`` must pass, the first is used."""
        literal = host_literal(host)
        if literal is not None:
            return str(self.check_address(str(literal)))
        if _special_name(host):
            raise InputError("address_refused", f"{host} is a special-use name")
        addresses = list(self.resolver(host.rstrip("."), port))
        if not addresses:
            raise InputError("dns_failed", f"{host}: no address")
        for address in addresses:
            try:
                self.check_address(address)
            except ValueError as error:
                raise InputError("dns_failed", f"{host}: bad address {address!r}") from error
            except InputError as error:
                raise InputError("address_refused", f"{host} resolves to {error.detail}") from error
        return addresses[0]


def allow_networks(*networks: str) -> tuple[IPNetwork, ...]:
    """Networks for ``AddressGuard(allow=...)``: ``allow_networks("127.0.0.1/32")``."""
    return tuple(ipaddress.ip_network(network) for network in networks)
