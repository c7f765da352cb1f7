"""Cross-story claim groups against labelled claim pairs (tests/fixtures/claim_groups_dev/README.md).

Group purity: the share of a group's claims carrying its most common measure term, averaged over
groups (and over claims), with the largest group's size.

Usage:
  python scripts/score_claim_groups.py score STORE.db [--pairs PAIRS.jsonl] [--regroup]
  python scripts/score_claim_groups.py sample STORE.db OUT.jsonl SHEET.txt
  python scripts/score_claim_groups.py sample-recall STORE.db OUT.jsonl SHEET.txt

``score``: precision/recall of co-grouping on the labelled pairs, how many labelled pairs a cross-story
conflict or corroboration row shows together (and how many of those are not about one figure), and the
group purity of the store;
``--regroup`` first regroups every claim of a COPY of the store with the code on the path (so one store
filled by an older version scores the current grouping). ``sample`` draws the pairs by the README's rule
and writes a label sheet (with the sentences: keep it out of the repository).
"""
from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "claim_groups_dev" / "pairs.jsonl"


def _groups(db: str) -> dict[str, str | None]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("select amount_id, grp from claims"))
    finally:
        con.close()


def co_grouped(grp: dict[str, str | None], a: str, b: str) -> bool:
    """Both claims in one emitted group: the same group, or one is the seed of the other's group."""
    ga, gb = grp.get(a), grp.get(b)
    return (ga is not None and ga == gb) or gb == a or ga == b


def purity(db: str) -> dict[str, float]:
    """Mean share of a group's claims carrying its most common measure term (groups of 2+ claims)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select grp, amount_id, features from claims where grp is not null").fetchall()
    finally:
        con.close()
    members: dict[str, list[set[str]]] = {}
    ids: dict[str, set[str]] = {}
    for g, a, f in rows:
        members.setdefault(g, []).append(set(json.loads(f).get("terms") or []))
        ids.setdefault(g, set()).add(a)
    shares, sizes, weighted = [], [], 0.0
    for g, terms in members.items():
        size = len(ids[g] | ({g} if g not in ids[g] else set()))  # a seed outside its group still shows in its rows
        if size < 2:
            continue
        top = Counter(t for ts in terms for t in ts).most_common(1)
        shares.append(sum(top[0][0] in ts for ts in terms) / len(terms) if top else 1.0)
        weighted += shares[-1] * len(terms)
        sizes.append(size)
    sizes.sort()
    grouped = sum(len(members[g]) for g in members if len(ids[g] | {g}) >= 2)
    return {"groups": len(sizes), "purity": round(sum(shares) / max(len(shares), 1), 3),
            "claim_weighted_purity": round(weighted / max(grouped, 1), 3),
            "largest": sizes[-1] if sizes else 0, "p99_size": sizes[int(0.99 * (len(sizes) - 1))] if sizes else 0}


def _shown(db: str) -> dict[str, set[frozenset[str]]]:
    """kind -> the claim pairs that one cross-story row of that kind shows together."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select kind, claims from discrepancies where story_id is null").fetchall()
    finally:
        con.close()
    out: dict[str, set[frozenset[str]]] = {"conflict": set(), "corroboration": set()}
    for kind, claims in rows:
        ids = sorted(c["amount"] for c in json.loads(claims))
        out.setdefault(kind, set()).update(frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1:])
    return out


def regroup(db: str, out: str) -> str:
    """Regroup every claim of a copy of ``db`` with the grouping code on the path."""
    from newsdesk.corpus.figures import update_blocks
    from newsdesk.store import open_store

    shutil.copyfile(db, out)
    con = sqlite3.connect(out)
    blocks = [b for (b,) in con.execute("select distinct block from claim_blocks")]
    con.execute("update claims set grp = null")
    con.execute("delete from discrepancies where story_id is null")
    con.commit()
    con.close()
    store = open_store(out)
    with store.transaction():
        update_blocks(store, blocks)
    store.close()
    return out


