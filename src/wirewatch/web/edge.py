"""The HTTP edge: the same headers and error shape on every response, HEAD wherever GET is.

- ``EdgeMiddleware`` (pure ASGI) answers HEAD as the GET of the same path without its body
  (FastAPI routes list GET only, so HEAD was a 405), and adds ``X-Content-Type-Options:
  nosniff`` and, unless the response set its own (the dashboard pages), a Content-Security-
  Policy that lets a JSON answer load nothing at all.
- ``JsonErrorProtocol``: uvicorn's HTTP protocol with its own 400 (a request it cannot parse, a
  URL past the parser's limit) written in the API's error shape with the same headers, instead
  of a plain-text line (httptools' protocol when installed, as uvicorn's ``auto`` picks, else
  h11's).
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
NOSNIFF = (b"x-content-type-options", b"nosniff")
EDGE_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": API_CSP}


def error_body(code: str, message: str) -> bytes:
    """The API's one error shape."""
    return orjson.dumps({"error": {"code": code, "message": message}})


class EdgeMiddleware:
    """HEAD as GET without a body; nosniff and a default CSP on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != NOSNIFF[0]]
                headers.append(NOSNIFF)
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", API_CSP.encode()))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _protocol_base() -> type[Any]:
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # httptools is optional for uvicorn
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return H11Protocol
    return HttpToolsProtocol


def bad_request_bytes(message: str) -> bytes:
    """A whole HTTP/1.1 400 response in the API's error shape, closing the connection."""
    body = error_body("bad_request", message)
    head = [
        b"HTTP/1.1 400 Bad Request",
        b"content-type: application/json",
        b"content-length: " + str(len(body)).encode("ascii"),
        b"x-content-type-options: nosniff",
        b"content-security-policy: " + API_CSP.encode("ascii"),
        b"connection: close",
    ]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


class JsonErrorProtocol(_protocol_base()):  # type: ignore[misc]
    """uvicorn's HTTP protocol, with its own 400 answers in the API's error shape."""

    def send_400_response(self, msg: str) -> None:
        self.transport.write(bad_request_bytes(msg))
        self.transport.close()
