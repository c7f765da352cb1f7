"""POST /api/code: code any text into PLOVER events without storing it (same as `newsdesk code`)."""
from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from .auth import require_read

router = APIRouter(prefix="/api", tags=["code"], dependencies=[Depends(require_read)])


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, description="A sentence to a whole article (plain text or HTML).")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="YYYY-MM-DD the text was published; relative dates resolve against it")


@router.post("/code")
async def code_text(request: Request, body: CodeRequest) -> dict[str, Any]:
    """Events of the text with type, mode, actor, target, date (and its source), status, factuality, title and
    evidence. Nothing is stored. 422 for empty text, text over the size cap or a bad date."""
    from ..coding import check_text, code, event_dict

    settings = request.app.state.settings
    text = check_text(body.text, settings, "text")  # 422 before loading the model
    events = await asyncio.to_thread(code, text, settings, body.published, "text", request.app.state.actor_files)
    return {"published": body.published, "events": [event_dict(e) for e in events]}
