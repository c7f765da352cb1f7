"""POST /api/ingest (files or JSON articles) runs as a background job; GET /api/jobs/{id} reports progress.

Jobs run one at a time on one worker thread (the store has one writer), in-process (workers=1): no
process pool is forked from a threaded server. Limits: ``Settings.job_max_items`` articles per request
(413 over it), ``Settings.job_queue`` jobs waiting per server process (429 over it), 503 while shutting
down. On shutdown the running job stops after its current article and is marked failed; jobs left
"queued" or "running" by a server process that no longer runs are marked failed at start-up.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
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
from ..readers.jsonl import loads, parse_object
from ..records import RawDoc
from ..store import Store
from ..read import job_detail
from .auth import require_read, require_write
from .deps import store_dependency
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


class JobStopped(Exception):
    """The server is shutting down: the running job stops between two articles."""


class JobRunner:
    """One worker thread, a bounded number of waiting jobs, and a stop signal for shutdown."""

    def __init__(self, max_waiting: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-ingest")
        self.max_waiting = max_waiting
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._open = 0  # queued or running in this process

    def reserve(self) -> None:
        """Take a place in the queue, or raise 503 (shutting down) / 429 (queue full)."""
        with self._lock:
            if self.stopping.is_set():
                raise ApiError(503, "the server is shutting down; try again later", headers={"Retry-After": "30"})
            if self._open >= self.max_waiting:
                raise ApiError(429, f"{self._open} ingest jobs are already waiting; try again later",
                               headers={"Retry-After": "10"})
            self._open += 1

    def release(self) -> None:
        with self._lock:
            self._open -= 1

    def start(self, fn: Any, *args: Any) -> None:
        """Run ``fn(*args)`` on the worker thread, in the place :meth:`reserve` took."""
        def run() -> None:
            try:
                fn(*args)
            finally:
                self.release()
        self.pool.submit(run)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop taking work, drop waiting jobs, stop the running one at its next article; wait at most
        ``timeout`` seconds (a thread cannot be killed: one stuck inside an article is left behind)."""
        self.stopping.set()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for thread in list(getattr(self.pool, "_threads", ())):
            thread.join(timeout)


def _alive(pid: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fail_orphaned_jobs(store: Store) -> int:
    """Mark failed the jobs left queued or running by a server process that is gone (a crash, a kill)."""
    n = 0
    for job in store.unfinished_jobs():
        pid = (job["result"] or {}).get("pid")
        if pid != os.getpid() and not _alive(pid):
            store.update_job(job["id"], state="failed",
                             result={"error": "the server stopped before this job finished; send it again"})
            n += 1
    return n


def _json_docs(articles: list[Any], settings: Settings, job_id: str) -> list[Doc]:
    docs: list[Doc] = []
    for n, obj in enumerate(articles, start=1):
        source = f"api:{job_id}#{n}"
        try:
            docs.append(parse_object(obj, source, settings.max_input_bytes))
        except RejectedInput as exc:
            docs.append(Rejection(exc.source, exc.reason))
    return docs


async def _form_docs(request: Request, settings: Settings, folder: Path, job_id: str) -> list[Doc]:
    form = await request.form(max_files=MAX_FILES, max_fields=50, max_part_size=settings.max_input_bytes)
    docs: list[Doc] = []
    uploads = [v for k, v in form.multi_items() if k == "files" and isinstance(v, UploadFile)]
    for n, upload in enumerate(uploads):
        if not upload.filename and not upload.size:
            continue  # a form's empty file field (text was pasted instead): not an "empty file"
        name = _safe_name(upload.filename, n)
        path = folder / f"{n:03d}-{name}"
        with path.open("wb") as fh:
            shutil.copyfileobj(upload.file, fh)
        for doc in read_file(path, settings):
            # users see the name they uploaded, not the temporary path
            doc.source = doc.source.replace(str(path), f"upload:{name}")
            docs.append(doc)
            _check_items(len(docs), settings)
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        hints = {k: form[k] for k in ("title", "outlet", "url", "published")
                 if isinstance(form.get(k), str) and form[k].strip()}
        docs.extend(_json_docs([{"text": text, **hints, "source": f"paste:{job_id}"}], settings, job_id))
    return docs


def _check_items(n: int, settings: Settings) -> None:
    if n > settings.job_max_items:
        raise ApiError(413, f"more than {settings.job_max_items:,} articles in one request; send them in parts "
                            "(or use `newsdesk ingest`)", "too_many_items")


def _run(store: Store, settings: Settings, actor_files: tuple[str, ...], job_id: str, docs: list[Doc],
         folder: Path, stopping: threading.Event) -> None:
    done = 0

    def on_item(source: str, outcome: str) -> None:
        nonlocal done
        done += 1
        store.update_job(job_id, done=done)
        if stopping.is_set():
            raise JobStopped()

    try:
        if stopping.is_set():
            raise JobStopped()
        store.update_job(job_id, state="running")
        report = ingest_docs(docs, store, settings, actor_files, on_item=on_item, workers=1)
        store.update_job(job_id, state="done", done=len(docs), result=report.as_dict())
    except JobStopped:
        store.update_job(job_id, state="failed", result={"error": "the server shut down during this job; "
                                                                  "articles stored before that are kept"})
    except Exception as exc:  # noqa: BLE001 - a job's failure is reported through the job, not lost
        log.exception("ingest job %s failed", job_id)
        store.update_job(job_id, state="failed", result={"error": f"{type(exc).__name__}: {exc}"})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def job_runner(settings: Settings) -> JobRunner:
    return JobRunner(settings.job_queue)


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
            try:  # the readers' decoder: nesting too deep or huge numbers are a 422, never a 500
                body = loads((await request.body()).decode("utf-8", "replace"), "request body")
            except RejectedInput as exc:
                raise ApiError(422, f"body is not valid JSON: {exc.reason}") from None
            articles = body.get("articles") if isinstance(body, dict) and "articles" in body else body
            articles = articles if isinstance(articles, list) else [articles]
            _check_items(len(articles), settings)
            docs = _json_docs(articles, settings, job_id)
        else:
            raise ApiError(415, "send multipart/form-data (files) or application/json (articles)")
        if not docs:
            raise ApiError(422, "nothing to ingest: no files, text or articles")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    store: Store = state.store
    runner: JobRunner = state.jobs
    try:
        runner.reserve()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        store.create_job(job_id, len(docs))
        store.update_job(job_id, result={"pid": os.getpid()})  # whose job it is, for fail_orphaned_jobs
        runner.start(_run, store, settings, state.actor_files, job_id, docs, folder, runner.stopping)
    except BaseException:
        runner.release()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return JSONResponse({"job": job_id, "state": "queued", "total": len(docs),
                         "status_url": f"/api/jobs/{job_id}"}, status_code=202)


@router.get("/jobs/{job_id}", dependencies=[Depends(require_read)])
def get_job(job_id: str, store: Store = Depends(store_dependency)) -> dict[str, Any]:
    """Job state (queued, running, done, failed), progress (done/total) and, when done, what was added."""
    return job_detail(store, job_id)
