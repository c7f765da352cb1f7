"""PLOVER groups for templates: the read model's (newsdesk.read.plover), re-exported for the pages."""
from __future__ import annotations

from ..read.plover import GROUP_ORDER, group_of, series

__all__ = ["GROUP_ORDER", "group_of", "series"]
