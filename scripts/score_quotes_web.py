"""Score direct quotes and their speakers on a fresh set of web news pages (round eight, issue 14).

Usage: python scripts/score_quotes_web.py DATA_DIR --split dev|dev2|test [--gold FILE] [--errors FILE] [-v] [--json]

DATA_DIR holds trafilatura's evaluation pages (``evaldata.json`` with ``eval/*.html`` and
``cache/*.html``; repository adbar/trafilatura, see ../shared/DATASETS.md). Pages are read from
DATA_DIR and never copied into this repository. The gold labels (file, the quote's first 6 and
last 4 words, the speaker) are ``tests/fixtures/speakers_web/gold.jsonl``; the selection,
labelling and scoring rules, written before the first run, and the figures are in
``tests/fixtures/speakers_web/README.md``. In short:

- Each page runs as ``newsdesk ingest`` reads an HTML file (``readers.read_file`` ->
  ``pipeline.process_batch``, default settings).
- A gold quote is found when its first-6 or last-4 words occur as a contiguous word sequence in a
  newsdesk quote's text (words: lower case, runs of letters/digits, curly apostrophes folded); it
  matches the newsdesk quote sharing most of those words.
- Precision: newsdesk quotes matched to a gold quote, or overlapping (4 consecutive words) a
  candidate span the labelling left out (scare quotes, titles), over all newsdesk quotes.
- Right speaker, over found gold quotes with a speaker: a person by surname (last name word,
  suffixes skipped) or full name, a one-word gold name by any word of the speaker; with no
  ``speaker``, ``speaker_description`` is compared the same way. A role by its head noun (last
  word before of/for/at/in/from/with/to/who/comma) among the words of ``speaker_description``,
  ``speaker`` or ``speaker_entity`` (trailing s folded).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsdesk.config import load_settings
from newsdesk.errors import RejectedInput
from newsdesk.pipeline import load_models, process_batch
from newsdesk.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "speakers_web" / "gold.jsonl"
_WORD = re.compile(r"[^\W_]+")
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
_ROLE_STOP = {"of", "for", "at", "in", "from", "with", "to", "who"}


def words(text: str | None) -> list[str]:
    """Lower-cased word runs, curly apostrophes folded (O’Neill = O'Neill)."""
    return _WORD.findall((text or "").replace("’", "'").lower())


def candidate_spans(body: str) -> list[str]:
    """Rule 4 of the selection: “...” or "..." spans of >= 4 words, paired within a paragraph."""
    out = []
    for para in body.split("\n"):
        found = [m for pat in (r"“([^“”]*)”", r'"([^"]*)"') for m in re.finditer(pat, para)
                 if len(words(m.group(1))) >= 4]
        out += [m.group(1) for m in sorted(found, key=lambda m: m.start())]
    return out


def contains(seq: list[str], part: list[str]) -> bool:
    n = len(part)
    return n > 0 and any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


def shares_run(a: list[str], b: list[str], n: int = 4) -> bool:
    grams = {tuple(a[i:i + n]) for i in range(len(a) - n + 1)}
    return any(tuple(b[i:i + n]) in grams for i in range(len(b) - n + 1))


def surname(name_words: list[str]) -> str | None:
    kept = [w for w in name_words if w not in _SUFFIX]
    return kept[-1] if kept else None


def _caps(name: str | None) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", name or "") if w[:1].isupper()]


def same_acronym(a: str | None, b: str | None) -> bool:
    """One side's only capitalised word is an acronym the other's capitalised words spell
    ("the IMF" and "International Monetary Fund")."""
    for short, full in ((a, b), (b, a)):
        caps, words_ = _caps(short), _caps(full)
        if len(caps) == 1 and len(caps[0]) >= 2 and caps[0].isupper() and len(words_) >= 2 \
                and "".join(w[0] for w in words_).lower() == caps[0].lower():
            return True
    return False


def person_right(gold: str, speaker: str | None, description: str | None) -> bool:
    g = words(gold)
    for cand in (speaker, None if speaker else description):
        c = words(cand)
        if not c:
            continue
        if c == g or (len(g) == 1 and g[0] in c) or (len(g) > 1 and surname(c) == surname(g)):
            return True
        if same_acronym(gold, cand):  # amendment after the first run
            return True
    return False


def role_head(gold: str) -> str | None:
    head = None
    for w in words(gold.split(",")[0]):
        if w in _ROLE_STOP:
            break
        head = w
    return head


def _fold(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def role_right(gold: str, speaker: str | None, description: str | None, entity: str | None) -> bool:
    head = role_head(gold)
    have = {_fold(w) for text in (description, speaker, entity) for w in words(text)}
    return head is not None and _fold(head) in have


def load_gold(path: Path, split: str) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["split"] == split:
                pages.setdefault(row["file"], [])
                if row["first"] is not None:
                    pages[row["file"]].append(row)
    return pages


def resolve(data: Path, filename: str) -> Path | None:
    for sub in ("cache", "eval"):
        if (data / sub / filename).is_file():
            return data / sub / filename
    return None


def left_out_spans(path: Path, gold: list[dict]) -> list[list[str]]:
    """Candidate spans of the page (trafilatura's body, as the selection read it) no gold row names."""
    from trafilatura import extract  # only the scorer needs it; newsdesk's reading is separate

    body = extract(path.read_bytes()) or ""
    out = []
    for span in candidate_spans(body):
        w = words(span)
        if not any(w[:6] == words(g["first"]) and w[-4:] == words(g["last"]) for g in gold):
            out.append(w)
    return out


def score(data: Path, split: str, gold_path: Path = GOLD, verbose: bool = False,
          errors: list | None = None) -> dict[str, Any]:
    settings, models = load_settings(), load_models()
    pages = load_gold(gold_path, split)
    raws, names = [], []
    for name in pages:
        path = resolve(data, name)
        if path is None:
            raise SystemExit(f"{name}: not under {data}/cache or {data}/eval")
        for raw in read_file(path, settings):
            raws.append(raw)
            names.append(name)
    docs = iter(process_batch([r for r in raws if not hasattr(r, "reason")], models, settings))
    # a page read_file refuses stays a refusal (a Rejection has a reason, a RawDoc none)
    records = [RejectedInput(r.source, r.reason) if hasattr(r, "reason") else next(docs) for r in raws]
    n_pred4 = pred4_ok = 0
    n_pred = pred_ok = n_gold = found = judged = right = none_gold = none_given = rejected = 0
    how: dict[str, list[int]] = {}
    for name, rec in zip(names, records):
        gold = pages[name]
        if isinstance(rec, RejectedInput):
            rejected += 1
            quotes, text = [], ""
        else:
            quotes, text = rec.quotes, rec.clean.text
        qwords = [words(q.text) for q in quotes]
        used = set()
        for g in gold:
            n_gold += 1
            first, last = words(g["first"]), words(g["last"])
            hits = [(len(set(first + last) & set(w)), i) for i, w in enumerate(qwords)
                    if contains(w, first) or contains(w, last)]
            if not hits:
                if verbose:
                    print(f"MISS  {name}: {g['first']!r} ... {g['last']!r}")
                continue
            found += 1
            i = max(hits)[1]
            used.add(i)
            q = quotes[i]
            if g["speaker"] is None:
                none_gold += 1
                none_given += bool(q.speaker or q.speaker_description)
                continue
            judged += 1
            if g["kind"] == "role":
                ok = role_right(g["speaker"], q.speaker, q.speaker_description, q.speaker_entity)
            else:
                ok = person_right(g["speaker"], q.speaker, q.speaker_description)
            right += ok
            way = q.speaker_how or "none"
            how.setdefault(way, [0, 0])
            how[way][0] += 1
            how[way][1] += ok
            if not ok:
                if verbose:
                    print(f"WRONG {name}: {g['first']!r} speaker={q.speaker!r} desc={q.speaker_description!r} "
                          f"how={way} gold={g['speaker']!r}")
                if errors is not None:
                    errors.append({"file": name, "gold": g["speaker"], "kind": g["kind"], "speaker": q.speaker,
                                   "description": q.speaker_description, "entity": q.speaker_entity,
                                   "how": way, "source": q.source_text, "quote": q.text[:120],
                                   "before": text[max(0, q.start - 300):q.start]})
        extra = left_out_spans(resolve(data, name), gold) if len(used) < len(quotes) else []
        for i, w in enumerate(qwords):
            n_pred += 1
            ok = i in used or any(shares_run(w, s) for s in extra)
            pred_ok += ok
            if len(w) >= 4:  # the gold only holds quotes of >= 4 words (added after the first run)
                n_pred4 += 1
                pred4_ok += ok
            if verbose and not ok:
                print(f"EXTRA {name}: {quotes[i].text[:60]!r}")
    return {
        "split": split, "pages": len(pages), "rejected": rejected, "gold_quotes": n_gold,
        "predicted": n_pred, "precision": round(pred_ok / n_pred, 3) if n_pred else 0.0,
        "precision_4plus": round(pred4_ok / n_pred4, 3) if n_pred4 else 0.0, "predicted_4plus": n_pred4,
        "recall": round(found / n_gold, 3) if n_gold else 0.0,
        "speaker_accuracy": round(right / judged, 3) if judged else 0.0, "speaker_judged": judged,
        "speaker_right": right, "gold_none_found": none_gold, "gold_none_given_a_speaker": none_given,
        "by_how": {k: f"{v[1]}/{v[0]}" for k, v in sorted(how.items())},
    }


def _print(out: dict[str, Any], keys: Iterable[str] | None = None) -> None:
    for k in keys or out:
        print(f"{k}: {out[k]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="folder with evaldata.json, eval/ and cache/")
    ap.add_argument("--split", choices=["dev", "dev2", "test"], required=True)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", type=Path, default=None, help="write each wrong speaker (JSON lines)")
    ap.add_argument("-v", action="store_true", dest="verbose")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    errs: list | None = [] if args.errors else None
    out = score(args.data, args.split, args.gold, args.verbose, errs)
    if args.errors and errs is not None:
        with args.errors.open("w", encoding="utf-8") as fh:
            for e in errs:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(json.dumps(out, indent=2)) if args.json else _print(out)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
