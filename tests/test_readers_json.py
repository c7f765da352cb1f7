"""A .json file holds one article or a list of them; anything else is rejected with a reason."""
from __future__ import annotations

import json

from newsdesk.config import load_settings
from newsdesk.readers import Rejection, read_file
from newsdesk.records import RawDoc

BODY = "LIMA, Peru -- The central bank left its main rate unchanged on Thursday, citing sticky food prices."


def test_readers_json_list_single_and_non_article(tmp_path):
    settings = load_settings()
    many = tmp_path / "batch.json"
    many.write_text(json.dumps([{"text": BODY, "outlet": "Andes Wire", "published": "2024-02-08"},
                                {"title": "no body here"}]), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"html": f"<html><body><p>{BODY}</p></body></html>"}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "cut off', encoding="utf-8")

    first, second = read_file(many, settings)
    assert isinstance(first, RawDoc) and first.source.endswith("batch.json#1")
    assert first.hints == {"outlet": "Andes Wire", "published": "2024-02-08"}
    assert isinstance(second, Rejection) and "no 'text' or 'html'" in second.reason
    (single,) = read_file(one, settings)
    assert isinstance(single, RawDoc) and single.kind == "html" and single.source == str(one)
    (bad,) = read_file(broken, settings)
    assert isinstance(bad, Rejection) and bad.reason.startswith("invalid JSON")
