"""An httpx transport whose every TCP connection goes through the SSRF guard.

httpx resolves and connects inside httpcore; this transport gives httpcore a network backend
that asks the guard for the address (resolving the name, refusing non-public answers) and
connects to exactly that address. TLS still verifies the certificate against the host name
(httpcore sends the name as SNI), so pinning the address changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore
import httpx

from wirewatch.read.guard import AddressGuard

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's blocking backend, connecting only to addresses the guard passed."""

    def __init__(self, guard: AddressGuard) -> None:
        self._guard = guard

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[SocketOption] | None = None,
                    ) -> httpcore.NetworkStream:
        address = self._guard.resolve(host, port)  # InputError("address_refused") if not
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` with the guarded backend; never uses an environment proxy."""

    def __init__(self, guard: AddressGuard, *, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits()
        super().__init__(trust_env=False, limits=limits)
        # httpx has no parameter for httpcore's network backend: the pool is built again with
        # the same settings and the guarded backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )
