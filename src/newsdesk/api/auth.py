"""The access rules live in newsdesk.server.auth (shared by the API and the pages)."""
from __future__ import annotations

from ..server.auth import check_access, is_loopback, require_read, require_write

__all__ = ["check_access", "is_loopback", "require_read", "require_write"]
