"""The error shape and handlers live in newsdesk.server.errors (shared by the API and the pages)."""
from __future__ import annotations

from ..server.errors import ApiError, error_body, error_response, install_error_handlers

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers"]