def score(db: str, pairs_path: Path = PAIRS) -> dict:
    grp = _groups(db)
    pairs = [json.loads(x) for x in pairs_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    together = [p for p in pairs if co_grouped(grp, p["a"]["amount"], p["b"]["amount"])]
    same = [p for p in pairs if p["same"]]
    tp = sum(p["same"] for p in together)
    agree = [p for p in together if p["same"] and p.get("agree") is not None]
    shown = _shown(db)
    return {"pairs": len(pairs), "co_grouped": len(together), "same_measure": len(same),
            **{f"in_{k}_rows": sum(frozenset((p["a"]["amount"], p["b"]["amount"])) in v for p in pairs)
               for k, v in shown.items()},
            **{f"{k}_rows_not_same": sum(frozenset((p["a"]["amount"], p["b"]["amount"])) in v for p in pairs
                                         if not p["same"]) for k, v in shown.items()},
            "precision": round(tp / len(together), 3) if together else None,
            "recall": round(tp / len(same), 3) if same else None,
            "co_grouped_conflicts": sum(not p["agree"] for p in agree), **purity(db)}


def sample(db: str, out: Path, sheet: Path, per_stratum: int = 30) -> None:
    """Draw the README's pairs from the store's groups; write them unlabelled, and a label sheet."""
    from newsdesk.corpus.compare import aligned
    from newsdesk.corpus.figures import _group_claims
    from newsdesk.store import open_store

    grp = {a: g for a, g in _groups(db).items() if g}
    store = open_store(db)
    claims = {c.id: c for c in _group_claims(store, set(grp))}
    con = sqlite3.connect(db)
    source = dict(con.execute("select id, source from articles"))
    con.close()
    by_group: dict[str, list[str]] = {}
    for a in sorted(claims):
        by_group.setdefault(grp[a], []).append(a)
    strata: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for ids in by_group.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if claims[a].article != claims[b].article:
                    strata[aligned(claims[a], claims[b])].append((a, b))
    rng = random.Random(12)
    drawn = [(pair, direct) for direct in (True, False)
             for pair in rng.sample(strata[direct], min(per_stratum, len(strata[direct])))]
    _write_drawn(out, sheet, drawn, "direct", claims, source,
                 lambda a: f" group={grp[a]} ({len(by_group[grp[a]])} claims)")
    store.close()


def sample_recall(db: str, out: Path, sheet: Path, per_stratum: int = 15) -> None:
    """Draw the README's recall pairs (candidate same-figure pairs sharing a block); write them unlabelled
    and a label sheet (with the sentences: keep it out of the repository)."""
    from newsdesk.corpus.compare import MAX_CONFLICT_RATIO
    from newsdesk.corpus.figures import _group_claims
    from newsdesk.store import open_store

    con = sqlite3.connect(db)
    blocks: dict[str, list[str]] = {}
    for b, a in con.execute("select block, amount_id from claim_blocks order by block, amount_id"):
        blocks.setdefault(b, []).append(a)
    source = dict(con.execute("select id, source from articles"))
    con.close()
    store = open_store(db)
    claims = {c.id: c for c in _group_claims(store, {a for ids in blocks.values() for a in ids})}
    store.close()

    def candidate(a, b) -> bool:
        ca, cb = claims[a], claims[b]
        if ca.source == cb.source or (ca.story is not None and ca.story == cb.story):
            return False
        if not (ca.period and cb.period and (ca.period.startswith(cb.period) or cb.period.startswith(ca.period))):
            return False
        lo, hi = sorted((ca.value, cb.value))
        return ca.unit == cb.unit and hi / max(lo, 1e-12) <= MAX_CONFLICT_RATIO

    pairs: set[tuple[str, str]] = set()
    for ids in blocks.values():
        ids = [a for a in ids if a in claims]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if candidate(a, b):
                    pairs.add((a, b))
    strata: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for a, b in sorted(pairs):
        strata[bool(claims[a].actors & claims[b].actors)].append((a, b))
    rng = random.Random(14)
    drawn = [(pair, shared) for shared in (True, False)
             for pair in rng.sample(strata[shared], min(per_stratum, len(strata[shared])))]
    print({k: len(v) for k, v in strata.items()})
    _write_drawn(out, sheet, drawn, "shared_actor", claims, source, lambda a: "")


def _write_drawn(out: Path, sheet: Path, drawn: list, stratum: str, claims: dict, source: dict,
                 note: Callable[[str], str]) -> None:
    """The drawn pairs, unlabelled (ids and offsets only), and a label sheet with their sentences."""
    with out.open("w", encoding="utf-8") as fh, sheet.open("w", encoding="utf-8") as sh:
        for n, ((a, b), flag) in enumerate(drawn):
            ca, cb = claims[a], claims[b]
            side = {k: {"amount": c.id, "line": int(source[c.article].rsplit("#L", 1)[1]),
                        "start": c.figure[0], "end": c.figure[1]} for k, c in (("a", ca), ("b", cb))}
            fh.write(json.dumps({"n": n, stratum: flag, **side, "same": None, "agree": None}) + "\n")
            sh.write(f"#{n} {stratum}={flag}{note(a)}\n" + "".join(
                f"  {k} {c.raw_value} {c.raw_unit} [{c.period}] {sorted(c.terms)} {sorted(c.actors)}: {c.sentence[2]!r}\n"
                for k, c in (("A", ca), ("B", cb))) + "\n")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) >= 2 and args[0] == "score":
        pairs = Path(sys.argv[sys.argv.index("--pairs") + 1]) if "--pairs" in sys.argv else PAIRS
        args = [a for a in args if a != str(pairs)]
        with tempfile.TemporaryDirectory() as tmp:
            db = regroup(args[1], str(Path(tmp) / "regrouped.db")) if "--regroup" in sys.argv else args[1]
            print(json.dumps(score(db, pairs), indent=2))
    elif len(args) == 4 and args[0] == "sample":
        sample(args[1], Path(args[2]), Path(args[3]))
    elif len(args) == 4 and args[0] == "sample-recall":
        sample_recall(args[1], Path(args[2]), Path(args[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
