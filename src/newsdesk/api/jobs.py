"""POST /api/ingest (files or JSON articles) runs as a background job; GET /api/jobs/{id} reports progress.

Jobs run one at a time on one worker thread (the store has one writer), in-process (workers=1): no
process pool is forked from a threaded server.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from ..config import Settings
from ..errors import RejectedInput
from ..ingest import ingest_docs
from ..readers import Rejection, read_file
from ..readers.jsonl import parse_line
from ..records import RawDoc
from ..store import Store
from .auth import require_read, require_write
from .deps import get_store
from .errors import ApiError

log = logging.getLogger("newsdesk.api")
router = APIRouter(prefix="/api", tags=["ingest"])

MAX_FILES = 200
Doc = RawDoc | Rejection

INGEST_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "text": {"type": "string", "description": "one pasted article"},
        "title": {"type": "string"}, "outlet": {"type": "string"}, "url": {"type": "string"},
        "published": {"type": "string", "description": "YYYY-MM-DD"}}}},
    "application/json": {"schema": {"type": "object", "properties": {"articles": {"type": "array", "items": {
        "type": "object", "description": "as one JSON Lines input line: text or html, plus optional "
                                         "title, url, published, outlet, authors, dateline, source"}}}}}}}}


def _safe_name(name: str | None, n: int) -> str:
    base = Path(name or "").name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base)[:120] or f"upload-{n}.txt"


def _json_docs(articles: list[Any], settings: Settings, job_id: str) -> list[Doc]:
    docs: list[Doc] = []
    for n, obj in enumerate(articles, start=1):
        source = f"api:{job_id}#{n}"
        try:
            docs.append(parse_line(json.dumps(obj), source, settings.max_input_bytes))
        except RejectedInput as exc:
            docs.append(Rejection(exc.source, exc.reason))
    return docs


async def _form_docs(request: Request, settings: Settings, folder: Path, job_id: str) -> list[Doc]:
    form = await request.form(max_files=MAX_FILES, max_fields=50, max_part_size=settings.max_input_bytes)
    docs: list[Doc] = []
    uploads = [v for k, v in form.multi_items() if k == "files" and isinstance(v, UploadFile)]
    for n, upload in enumerate(uploads):
        name = _safe_name(upload.filename, n)
        path = folder / f"{n:03d}-{name}"
        with path.open("wb") as fh:
            shutil.copyfileobj(upload.file, fh)
        for doc in read_file(path, settings):
            # users see the name they uploaded, not the temporary path
            doc.source = doc.source.replace(str(path), f"upload:{name}")
            docs.append(doc)
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        hints = {k: form[k] for k in ("title", "outlet", "url", "published")
                 if isinstance(form.get(k), str) and form[k].strip()}
        docs.extend(_json_docs([{"text": text, **hints, "source": f"paste:{job_id}"}], settings, job_id))
    return docs


def _run(store: Store, settings: Settings, actor_files: tuple[str, ...], job_id: str, docs: list[Doc],
         folder: Path) -> None:
    done = 0

    def on_item(source: str, outcome: str) -> None:
        nonlocal done
        done += 1
        store.update_job(job_id, done=done)

    try:
        store.update_job(job_id, state="running")
        report = ingest_docs(docs, store, settings, actor_files, on_item=on_item, workers=1)
        store.update_job(job_id, state="done", done=len(docs), result=report.as_dict())
    except Exception as exc:  # noqa: BLE001 - a job's failure is reported through the job, not lost
        log.exception("ingest job %s failed", job_id)
        store.update_job(job_id, state="failed", result={"error": f"{type(exc).__name__}: {exc}"})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def job_runner() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-ingest")


@router.post("/ingest", status_code=202, dependencies=[Depends(require_write)], openapi_extra=INGEST_BODY)
async def ingest(request: Request) -> JSONResponse:
    """Queue articles for ingestion: multipart ``files`` (text, HTML, JSON Lines) and/or a pasted ``text``,
    or JSON ``{"articles": [{"text": ..., "title": ...}, ...]}``. Poll ``status_url`` for progress."""
    state = request.app.state
    settings: Settings = state.settings
    job_id = uuid.uuid4().hex[:16]
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-upload-"))
    try:
        if ctype == "multipart/form-data":
            docs = await _form_docs(request, settings, folder, job_id)
        elif ctype == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise ApiError(422, "body is not valid JSON") from None
            articles = body.get("articles") if isinstance(body, dict) and "articles" in body else body
            articles = articles if isinstance(articles, list) else [articles]
            docs = _json_docs(articles, settings, job_id)
        else:
            raise ApiError(415, "send multipart/form-data (files) or application/json (articles)")
        if not docs:
            raise ApiError(422, "nothing to ingest: no files, text or articles")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    store: Store = state.store
    store.create_job(job_id, len(docs))
    state.jobs.submit(_run, store, settings, state.actor_files, job_id, docs, folder)
    return JSONResponse({"job": job_id, "state": "queued", "total": len(docs),
                         "status_url": f"/api/jobs/{job_id}"}, status_code=202)


@router.get("/jobs/{job_id}", dependencies=[Depends(require_read)])
def get_job(job_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """Job state (queued, running, done, failed), progress (done/total) and, when done, what was added."""
    job = store.job_row(job_id)
    added = (job["result"] or {}).get("added", [])
    job["articles"] = [{"id": a, "url": f"/articles/{a}"} for a in added]
    return job
