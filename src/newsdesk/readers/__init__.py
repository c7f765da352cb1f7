"""Readers turn files and folders into RawDoc objects, or into rejections with a reason."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import RejectedInput
from ..records import RawDoc
from .encoding import decode
from .jsonl import read_json, read_jsonl
from .sniff import unsupported

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SKIP_NAMES = {"README.md", "README.txt", "LICENSE", "LICENSE.txt"}
SKIP_SUFFIXES = {".csv", ".yaml", ".yml", ".toml"}  # data files beside articles (e.g. actor files)


@dataclass
class Rejection:
    source: str
    reason: str


def _skipped(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts) or rel.name in SKIP_NAMES \
        or rel.suffix.lower() in SKIP_SUFFIXES


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a symbolic link found under ``root`` is not followed, or None when it may be."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)"
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        return "symbolic link loop" if exc.errno == 40 else f"cannot follow symbolic link: {exc.strerror or exc}"
    if not _inside(target, root):
        return f"symbolic link to {target}, outside {root}: not followed"
    return None


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Files as given; folders recursively in sorted order, skipping hidden files and READMEs.

    Inside a folder, symbolic links are followed only to files inside that folder; links that
    lead outside it, broken links and loops come back as Rejections. A link to a folder inside
    the root is skipped (the folder is walked where it is). Special files (FIFOs, sockets,
    devices) are yielded so that :func:`read_file` refuses them with a message.
    """
    for p in map(Path, paths):
        if not p.is_dir():
            yield p
            continue
        root = p.resolve()
        for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
            base = Path(dirpath)
            dirnames.sort()
            entries = sorted([(d, True) for d in dirnames] + [(f, False) for f in filenames])
            keep_dirs = []
            for name, is_dir in entries:
                f = base / name
                rel = f.relative_to(p)
                if _skipped(rel):
                    continue
                if f.is_symlink():
                    problem = _link_problem(f, root)
                    if problem:
                        yield Rejection(str(f), problem)
                    elif not f.is_dir():
                        yield f
                elif is_dir:
                    keep_dirs.append(name)
                else:
                    yield f
            dirnames[:] = keep_dirs


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files :func:`walk` would read (its rejections left out)."""
    return (f for f in walk(paths) if isinstance(f, Path))


def sniff_kind(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head:
        return "html"
    return "text"


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _check_file(path: Path, source: str) -> int:
    """The size of a regular file, or RejectedInput saying what the path is instead."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except FileNotFoundError:
            raise RejectedInput(source, "broken symbolic link (its target does not exist)") from None
        except (RuntimeError, OSError):
            raise RejectedInput(source, "symbolic link loop") from None
    if not path.exists():
        raise RejectedInput(source, "no such file")
    st = path.stat()
    for test, name in _SPECIAL:
        if test(st.st_mode):
            raise RejectedInput(source, f"{name}, not a regular file")
    if stat.S_ISDIR(st.st_mode):
        raise RejectedInput(source, "a folder, not a file")
    if st.st_size == 0:
        raise RejectedInput(source, "empty file")
    return st.st_size


def read_file(path: Path, settings: Settings) -> Iterator[RawDoc | Rejection]:
    """One file -> one RawDoc (text/HTML) or many (JSON Lines); problems become Rejections.

    Nothing a file holds escapes as an exception: every problem is a one-line Rejection.
    """
    source = str(path)
    try:
        size = _check_file(path, source)
        with path.open("rb") as fh:
            head = fh.read(4096)
        kind = unsupported(head)
        if kind is None and head[:4] == b"PK\x03\x04" and size <= settings.max_input_bytes:
            kind = unsupported(path.read_bytes())  # office files are named by their members
        if kind:
            raise RejectedInput(source, kind)
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
            raise RejectedInput(source, "empty file (whitespace only)")
        kind = "html" if suffix in HTML_SUFFIXES else ("text" if suffix in TEXT_SUFFIXES else sniff_kind(text))
        yield RawDoc(source=source, text=text, kind=kind, encoding=encoding)
    except RejectedInput as exc:
        yield Rejection(exc.source, exc.reason)
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")
    except (ValueError, RecursionError, MemoryError, LookupError) as exc:  # a reader's bug must not end the batch
        yield Rejection(source, f"cannot read: {type(exc).__name__}: {one_line(str(exc))}")


def one_line(text: str, limit: int = 200) -> str:
    """An error message as one short line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawDoc | Rejection]:
    for item in walk(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, settings)
