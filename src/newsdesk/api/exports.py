"""/api/exports: the analyst exports (newsdesk.export) as CSV, JSON Lines or Parquet downloads."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..export import EXPORTS, FORMATS, write_rows
from ..store import Store
from .auth import require_read
from .deps import store_dependency
from .errors import ApiError

router = APIRouter(prefix="/api", tags=["exports"], dependencies=[Depends(require_read)])

MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
         "parquet": "application/vnd.apache.parquet"}


@router.get("/exports")
def list_exports() -> dict[str, Any]:
    return {"items": [{"name": n, "formats": {f: f"/api/exports/{n}.{f}" for f in FORMATS}} for n in EXPORTS],
            "next": None}


@router.get("/exports/{filename}")
def download(filename: str, store: Store = Depends(store_dependency)) -> FileResponse:
    """``articles.csv``, ``events.jsonl``, ``quotes.parquet``, ... (see GET /api/exports)."""
    name, _, fmt = filename.rpartition(".")
    if name not in EXPORTS or fmt not in FORMATS:
        raise ApiError(404, f"no export {filename!r}; names: {', '.join(EXPORTS)}; formats: {', '.join(FORMATS)}")
    fd, tmp = tempfile.mkstemp(prefix="newsdesk-export-", suffix=f".{fmt}")
    os.close(fd)
    path = Path(tmp)
    try:
        write_rows(EXPORTS[name](store), path, fmt)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=MEDIA[fmt], filename=filename,
                        background=BackgroundTask(path.unlink, missing_ok=True))
