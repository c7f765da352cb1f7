"""Hostile input: each bad file gives a one-line rejection reason, and the batch goes on."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace

from newsdesk.config import load_settings
from newsdesk.ingest import ingest_paths
from newsdesk.readers import Rejection, read_file
from newsdesk.readers.encoding import decode
from newsdesk.records import RawDoc

from paths import FIXTURES

CLEAN = FIXTURES / "clean"
GOOD_JSON = {"text": (CLEAN / "wire_reuters.txt").read_text(encoding="utf-8"), "title": "Copper output slips",
             "outlet": "Reuters", "published": "2025-03-03"}


def one(path, settings=None):
    items = list(read_file(path, settings or load_settings()))
    assert len(items) == 1
    return items[0]


def test_readers_binary_empty_and_oversized(tmp_path):
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "empty.txt").write_bytes(b"")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB, generated here, never committed
        fh.truncate(50 * 1024 * 1024)
    assert one(tmp_path / "blob.bin").reason == "binary data, not text"
    assert one(tmp_path / "empty.txt").reason == "empty file"
    r = one(big)
    assert isinstance(r, Rejection) and r.reason.startswith("over the size cap") and "\n" not in r.reason


def test_readers_latin1_is_decoded():
    assert decode("Un café crème, s'il vous plaît.".encode("latin-1"), "x") == (
        "Un café crème, s'il vous plaît.", "cp1252")
    raw = one(CLEAN / "latin1_page.txt")
    assert isinstance(raw, RawDoc) and "café" in raw.text and raw.encoding == "cp1252"


def test_readers_jsonl_bad_lines_are_rejected_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(GOOD_JSON) + "\n" + '{"title": "cut off", "text": "Half a li\n'
                    + json.dumps({"title": "no body", "url": "https://example.org"}) + "\n", encoding="utf-8")
    items = list(read_file(path, load_settings()))
    assert isinstance(items[0], RawDoc) and items[0].hints["outlet"] == "Reuters"
    assert items[1].reason.startswith("invalid JSON") and items[1].source.endswith("#L2")
    assert items[2].reason == "no 'text' or 'html' field"


def test_readers_hostile_batch_goes_on(tmp_path, store, settings):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "blob.bin").write_bytes(b"\x00\x01\x02binary\xff" * 500)
    (inbox / "empty.txt").write_bytes(b"")
    with (inbox / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    for name in ("latin1_page.txt", "html_article.html", "nav_only.html", "german_article.txt"):
        shutil.copy(CLEAN / name, inbox / name)
    (inbox / "feed.jsonl").write_text(json.dumps(GOOD_JSON) + "\n" + '{"text": "trunc\n'
                                      + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    report = ingest_paths([inbox], store, replace(settings, english_only=True))
    reasons = {r["source"].split("/")[-1]: r["reason"] for r in store.rejections()}
    assert reasons["blob.bin"] == "binary data, not text"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["huge.txt"].startswith("over the size cap")
    assert reasons["nav_only.html"].startswith("not an article")
    assert reasons["german_article.txt"] == "not English (language detected: de)"
    assert reasons["feed.jsonl#L2"].startswith("invalid JSON")
    assert reasons["feed.jsonl#L3"] == "no 'text' or 'html' field"
    assert all("\n" not in r for r in reasons.values())
    assert len(report.added) == 3  # latin-1 page, HTML article, good JSON line
    texts = [store.get_record(i).text for i in report.added]
    assert any("café" in t for t in texts)
    assert not any("SCRIPT_PAYLOAD" in t for t in texts)
