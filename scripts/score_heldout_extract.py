"""Score quotes, amounts and times on the held-out set (tests/fixtures/heldout_extract).

Runs the real pipeline (``readers.jsonl.parse_line`` -> ``pipeline.process_article`` with
``load_models()``) on ten articles nobody tuned on and prints precision/recall per stage:

- quotes: a predicted quote matches a gold quote when it contains the gold's first 30 characters
  (whitespace and quote marks normalised); speaker and partial accuracy over matched gold quotes.
- amounts: text overlap + value within 0.5% + same unit (after converting length/mass/speed to the
  gold's base unit and singularising counted nouns); for a range, either bound matches.
- times: text overlap + same value; a gold ISO week also accepts a day inside that week.

    /tmp/probe/bin/python scripts/score_heldout_extract.py [-v]
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "fixtures" / "heldout_extract"

# Measurement units the system may report in another scale than the gold's base unit.
_CONVERT = {"m": ("km", 0.001), "mile": ("km", 1.609344), "tonne": ("kg", 1000.0), "t": ("kg", 1000.0),
            "mph": ("km/h", 1.609344), "cm": ("km", 1e-5), "inch": ("km", 2.54e-5), "g": ("kg", 0.001)}
_ALIASES = {"people": "person", "persons": "person", "bpd": "barrel per day", "b/d": "barrel per day",
            "barrels per day": "barrel per day", "barrels/day": "barrel per day", "barrel/day": "barrel per day", "barrels a day": "barrel per day",
            "barrel a day": "barrel per day", "pp": "percentage point", "percentage points": "percentage point",
            "points": "percentage point", "point": "percentage point", "bp": "basis point",
            "bps": "basis point", "basis points": "basis point", "%": "percent", "degree celsius": "celsius",
            "°c": "celsius", "c": "celsius", "kph": "km/h", "km/hr": "km/h", "tonnes": "tonne", "tons": "tonne"}


def _norm_text(s: str) -> str:
    s = re.sub(r"[\"“”‘’'`]", "", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def _singular(word: str) -> str:
    if word in ("people", "persons"):
        return "person"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def norm_unit(unit: str | None, value: float) -> tuple[str, float]:
    """(canonical unit, value in it) so that scales and plural forms compare equal."""
    if not unit:
        return "", value
    if re.fullmatch(r"[A-Z]{3}", unit):
        return unit, value
    u = unit.strip().lower()
    u = _ALIASES.get(u, u)
    if u in _CONVERT:
        base, factor = _CONVERT[u]
        return base, value * factor
    if u in ("percent", "percentage point", "basis point", "km", "kg", "km/h", "km2", "celsius"):
        return u, value
    head = _singular(u.split()[-1])
    return _ALIASES.get(head, head), value


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _place(text: str, s: str, used: list[tuple[int, int]]) -> tuple[int, int] | None:
    for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
        if not any(_overlap(m.start(), m.end(), b, e) for b, e in used):
            used.append((m.start(), m.end()))
            return m.start(), m.end()
    return None


def _value_ok(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == pred:
        return True
    wk = re.fullmatch(r"(\d{4})-W(\d{2})", gold)
    if wk and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pred):
        iso = dt.date.fromisoformat(pred).isocalendar()
        return (iso[0], iso[1]) == (int(wk.group(1)), int(wk.group(2)))
    return False


def _norm_speaker(s: str | None) -> str | None:
    if s is None:
        return None
    s = re.sub(r"^the\s+", "", s.strip(), flags=re.I)
    return re.sub(r"\s+", " ", s).lower()


def run_pipeline() -> list[tuple[dict, dict, object]]:
    """(article line, gold line, ArticleRecord) for each held-out article."""
    from newsdesk.config import load_settings
    from newsdesk.pipeline import load_models, process_article
    from newsdesk.readers.jsonl import parse_line

    models, settings = load_models(), load_settings()
    gold = {g["id"]: g for g in map(json.loads, (SET / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    out = []
    for n, line in enumerate((SET / "articles.jsonl").read_text(encoding="utf-8").splitlines(), start=1):
        art = json.loads(line)
        raw = parse_line(line, f"heldout#L{n}", settings.max_input_bytes)
        out.append((art, gold[art["id"]], process_article(raw, models, settings, strict=True)))
    return out


def score(records: list[tuple[dict, dict, object]], verbose: bool = False) -> dict[str, dict[str, float]]:
    q = dict(tp_pred=0, pred=0, gold=0, found=0, speaker_ok=0, partial_ok=0)
    a = dict(tp_pred=0, pred=0, gold=0, found=0, approx_ok=0)
    t = dict(tp_pred=0, pred=0, gold=0, found=0, detected=0)
    log = print if verbose else (lambda *_: None)
    for art, gold, rec in records:
        text = rec.clean.text
        log(f"== {art['id']}")
        # quotes
        preds = [(p, _norm_text(p.text)) for p in rec.quotes]
        q["pred"] += len(preds)
        hit_pred: set[int] = set()
        for g in gold["quotes"]:
            q["gold"] += 1
            key = _norm_text(g["quote"])
            cands = [i for i, (_, pt) in enumerate(preds) if key in pt]
            cands.sort(key=lambda i: (not preds[i][1].startswith(key), i in hit_pred))
            if not cands:
                log(f"  quote FN  {g['quote']!r} ({g['speaker']})")
                continue
            p = preds[cands[0]][0]
            hit_pred.add(cands[0])
            q["found"] += 1
            sp_ok = _norm_speaker(p.speaker) == _norm_speaker(g["speaker"])
            q["speaker_ok"] += sp_ok
            q["partial_ok"] += p.partial == g["partial"]
            if not sp_ok:
                log(f"  quote SPK {g['quote']!r}: gold {g['speaker']!r} got {p.speaker!r}")
            if p.partial != g["partial"]:
                log(f"  quote PART {g['quote']!r}: gold {g['partial']} got {p.partial}")
        for i, (p, _) in enumerate(preds):
            if i in hit_pred:
                q["tp_pred"] += 1
            else:
                log(f"  quote FP  {p.text[:60]!r} ({p.speaker})")
        # amounts
        used: list[tuple[int, int]] = []
        gspans = [(_place(text, g["text"], used), g) for g in gold["amounts"]]
        a["gold"] += len(gspans)
        a["pred"] += len(rec.amounts)
        ok_pred: set[int] = set()
        for span, g in gspans:
            gu, gv = norm_unit(g["unit"], g["value"])
            bounds = [gv] + ([norm_unit(g["unit"], g["high"])[1]] if "high" in g else [])
            hits = []
            for i, p in enumerate(rec.amounts):
                if span is None or not _overlap(p.start, p.end, *span):
                    continue
                pu, pv = norm_unit(p.unit, p.value)
                if pu == gu and any(abs(pv - b) <= 0.005 * abs(b) + 1e-12 for b in bounds):
                    hits.append(i)
            ok_pred.update(hits)
            if hits:
                a["found"] += 1
                a["approx_ok"] += rec.amounts[hits[0]].approx == g["approx"]
                if rec.amounts[hits[0]].approx != g["approx"]:
                    log(f"  amount APPROX {g['text']!r}: gold {g['approx']}")
            else:
                near = [f"{p.text!r}={p.value:g} {p.unit}" for p in rec.amounts
                        if span and _overlap(p.start, p.end, *span)]
                log(f"  amount FN {g['text']!r} {g['value']:g} {g['unit']}  got {near}")
        a["tp_pred"] += len(ok_pred)
        for i, p in enumerate(rec.amounts):
            if i not in ok_pred and not any(s and _overlap(p.start, p.end, *s) for s, _ in gspans):
                log(f"  amount FP {p.text!r}={p.value:g} {p.unit}")
        # times
        used = []
        tspans = [(_place(text, g["text"], used), g) for g in gold["times"]]
        t["gold"] += len(tspans)
        t["pred"] += len(rec.times)
        ok_t: set[int] = set()
        for span, g in tspans:
            over = [i for i, p in enumerate(rec.times) if span and _overlap(p.start, p.end, *span)]
            t["detected"] += bool(over)
            good = [i for i in over if _value_ok(g["value"], rec.times[i].value)]
            ok_t.update(good)
            t["found"] += bool(good)
            if not good:
                got = [f"{rec.times[i].text!r}={rec.times[i].value}" for i in over]
                log(f"  time FN {g['text']!r} gold {g['value']} got {got}")
        t["tp_pred"] += len(ok_t)
        for i, p in enumerate(rec.times):
            if i not in ok_t and not any(s and _overlap(p.start, p.end, *s) for s, _ in tspans):
                log(f"  time FP {p.text!r}={p.value}")

    def pr(d: dict) -> dict[str, float]:
        return {"precision": d["tp_pred"] / d["pred"] if d["pred"] else 0.0,
                "recall": d["found"] / d["gold"] if d["gold"] else 0.0, **d}

    res = {"quotes": pr(q), "amounts": pr(a), "times": pr(t)}
    res["quotes"]["speaker_acc"] = q["speaker_ok"] / q["found"] if q["found"] else 0.0
    res["quotes"]["partial_acc"] = q["partial_ok"] / q["found"] if q["found"] else 0.0
    res["amounts"]["approx_acc"] = a["approx_ok"] / a["found"] if a["found"] else 0.0
    res["times"]["detect_recall"] = t["detected"] / t["gold"] if t["gold"] else 0.0
    return res


def main() -> None:
    res = score(run_pipeline(), verbose="-v" in sys.argv)
    for name, r in res.items():
        extra = {"quotes": "speaker_acc partial_acc", "amounts": "approx_acc", "times": "detect_recall"}[name]
        extras = "  ".join(f"{k} {r[k]:.3f}" for k in extra.split())
        print(f"{name:8s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  {extras}  "
              f"(pred {r['pred']}, gold {r['gold']})")


if __name__ == "__main__":
    main()
