"""The read model: plain functions ``(Store, arguments) -> dict`` that the CLI, the REST API and the web
pages all call, so that each shows the same data. Bad arguments raise ``InvalidArgument`` (HTTP 422,
exit code 2); missing things raise ``NotFound``."""
from __future__ import annotations

from .admin import job_detail, list_rejects
from .articles import article_detail, find_article_id, list_articles
from .entities import entity_detail, list_entities, resolve_ref
from .events import list_events
from .params import InvalidArgument
from .stories import list_discrepancies, list_stories, story_detail
from .timeline import timeline

__all__ = ["InvalidArgument", "article_detail", "entity_detail", "find_article_id", "job_detail",
           "list_articles", "list_discrepancies", "list_entities", "list_events", "list_rejects",
           "list_stories", "resolve_ref", "story_detail", "timeline"]
