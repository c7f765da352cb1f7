"""Rejected inputs and ingest jobs."""
from __future__ import annotations

from typing import Any

from ..store import Store


def list_rejects(store: Store) -> dict[str, Any]:
    """Inputs that were rejected, with the reason, ordered by source."""
    return {"items": store.rejections(), "next": None}


def job_detail(store: Store, job_id: str) -> dict[str, Any]:
    """Job state (queued, running, done, failed), progress (done/total) and, when done, what was added."""
    job = store.job_row(job_id)
    added = (job["result"] or {}).get("added", [])
    job["articles"] = [{"id": a, "url": f"/articles/{a}"} for a in added]
    return job
