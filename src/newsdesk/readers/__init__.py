"""Readers turn files and folders into RawDoc objects, or into rejections with a reason."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import RejectedInput
from ..records import RawDoc
from .encoding import decode
from .jsonl import read_json, read_jsonl

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SKIP_NAMES = {"README.md", "README.txt", "LICENSE", "LICENSE.txt"}
SKIP_SUFFIXES = {".csv", ".yaml", ".yml", ".toml"}  # data files beside articles (e.g. actor files)


@dataclass
class Rejection:
    source: str
    reason: str


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders recursively in sorted order, skipping hidden files and READMEs."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts) \
                        and f.name not in SKIP_NAMES and f.suffix.lower() not in SKIP_SUFFIXES:
                    yield f
        else:
            yield p


def sniff_kind(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head:
        return "html"
    return "text"


def read_file(path: Path, settings: Settings) -> Iterator[RawDoc | Rejection]:
    """One file -> one RawDoc (text/HTML) or many (JSON Lines); problems become Rejections."""
    source = str(path)
    try:
        if not path.exists():
            raise RejectedInput(source, "no such file")
        size = path.stat().st_size
        if size == 0:
            raise RejectedInput(source, "empty file")
        suffix = path.suffix.lower()
        if size > settings.max_input_bytes and suffix not in JSONL_SUFFIXES:
            raise RejectedInput(source, f"over the size cap ({size:,} bytes > {settings.max_input_bytes:,})")
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, settings)
            return
        with path.open("rb") as fh:
            data = fh.read()
        if suffix == ".json":
            yield from read_json(path, data, settings)
            return
        text, encoding = decode(data, source)
        if not text.strip():
            raise RejectedInput(source, "empty file")
        kind = "html" if suffix in HTML_SUFFIXES else ("text" if suffix in TEXT_SUFFIXES else sniff_kind(text))
        yield RawDoc(source=source, text=text, kind=kind, encoding=encoding)
    except RejectedInput as exc:
        yield Rejection(exc.source, exc.reason)
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawDoc | Rejection]:
    for path in expand(paths):
        yield from read_file(path, settings)
