"""A read cache in each server process, keyed by the store version.

A GET of a read endpoint (API or page) is answered from memory when the store's version (see
``newsdesk.store.version``: bumped by every committed write, from any process) is the one the cached
response was made at; else the route runs and its response is kept. So a write is seen by the very next
read, and a hit costs one one-row query instead of the read model's queries and rendering.

- Key: path, every query parameter (names sorted, repeated values in their order), whether HTML was
  asked for, the Host, and (when reads need the token) the Authorization header. Reads that need the token are
  checked (``check_access``) before anything is served from memory; refused requests go to the routes.
- Only 200 responses without Set-Cookie, at most ``max_item`` bytes each; the cache holds at most
  ``max_bytes`` (least recently used dropped first) and is emptied when the version changes.
- ``X-Cache: hit`` / ``miss`` / ``revalidated`` (304) says which it was (the load benchmark counts them).
- ETag ``"<hash of newsdesk version, store version, key>"`` with ``Cache-Control: no-cache``: a browser
  revalidates each time and gets 304 while nothing was written. Concurrent misses of one key wait for
  the first one's response instead of computing it again.
"""
from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import parse_qsl

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Settings
from ..errors import StoreError
from .auth import check_access
from .errors import ApiError
from .shared_cache import SharedTier

# read endpoints whose 200 responses depend on the store and the URL only (not jobs, exports, uploads)
PREFIXES = ("/api/articles", "/api/stories", "/api/entities", "/api/events", "/api/timeline",
            "/api/discrepancies", "/api/rejects", "/articles", "/search", "/entities", "/stories/", "/actors/")
Entry = tuple[list[tuple[bytes, bytes]], bytes]


def cacheable(path: str) -> bool:
    return path == "/" or any(path == p or path.startswith(p + ("" if p.endswith("/") else "/"))
                              for p in PREFIXES)


def cache_key(scope: Scope, private: bool) -> str:
    """Path, every query parameter (sorted by name; repeated ones keep their order), HTML or not, Host,
    and the credentials when reads are private."""
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    headers = dict(scope.get("headers", []))
    parts = [scope.get("root_path", ""), scope["path"], repr(sorted(query, key=lambda kv: kv[0])),
             "html" if b"text/html" in headers.get(b"accept", b"") else "data",
             headers.get(b"host", b"").decode("latin-1").lower()]  # in case a page ever writes absolute URLs
    if private:
        parts.append(hashlib.sha256(headers.get(b"authorization", b"")).hexdigest())
    return "\n".join(parts)


class ReadCache:
    """ASGI middleware; see the module docstring. ``version`` returns the store's current version."""

    def __init__(self, app: ASGIApp, version: Callable[[], str], settings: Settings,
                 max_bytes: int = 64_000_000, max_item: int = 4_000_000, shared: SharedTier | None = None) -> None:
        self.app, self.version_of, self.settings, self.shared = app, version, settings, shared
        self.max_bytes, self.max_item = max_bytes, min(max_item, max_bytes)
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.size = 0
        self.version = ""
        self.pending: dict[str, asyncio.Event] = {}
        self.hits = self.misses = self.not_modified = 0
        self.control = b"private, no-cache" if settings.lock_reads else b"no-cache"

    def _allowed(self, scope: Scope) -> bool:
        if not self.settings.lock_reads:
            return True
        try:
            check_access(Request(scope), self.settings)
        except ApiError:
            return False
        return True

    def _current(self) -> str | None:
        try:
            version = self.version_of()
        except (StoreError, SQLAlchemyError):
            return None  # the routes report the store's error
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version
            if self.shared is not None:
                self.shared.switch(version)
        return version

    def _put(self, version: str, key: str, entry: Entry) -> None:
        size = len(entry[1]) + len(key) + sum(len(k) + len(v) for k, v in entry[0])
        if version != self.version or size > self.max_item:
            return
        if key in self.entries:
            return
        self.entries[key] = entry
        self.size += size
        while self.size > self.max_bytes:
            old_key, (old_headers, old_body) = self.entries.popitem(last=False)
            self.size -= len(old_body) + len(old_key) + sum(len(k) + len(v) for k, v in old_headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not cacheable(scope["path"]) \
                or not self._allowed(scope):
            await self.app(scope, receive, send)
            return
        version = self._current()
        if version is None:
            await self.app(scope, receive, send)
            return
        key = cache_key(scope, self.settings.lock_reads)
        etag = b'"' + hashlib.sha1(f"{__version__}\n{version}\n{key}".encode()).hexdigest()[:24].encode() + b'"'
        if etag in if_none_match(scope):
            self.not_modified += 1
            headers = [(b"etag", etag), (b"cache-control", self.control), (b"x-cache", b"revalidated")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        waiting = self.pending.get(key)
        if waiting is not None and key not in self.entries:
            await waiting.wait()  # the same read is being made: share its response
            self._current()
        entry = self.entries.get(key)
        if entry is None and self.shared is not None:
            entry = self.shared.get(version, key)  # made by another worker
            if entry is not None:
                self._put(version, key, entry)
        if entry is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            await send({"type": "http.response.start", "status": 200, "headers": [*entry[0], (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry[1]})
            return
        self.misses += 1
        done = self.pending.setdefault(key, asyncio.Event())
        try:
            await self._fill(scope, receive, send, version, key, etag)
        finally:
            if self.pending.get(key) is done:
                del self.pending[key]
            done.set()

    async def _fill(self, scope: Scope, receive: Receive, send: Send, version: str, key: str,
                    etag: bytes) -> None:
        """Run the route, pass its response on (with ETag), and keep it when it may be cached."""
        kept: list[tuple[bytes, bytes]] | None = None
        body: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal kept, size
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"etag", b"cache-control")]
                if message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in headers):
                    headers += [(b"etag", etag), (b"cache-control", self.control)]
                    if self.settings.lock_reads:
                        headers.append((b"vary", b"Authorization"))
                    kept = headers
                    message = {**message, "headers": [*headers, (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and kept is not None:
                size += len(message.get("body", b""))
                body.append(message.get("body", b""))
                if size > self.max_item:
                    kept = None
                    body.clear()
                elif not message.get("more_body", False):
                    self._put(version, key, (kept, b"".join(body)))
                    if self.shared is not None:
                        self.shared.put(version, key, (kept, b"".join(body)))
            await send(message)

        await self.app(scope, receive, capture)


def if_none_match(scope: Scope) -> list[bytes]:
    """The entity tags of If-None-Match (weak or strong; '*' is not honoured: it asks about any version)."""
    for name, value in scope.get("headers", []):
        if name == b"if-none-match":
            return [t.strip().removeprefix(b"W/") for t in value.split(b",")]
    return []
