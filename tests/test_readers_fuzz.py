"""Fuzz folder: 60+ hostile files of every class the readers must refuse, plus good articles.

Each bad file gives exactly one one-line rejection naming it; every good article is stored;
the CLI exits 1 (some inputs rejected), never with a traceback.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import socket
import tarfile
import zipfile
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.config import load_settings
from newsdesk.readers import Rejection, read_file

from paths import FIXTURES

GOOD_EN = (FIXTURES / "clean" / "wire_reuters.txt").read_text(encoding="utf-8")
GOOD_RU = (FIXTURES / "languages" / "russian.txt").read_text(encoding="utf-8")
# Our own text (not from any outlet): a plain English article used in several encodings.
OWN = ("Harbour cranes return to work after storm repairs\n\n"
       "Container cranes at the northern harbour returned to work on Monday after engineers spent nine days "
       "repairing storm damage to their power lines, the port authority said in a statement.\n\n"
       "Shipping lines had diverted about forty vessels to other ports while the cranes were idle, and "
       "trucking firms said the backlog of containers would take at least two weeks to clear.\n\n"
       "The authority said it would bury the power lines along the quay next year so that a storm of the "
       "same strength could not stop the cranes again.\n")


def _zip(members: dict[str, bytes], first: tuple[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        if first:
            zf.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, so the type is readable at the start
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        info = tarfile.TarInfo("story.txt")
        data = OWN.encode()
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


PDF = (b"%PDF-1.4\n1 0 obj << /Type /Font /BaseFont /Helvetica >> endobj\n2 0 obj << /Length 80 >>\nstream\n"
       b"BT /F1 12 Tf 72 720 Td (" + OWN.replace("\n", " ").encode() + b") Tj ET\nendstream endobj\n%%EOF\n")

# name -> (bytes, the start of the expected reason)
BAD: dict[str, tuple[bytes, str]] = {}
for i, suffix in enumerate((".pdf", ".txt", ".html", ".json", ".jsonl", "")):
    BAD[f"report{i}{suffix}"] = (PDF, "PDF documents are not supported")
for i, suffix in enumerate((".docx", ".txt", ".html")):
    BAD[f"word{i}{suffix}"] = (_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<x/>"}),
                               "Word documents (.docx) are not supported")
for i, suffix in enumerate((".xlsx", ".txt")):
    BAD[f"sheet{i}{suffix}"] = (_zip({"xl/workbook.xml": b"<workbook/>"}), "Excel workbooks (.xlsx) are not supported")
for i, suffix in enumerate((".odt", ".txt")):
    BAD[f"odt{i}{suffix}"] = (_zip({"content.xml": b"<office/>"},
                                   first=("mimetype", b"application/vnd.oasis.opendocument.text")),
                              "OpenDocument text files (.odt) are not supported")
for i, suffix in enumerate((".doc", ".txt")):
    BAD[f"old{i}{suffix}"] = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Microsoft Office documents")
ARCHIVES = {"zip": (_zip({"a.txt": OWN.encode()}), "ZIP archives are not supported"),
            "gz": (gzip.compress(OWN.encode()), "gzip archives are not supported"),
            "tar": (_tar(), "tar archives are not supported"),
            "7z": (b"7z\xbc\xaf\x27\x1c\x00\x04" + os.urandom(200), "7-Zip archives are not supported"),
            "bz2": (bz2.compress(OWN.encode()), "bzip2 archives are not supported"),
            "xz": (lzma.compress(OWN.encode()), "xz archives are not supported")}
for ext, (data, reason) in ARCHIVES.items():
    BAD[f"bundle.{ext}"] = (data, reason)
    BAD[f"bundle-{ext}.txt"] = (data, reason)
IMAGES = {"png": (b"\x89PNG\r\n\x1a\n" + os.urandom(300), "PNG images"),
          "jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(300), "JPEG images"),
          "gif": (b"GIF89a" + os.urandom(300), "GIF images"),
          "webp": (b"RIFF\x00\x01\x00\x00WEBPVP8 " + os.urandom(300), "WebP images")}
for ext, (data, reason) in IMAGES.items():
    BAD[f"photo.{ext}"] = (data, reason + " are not supported")
    BAD[f"photo-{ext}.html"] = (data, reason + " are not supported")
DEEP = b"[" * 200_000 + b"]" * 200_000
for i in range(3):
    BAD[f"deep{i}.jsonl"] = (b'{"text": ' + DEEP + b"}\n", "invalid JSON (nested too deeply)")
BAD["deep.json"] = (DEEP, "invalid JSON (nested too deeply)")
BAD["deep-object.json"] = (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "invalid JSON (nested too deeply)")
BAD["bigint.jsonl"] = (b'{"text": ' + b"9" * 20_000 + b"}\n", "invalid JSON")
BAD["cut.jsonl"] = (b'{"text": "half a li\n', "invalid JSON")
BAD["list.jsonl"] = (b"[1, 2, 3]\n", "a JSON object per article is expected")
BAD["notext.jsonl"] = (b'{"title": "no body"}\n', "no 'text' or 'html' field")
BAD["badutf8.jsonl"] = (b'{"text": "caf\xe9 \xff\xfe\xfd"}\n' * 1, "")  # decoded as cp1252 or refused: one line
BAD["spaces.jsonl"] = (b"   \n\n \t \n", "no JSON lines (the file holds only whitespace)")
BAD["spaces.txt"] = (b"  \n\t\n   \n", "empty file (whitespace only)")
BAD["spaces.json"] = (b"\n\n   ", "empty file (whitespace only)")
BAD["empty.txt"] = (b"", "empty file")
BAD["empty.jsonl"] = (b"", "empty file")
BAD["garbage.bin"] = (bytes(range(256)) * 40, "binary data, not text")
BAD["garbage.txt"] = (b"\x00\x01\x02\x03junk\x7f" * 300, "binary data, not text")
BAD["elf"] = (b"\x7fELF\x02\x01\x01" + b"\x00" * 300, "executable programs are not supported")
BAD["nav.html"] = (b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
                   "not an article")
BAD["nested.html"] = (b"<html><body>" + b"<div>" * 50_000 + b"x" + b"</div>" * 50_000 + b"</body></html>", "")
BAD["headline.txt"] = (b"Harbour cranes return to work\n", "not an article")
BAD["huge.txt"] = (b"", "over the size cap")  # written sparse below


def build(inbox: Path, outside: Path) -> tuple[dict[str, str], list[str]]:
    """Write the folder; return {bad file name: expected reason start} and the good file names."""
    inbox.mkdir()
    outside.mkdir()
    expected = {}
    for name, (data, reason) in BAD.items():
        (inbox / name).write_bytes(data)
        expected[name] = reason
    with (inbox / "huge.txt").open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    secret = outside / "secret.txt"
    secret.write_text(OWN.replace("Harbour", "Secret"), encoding="utf-8")
    links = {"passwd.txt": "/etc/passwd", "outside.txt": str(secret), "outside-dir": str(outside),
             "broken.txt": str(inbox / "no-such-file.txt"), "loop-a.txt": str(inbox / "loop-b.txt"),
             "loop-b.txt": str(inbox / "loop-a.txt"), "dotdot.txt": "../outside/secret.txt"}
    for name, target in links.items():
        (inbox / name).symlink_to(target)
    for name in ("passwd.txt", "outside.txt", "outside-dir", "dotdot.txt"):
        expected[name] = "symbolic link to "
    expected["broken.txt"] = "broken symbolic link"
    expected["loop-a.txt"] = expected["loop-b.txt"] = "symbolic link loop"
    os.mkfifo(inbox / "pipe.txt")
    expected["pipe.txt"] = "a named pipe (FIFO), not a regular file"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(inbox / "sock.txt"))
    sock.close()
    expected["sock.txt"] = "a socket, not a regular file"

    good = {"own.txt": OWN.encode("utf-8"), "own-utf16le.txt": OWN.replace("nine", "ten").encode("utf-16-le"),
            "own-utf16be.txt": OWN.replace("Monday", "Tuesday").encode("utf-16-be"),
            "own-utf32.txt": OWN.replace("Monday", "Friday").encode("utf-32-le"),
            "wire.txt": GOOD_EN.encode("utf-8"), "russian.txt": GOOD_RU.encode("utf-8"),
            "feed.jsonl": (json.dumps({"text": OWN.replace("nine", "eleven"), "outlet": "Own Wire"}) + "\n").encode(),
            "one-line.txt": " ".join(GOOD_EN.split()).replace("Copper", "Zinc").encode()}
    for name, data in good.items():
        (inbox / name).write_bytes(data)
    (inbox / "inside-link.txt").symlink_to(inbox / "own.txt")  # inside the root: read (same article)
    return expected, list(good)


def test_readers_fuzz_folder_one_line_per_bad_file(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    expected, good = build(inbox, outside)
    assert len(expected) >= 60
    db = str(tmp_path / "fuzz.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "--json", str(inbox)])
    assert result.exit_code == 1, result.output  # some inputs rejected; not a crash
    report = json.loads(result.stdout)
    by_file: dict[str, list[str]] = {}
    for r in report["rejected"]:
        name = Path(r["source"].split("#", 1)[0]).name
        by_file.setdefault(name, []).append(r["reason"])
        assert "\n" not in r["reason"] and len(r["reason"]) < 300
    for name, reason in expected.items():
        assert len(by_file.get(name, [])) == 1, (name, by_file.get(name))
        assert by_file[name][0].startswith(reason), (name, by_file[name])
    assert set(by_file) == set(expected), set(by_file) ^ set(expected)
    # every good article stored (the symlink inside the root is the same article: unchanged)
    assert len(report["added"]) == len(good), report
    assert len(report["unchanged"]) == 1


def test_readers_fuzz_cli_lines_and_store(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    expected, good = build(inbox, outside)
    db = str(tmp_path / "fuzz.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(inbox)])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("rejected ")]
    assert len(lines) == len(expected)
    assert "Traceback" not in result.output
    listed = CliRunner().invoke(cli, ["--db", db, "articles", "--json"])
    stored = json.loads(listed.stdout)
    assert len(stored) == len(good)
    assert not any("Secret" in (a["title"] or "") for a in stored)


def test_readers_special_files_direct(tmp_path):
    settings = load_settings()
    (r,) = list(read_file(Path("/dev/null"), settings))
    assert isinstance(r, Rejection) and r.reason == "a character device, not a regular file"
    os.mkfifo(tmp_path / "p.jsonl")  # opening it would block: refused before reading
    (r,) = list(read_file(tmp_path / "p.jsonl", settings))
    assert r.reason == "a named pipe (FIFO), not a regular file"
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nothing")
    (r,) = list(read_file(tmp_path / "gone.txt", settings))
    assert r.reason.startswith("broken symbolic link")


def test_readers_utf16_without_bom_decoded(tmp_path):
    from newsdesk.readers.encoding import decode

    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert decode(OWN.encode(enc), "x") == (OWN, enc)
