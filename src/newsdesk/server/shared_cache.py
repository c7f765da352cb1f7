"""The read cache's second tier, shared by the worker processes of one ``serve --workers N``.

Each worker keeps its own in-memory cache (:mod:`.cache`); without a shared tier every worker makes
each read once for itself, so N workers make N times the misses. Here a response one worker made is
written to a file that the others read instead of calling the read model.

- One directory per store (named by the store's random epoch, see ``newsdesk.store.version``), created
  with mode 0700 and used only when this user owns it; a file per (store version, key), named by their
  hashes, written whole under a temporary name and renamed, so a reader never sees half of one.
- A file holds a length-prefixed JSON list of the headers and then the body: no pickle, nothing that
  runs when read.
- When the version changes, the first worker to see it deletes the older versions' files. Each worker
  writes at most ``max_bytes`` per version.
- Off when reads need the token: private responses stay in memory.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path

Entry = tuple[list[tuple[bytes, bytes]], bytes]
OURS = re.compile(r"[0-9a-f]{12}-[0-9a-f]{40}|\.tmp-\w+")  # the only names this module writes (and deletes)


def default_dir(epoch: str) -> Path:
    """``$TMPDIR/newsdesk-read-<uid>-<store epoch>``."""
    return Path(tempfile.gettempdir()) / f"newsdesk-read-{os.getuid()}-{hashlib.sha1(epoch.encode()).hexdigest()[:16]}"


class SharedTier:
    """Files of cached responses, keyed by (store version, cache key)."""

    def __init__(self, max_bytes: int, root: Path | None = None) -> None:
        self.max_bytes, self.root = max_bytes, root
        self.dir: Path | None = None
        self.version = ""
        self.written = 0

    def _name(self, version: str, key: str) -> str:
        return hashlib.sha1(version.encode()).hexdigest()[:12] + "-" + hashlib.sha256(key.encode()).hexdigest()[:40]

    def switch(self, version: str) -> None:
        """Use ``version`` from now on; delete files of other versions of the same store."""
        if version == self.version:
            return
        self.version, self.written = version, 0
        self.dir = self._open(self.root or default_dir(version.split(".", 1)[0]))
        if self.dir is None:
            return
        keep = hashlib.sha1(version.encode()).hexdigest()[:12] + "-"
        for entry in os.scandir(self.dir):
            if OURS.fullmatch(entry.name) and not entry.name.startswith(keep):
                try:
                    os.unlink(entry.path)
                except FileNotFoundError:
                    pass  # another worker deleted it first

    @staticmethod
    def _open(path: Path) -> Path | None:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            st = os.lstat(path)
        except OSError:
            return None
        # a directory another user made (or can write) could feed us responses, and a symbolic link could
        # point the clean-up at someone's files: use only a real directory of ours that only we can write
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        return path

    def get(self, version: str, key: str) -> Entry | None:
        if self.dir is None or version != self.version:
            return None
        try:
            data = (self.dir / self._name(version, key)).read_bytes()
            size = int.from_bytes(data[:4], "big")
            headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in json.loads(data[4:4 + size])]
        except (OSError, ValueError):
            return None
        return headers, data[4 + size:]

    def put(self, version: str, key: str, entry: Entry) -> None:
        if self.dir is None or version != self.version:
            return
        head = json.dumps([[k.decode("latin-1"), v.decode("latin-1")] for k, v in entry[0]]).encode()
        data = len(head).to_bytes(4, "big") + head + entry[1]
        if self.written + len(data) > self.max_bytes:
            return
        target = self.dir / self._name(version, key)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except OSError:
            return
        self.written += len(data)
