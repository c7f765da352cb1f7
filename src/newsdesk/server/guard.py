"""Request guards for the whole app (API and pages), applied before any route runs.

- Security headers on every response (a strict CSP; /docs gets the one Swagger UI needs).
- Bodies over the cap: 413, from Content-Length or while streaming.
- Host allow-list (DNS rebinding): the Host header must name loopback (127.0.0.1, localhost, [::1], any
  port) or one of ``Settings.allowed_hosts``; else 400. A page on attacker.example that re-points its name
  to 127.0.0.1 still sends ``Host: attacker.example``.
- Same-origin writes (CSRF) when no token is configured: an unsafe method (POST, PUT, PATCH, DELETE) from
  a browser must be same-origin: ``Sec-Fetch-Site`` same-origin/none, and ``Origin`` (when sent) naming
  this very host; else 403. Requests with neither header (curl, scripts) pass on to the loopback rule.
  With a token configured, writes need the bearer token, which a browser never adds by itself.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Settings
from .errors import ApiError, error_body

# No inline script or style anywhere in the UI: scripts and styles come from /static only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# /docs serves Swagger UI from a package (offline); its bootstrap script is inline.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'")
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def host_name(value: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def host_allowed(host: str | None, allowed: tuple[str, ...]) -> bool:
    if "*" in allowed:
        return True
    if not host:
        return False
    name = host_name(host)
    return name in LOOPBACK_NAMES or name.endswith(".localhost") or name in allowed


def cross_site(headers: dict[bytes, bytes]) -> str | None:
    """Why a write is not same-origin, or None when it is (or comes from no browser)."""
    site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
    if site and site not in ("same-origin", "none"):
        return f"Sec-Fetch-Site is {site}"
    origin = headers.get(b"origin")
    if origin is None:
        return None
    origin_s = origin.decode("latin-1").strip().lower()
    host = headers.get(b"host", b"").decode("latin-1").strip().lower()
    if origin_s == "null" or urlsplit(origin_s).netloc != host:
        return f"Origin {origin_s!r} is not this server ({host})"
    return None


class GuardMiddleware:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, max_body: int) -> None:
        self.app, self.settings, self.max_body = app, settings, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        headers = dict(scope.get("headers", []))
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.settings.allowed_hosts):
            await send_json(send_with_headers, 400, f"host {host!r} is not served here; allow it with "
                                                    "NEWSDESK_ALLOWED_HOSTS", "bad_host")
            return
        if scope["method"] in UNSAFE and not self.settings.token:
            why = cross_site(headers)
            if why:
                await send_json(send_with_headers, 403, f"cross-site write refused: {why}", "cross_site")
                return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await send_json(send_with_headers, 413, f"request body over {self.max_body:,} bytes")
            return
        seen = 0

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:  # bodies sent without a length header
                    raise ApiError(413, f"request body over {self.max_body:,} bytes")
            return message

        await self.app(scope, counted_receive, send_with_headers)


async def send_json(send: Send, status: int, message: str, code: str | None = None) -> None:
    body = json.dumps(error_body(status, message, code)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
