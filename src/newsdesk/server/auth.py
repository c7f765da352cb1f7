"""Access rules.

- Writes (POST /api/ingest, DELETE /api/articles/{id}) need ``Authorization: Bearer <token>`` when a
  token is configured (``NEWSDESK_TOKEN``). With no token configured, writes are accepted only from
  loopback clients (127.0.0.0/8, ::1): a server started on a laptop is writable by its user only.
- Reads are open, unless ``NEWSDESK_LOCK_READS=1``: then reads follow the same rule as writes.
  A browser cannot add the header itself, so a locked server's web pages are for loopback use, or
  behind a proxy that adds the header.
A missing token gives 401 (with ``WWW-Authenticate: Bearer``), a wrong one (or a remote client with no
token configured) 403. Host and same-origin checks against DNS rebinding and CSRF: see ``guard``.
"""
from __future__ import annotations

import hmac
import ipaddress

from fastapi import Request

from ..config import Settings
from .errors import ApiError


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def check_access(request: Request, settings: Settings) -> None:
    """Raise 401/403 unless the request carries the token, or no token is set and it comes from loopback."""
    if settings.token:
        given = _bearer(request)
        if given is None:
            raise ApiError(401, "this action needs 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": 'Bearer realm="newsdesk"'})
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise ApiError(403, "wrong token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return
    if not is_loopback(request.client.host if request.client else None):
        raise ApiError(403, "no token is configured (NEWSDESK_TOKEN): writes are allowed from loopback only")


# async: FastAPI runs a plain-def dependency in its thread pool, a hop per request for a few comparisons
async def require_write(request: Request) -> None:
    check_access(request, request.app.state.settings)


async def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.lock_reads:
        check_access(request, settings)
