"""Syndication and near-duplicates: MinHash over word shingles, plus republication notes.

Each article's signature and its LSH band keys are stored, so a new article reads only the
articles sharing a band with it (the same candidates an in-memory LSH index over every signature
would give; nothing else is read or rehashed). Every copy points at the group's
original: an article without a republication note first, then the earliest published, then the
smallest id, so the outcome does not depend on the order articles arrived in.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..config import Settings

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 hashing scheme: 32-bit hash values, stored as 4 bytes each
SHINGLE = 5
# LSH recall threshold: below the copy threshold so that containment and noted copies are reached
LSH_THRESHOLD = 0.3

_WORD = re.compile(r"\w+", re.UNICODE)
_NOTE = re.compile(
    r"(?:re-?published|reprinted|republished|syndicated|reposted)\s+(?:with\s+permission\s+)?(?:from|by)\s+"
    r"(?:the\s+)?(?P<a>(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}))"
    r"|(?:first|originally)\s+(?:appeared|published|ran)\s+(?:in|on|at|by)\s+"
    r"(?:the\s+)?(?P<b>(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}))",
    re.IGNORECASE)
# a wire credit at the start of the body: "BEIJING (Reuters) -", "(AP) —"
_WIRE = re.compile(r"^[^\n]{0,80}?\((?P<w>[A-Z][A-Za-z&. ]{1,25})\)\s*[-–—]", re.MULTILINE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    w = words(text)
    if len(w) < k:
        return {" ".join(w).encode("utf-8")}
    return {" ".join(w[i:i + k]).encode("utf-8") for i in range(len(w) - k + 1)}


def signature(text: str) -> MinHash:
    return _sign(shingles(text))


def _sign(items: set[bytes]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(sorted(items))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)


@functools.lru_cache(maxsize=1)
def band_layout() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for LSH_THRESHOLD (false positives/negatives balanced)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(mh: MinHash) -> list[int]:
    """One 63-bit key per LSH band: the band's number and its hash values."""
    b, r = band_layout()
    values = np.asarray(mh.hashvalues, dtype="<u4")
    keys = []
    for i in range(b):
        digest = hashlib.blake2b(bytes([i]) + values[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)  # fits a signed BIGINT
    return keys


def _norm_outlet(name: str | None) -> str:
    return " ".join(words(name or "")).removeprefix("the ")


def republication_sources(row: dict[str, Any]) -> list[str]:
    """Outlets an article says it was copied from (notes in text, dropped passages or metadata)."""
    passages = [row.get("text") or ""] + [d.get("text", "") for d in row.get("dropped") or []]
    passages += [str(v.get("text", "")) for v in (row.get("evidence") or {}).values() if isinstance(v, dict)]
    found: list[str] = []
    for passage in passages:
        for m in _NOTE.finditer(passage):
            found.append(_norm_outlet(m.group("a") or m.group("b")))
    own = _norm_outlet(row.get("outlet"))
    head = (row.get("text") or "")[:400]
    m = _WIRE.search(head)
    if m and _norm_outlet(m.group("w")) != own:
        found.append(_norm_outlet(m.group("w")))
    return sorted({f for f in found if f and f != own})


def _outlet_matches(note: str, outlet: str | None, url: str | None) -> bool:
    o = _norm_outlet(outlet)
    if o and (o in note or note in o):
        return True
    squashed = note.replace(" ", "")
    return bool(url and squashed and squashed in (url or "").lower().replace("-", "").replace(".", ""))


def containment(a: set[bytes], b: set[bytes]) -> float:
    """Share of the smaller shingle set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _original_key(row: dict[str, Any]) -> tuple:
    noted = bool(republication_sources(row))
    return (noted, row.get("published") is None, row.get("published") or "", row["id"])


def find_duplicates(store: Any, new_ids: Sequence[str], settings: Settings) -> dict[str, str | None]:
    """Sign new articles, link copies to their original; returns the ``duplicate_of`` changes written.

    A new article joins the one copy family whose original it matches best (never two: an article
    carrying two wire stories must not make them copies of each other); the family's original is
    then chosen again among its members.
    """
    new_ids = sorted(set(new_ids))
    if not new_ids:
        return {}
    store.save_bands({aid: [] for aid in new_ids})  # a re-stored article is signed afresh
    sigs: dict[str, MinHash] = {}
    rows = {r["id"]: r for r in store.dedup_rows(new_ids)}
    root = {aid: r["duplicate_of"] or aid for aid, r in rows.items()}
    texts = {aid: shingles(rows[aid]["text"]) for aid in new_ids if aid in rows}
    signed = {aid: _sign(sh) for aid, sh in texts.items()}
    keys = {aid: band_keys(mh) for aid, mh in signed.items()}
    # the stored articles of every band key, read once (not one query per article); the new articles
    # join ``members`` as they are signed, as their saved keys joined the table before
    members = store.band_members({k for ks in keys.values() for k in ks})
    new_sigs: dict[str, bytes] = {}
    changes: dict[str, str | None] = {}
    for aid in new_ids:
        if aid not in rows:
            continue
        mh, bands = signed[aid], keys[aid]
        cands = sorted(set().union(*(members.get(k, ()) for k in bands)) - {aid})
        sigs.update({k: from_bytes(v) for k, v in store.signatures_of([c for c in cands if c not in sigs]).items()})
        cands = [c for c in cands if c in sigs]
        rows.update({r["id"]: r for r in store.dedup_rows([c for c in cands if c not in rows])})
        best: dict[str, float] = {}
        for c in cands:
            root.setdefault(c, rows[c]["duplicate_of"] or c)
            if root[c] != c:
                continue  # a family is joined through its original, which all its copies match
            sim = _copy_score(mh, sigs[c], texts, aid, rows[c], rows, settings)
            if sim is not None:
                best[root[c]] = max(best.get(root[c], 0.0), sim)
        if best:
            family_root = min(best, key=lambda r: (-best[r], r))
            _relink(store, family_root, aid, rows, root, changes)
        sigs[aid] = mh
        new_sigs[aid] = to_bytes(mh)
        for k in bands:
            members.setdefault(k, set()).add(aid)
    # one write each for the batch (the loop reads the new articles' keys and signatures from memory)
    store.save_signatures(new_sigs)
    store.save_bands({aid: keys[aid] for aid in new_sigs})
    store.set_duplicate_of(changes)
    return changes


def _relink(store: Any, family_root: str, aid: str, rows: dict[str, dict[str, Any]], root: dict[str, str],
            changes: dict[str, str | None]) -> None:
    members = {family_root, aid} | {m for m, r in root.items() if r == family_root}
    members |= set(store.duplicate_members([family_root]))
    rows.update({r["id"]: r for r in store.dedup_rows([m for m in members if m not in rows])})
    original = min((rows[m] for m in members), key=_original_key)["id"]
    for m in sorted(members):
        want = None if m == original else original
        root[m] = original
        if rows[m]["duplicate_of"] != want:
            changes[m] = want
        elif m in changes and changes[m] != want:
            changes[m] = want


def _copy_score(mh: MinHash, other: MinHash, texts: dict[str, set[bytes]], aid: str, crow: dict[str, Any],
                rows: dict[str, dict[str, Any]], settings: Settings) -> float | None:
    """How surely ``aid`` and ``crow`` are copies of one text (None: they are not)."""
    jac = mh.jaccard(other)
    if jac >= settings.dedup_threshold:
        return jac
    cid = crow["id"]
    if cid not in texts:
        texts[cid] = shingles(crow["text"])
    cont = containment(texts[aid], texts[cid])
    if cont >= settings.dedup_containment:
        return cont  # one text carries the other whole, with an added paragraph or cut short
    noted = any(_outlet_matches(n, crow.get("outlet"), crow.get("url")) for n in republication_sources(rows[aid]))
    noted = noted or any(_outlet_matches(n, rows[aid].get("outlet"), rows[aid].get("url"))
                         for n in republication_sources(crow))
    return cont if noted and cont >= settings.dedup_noted_containment else None


def canonical_ids(ids: Iterable[str], original_of: dict[str, str]) -> list[str]:
    """Distinct independent sources: copies replaced by their original."""
    return sorted({original_of.get(i, i) for i in ids})
