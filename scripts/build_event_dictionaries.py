"""Convert the field's event-coding dictionaries into newsdesk's own data files.

Reads ``../shared/resources/event-dictionaries/`` (CAMEO.2.0.txt verb patterns, CAMEO2PLOVER-2021.txt,
Phoenix.agents.txt) and writes, under src/newsdesk/events/data/:

- ``cameo_patterns.json``: verb lemmas, verb + object-noun and verb + preposition + noun patterns, and
  event nouns, each mapped CAMEO code -> PLOVER type/mode (through the CAMEO-to-PLOVER table, with the
  few newsdesk departures listed in OVERRIDES so that codes land on the types of events/data/plover.json);
- ``agents.json``: sector nouns (police -> COP, students -> EDU, rebels -> REB ...);
- ``NOTICE.md``: provenance and the licences (MIT for the PETRARCH/Phoenix files, CC BY-SA 4.0 for the
  PLOVER table; the derived code-to-type mapping stays under CC BY-SA 4.0).

    python scripts/build_event_dictionaries.py [--src DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "resources" / "event-dictionaries"
OUT = ROOT / "src" / "newsdesk" / "events" / "data"

# Where newsdesk's ontology (events/data/plover.json) places a CAMEO code differently from the 2021
# table, or where the table has no row (01/02). Keys are code prefixes; the longest prefix wins.
OVERRIDES: dict[str, tuple[str, str | None] | None] = {
    "01": None,  # public statements: not an event type of their own
    "02": ("REQUEST", "appeal"),  # appeals (the table starts at 03; PLOVER folds appeals into REQUEST)
    "057": ("AGREE", "sign"),  # sign a formal agreement
    "163": ("SANCTION", "economic"),  # embargo, boycott, sanctions
    "084": ("CONCEDE", "release"),  # release persons or property
    "085": ("CONCEDE", "ease_sanctions"),
    "055": ("CONCEDE", "apologize"),
    "192": ("COERCE", "seize"),  # occupy territory
}
# CAMEO code prefix -> newsdesk mode (the table's modes are not plover.json's)
MODES = {
    "03": "promise", "040": "meet", "041": "phone", "042": "visit", "043": "visit", "044": "meet",
    "045": "mediate", "046": "negotiate", "051": "praise", "052": "endorse", "053": "endorse",
    "061": "economic", "062": "military", "063": "judicial", "064": "intelligence",
    "070": "economic", "071": "economic", "072": "military", "073": "humanitarian", "074": "military",
    "075": "asylum", "08": "policy", "0871": "ceasefire", "0872": "withdraw", "087": "withdraw",
    "0873": "disarm", "0874": "disarm", "09": "investigate", "10": "demand", "110": "criticize",
    "111": "criticize", "112": "allege", "114": "allege", "115": "allege", "12": "refuse", "129": "veto",
    "13": "other", "131": "sanction", "138": "military", "139": "ultimatum", "141": "demonstrate",
    "142": "strike", "143": "strike", "145": "riot", "15": "military", "151": "alert", "152": "alert",
    "160": "diplomatic", "161": "diplomatic", "162": "economic", "166": "expel", "171": "seize",
    "172": "ban", "173": "arrest", "19": "attack", "195": "aerial", "1823": "kill", "186": "kill",
}
# Supplementary sector nouns Phoenix keeps only inside longer phrases (newsdesk's addition)
EXTRA_AGENTS = {"official": "GOV", "ministry": "GOV", "government": "GOV", "army": "MIL", "troops": "MIL",
                "farmer": "AGR", "lawmaker": "LEG", "legislator": "LEG", "opposition": "OPP"}
# verbs too common for a bare-lemma entry: they code only through an object or preposition pattern
GENERIC_VERBS = {"be", "have", "do", "make", "take", "get", "give", "go", "come", "put", "set", "keep", "say",
                 "see", "look", "find", "use", "show", "call", "move", "hold", "run", "bring", "turn", "leave",
                 "carry", "send", "open", "close", "end", "stand", "raise", "cut", "pay", "receive", "draw",
                 "mark", "cover", "score", "win", "lose", "gain", "beat", "hit", "lead", "back", "sell", "buy",
                 "offer", "rise", "fall", "drop", "post", "report", "expect", "plan", "want", "need", "try",
                 "seek", "start", "begin", "continue", "follow", "hope", "issue", "release", "fire", "charge",
                 "block", "press", "push", "face", "meet_with", "reach", "enter", "return", "pass", "sign_up",
                 "add", "place", "form", "build", "join", "share", "support", "order", "handle", "provide"}
PARTICLES = {"up", "down", "out", "off", "in", "on", "over", "back", "away", "through", "together", "for", "with",
             "against", "into", "to", "forth", "around", "about", "upon", "aside", "apart"}
LIGHT_VERBS = {"hold", "stage", "launch", "impose", "conduct", "carry_out", "make", "mount", "begin", "start",
               "organize", "organise", "call", "declare", "announce", "lift", "extend", "sign", "offer",
               "deploy", "step_up", "resume", "stage", "take", "issue", "give", "provide", "send"}


def parse_code(raw: str) -> str | None:
    code = raw.strip("[] ").split(":")[0]
    return code if re.fullmatch(r"\d{2,4}", code) else None


def load_table(path: Path) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = (m.group(2), None)
    return out


def plover(code: str, table: dict[str, tuple[str, str | None]], types: dict) -> tuple[str, str | None] | None:
    """CAMEO code -> (PLOVER type, newsdesk mode), or None when the code is no event newsdesk codes."""
    for n in range(len(code), 1, -1):
        if code[:n] in OVERRIDES:
            hit = OVERRIDES[code[:n]]
            if hit is None:
                return None
            etype = hit[0]
            break
    else:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                etype = table[code[:n]][0]
                break
        else:
            return None
    if etype not in types:
        return None
    mode = None
    for n in range(len(code), 1, -1):
        if code[:n] in OVERRIDES and OVERRIDES[code[:n]] and OVERRIDES[code[:n]][1]:
            mode = OVERRIDES[code[:n]][1]
            break
        if code[:n] in MODES:
            mode = MODES[code[:n]]
            break
    if mode not in types[etype]["modes"]:
        mode = None
    return etype, mode


def word(w: str) -> str:
    return w.strip("_").replace("_", " ").lower()


def parse_cameo(path: Path) -> tuple[dict[str, list[str]], list[dict]]:
    """Synonym sets and verb blocks ({'verbs': {lemma: code|None}, 'patterns': [(post tokens, code)]})."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set = None
    block = None
    in_patterns = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            current_set = None
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        text = line.split("#")[0].rstrip()
        if not in_patterns:
            if text.startswith("&"):
                current_set = text.strip()
                synsets[current_set] = []
            elif text.startswith("+") and current_set:
                synsets[current_set].append(word(text[1:].split("{")[0].strip()))
            elif not text.strip():
                current_set = None
            continue
        m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---", text)
        if m:
            block = {"name": m.group(1), "code": parse_code(m.group(2)), "verbs": {}, "patterns": []}
            blocks.append(block)
            continue
        if block is None or not text.strip():
            continue
        if text.startswith("-"):
            cm = re.search(r"\[([^\]]*)\]", text)
            code = parse_code(cm.group(1)) if cm else None
            body = text[1:cm.start()] if cm else text[1:]
            found_in = line.split("#")[1].split()[:1] if "#" in line else []
            block["patterns"].append((body.strip(), code, word(found_in[0]) if found_in else None))
        else:  # a verb, or '+VERB_PARTICLE' (a multi-word verb)
            vm = re.match(r"\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", text.strip())
            if vm:
                block["verbs"][word(vm.group(1))] = parse_code(vm.group(3)) if vm.group(3) else None
    return synsets, blocks


TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def expand(tok: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head nouns of a pattern element: a word, a {phrase} (its last word) or an &SET."""
    tok = tok.strip("{}")
    if tok.startswith("&"):
        return synsets.get(tok.split()[-1] if " " in tok else tok, [])
    last = tok.split()[-1] if tok.split() else ""
    if last.startswith("&"):
        return synsets.get(last, [])
    if not re.fullmatch(r"[A-Z][A-Z_'-]*", last):
        return []
    return [word(last)]


def compile_patterns(synsets: dict, blocks: list[dict], table: dict, types: dict) -> dict:
    verbs: dict[str, dict] = {}
    objects: dict[str, dict] = {}
    preps: dict[str, dict] = {}
    phrasal: dict[str, dict] = {}
    noun_votes: dict[str, Counter] = defaultdict(Counter)
    for block in blocks:
        for lemma, own in block["verbs"].items():
            code = own or block["code"]
            hit = plover(code, table, types) if code else None
            if not hit or lemma in GENERIC_VERBS:
                continue
            entry = {"type": hit[0], "mode": hit[1], "cameo": code}
            if " " not in lemma:
                verbs.setdefault(lemma, entry)
            elif len(lemma.split()) == 2 and lemma.split()[1] in PARTICLES:
                phrasal.setdefault(lemma, entry)
        for body, code, found_in in block["patterns"]:
            hit = plover(code, table, types) if code else None
            if hit is None:
                continue
            pre, star, post = body.partition("*")
            if not star or pre.strip():  # subject-constrained patterns need actor types newsdesk lacks
                continue
            toks = [t for t in TOKEN.findall(post) if t not in {"$", "+", "%"}]
            if len(toks) != 1:
                continue
            tok = toks[0]
            entry = {"type": hit[0], "mode": hit[1], "cameo": code}
            # a pattern holds for the verb it was found under (the comment), not every synonym
            owners = [found_in] if found_in in block["verbs"] else list(block["verbs"])
            for lemma in owners:
                if " " in lemma:
                    continue
                if tok.startswith("("):
                    inner = tok.strip("()").split(None, 1)
                    if len(inner) != 2 or not re.fullmatch(r"[A-Z]+", inner[0]):
                        continue
                    for noun in expand(inner[1], synsets):
                        preps.setdefault(f"{lemma} {inner[0].lower()} {noun}", entry)
                else:
                    for noun in expand(tok, synsets):
                        objects.setdefault(f"{lemma} {noun}", entry)
                        if lemma in LIGHT_VERBS and " " not in noun:
                            noun_votes[noun][(hit[0], hit[1], code, lemma)] += 1
    nouns = {}
    for noun, votes in noun_votes.items():
        by_type = Counter()
        for (etype, _, _, _), n in votes.items():
            by_type[etype] += n
        etype, n = by_type.most_common(1)[0]
        lights = {lv for (t, _, _, lv) in votes if t == etype}
        if n >= 0.75 * sum(by_type.values()) and len(lights) >= 2:  # an event noun, not a thing moved
            _, mode, code, _ = next(k for k, _ in votes.most_common() if k[0] == etype)
            nouns[noun] = {"type": etype, "mode": mode, "cameo": code}
    for lemma, entry in verbs.items():  # nominalisations of coded verbs (resign -> resignation)
        if entry["type"] in {"COOPERATE", "SUPPORT"}:  # 'importation', 'investment': trade and talk, not events
            continue
        for form in nominalisations(lemma):
            nouns.setdefault(form, {**entry, "from_verb": lemma})
    return {"verbs": dict(sorted(verbs.items())), "phrasal": dict(sorted(phrasal.items())),
            "objects": dict(sorted(objects.items())),
            "preps": dict(sorted(preps.items())), "nouns": dict(sorted(nouns.items()))}


NOMINAL_SUFFIXES = (("ate", "ation"), ("ize", "ization"), ("ise", "isation"), ("fy", "fication"), ("ign", "ignation"),
                    ("aw", "awal"), ("ve", "val"), ("ess", "ession"), ("ect", "ection"), ("ist", "istance"),
                    ("ort", "ortation"), ("est", "estation"), ("ise", "ise"), ("ade", "asion"),
                    ("ase", "ase"), ("ish", "ishment"), ("ounce", "unciation"), ("rm", "rmament"))


def nominalisations(lemma: str) -> list[str]:
    """Regular event nouns of a verb (forms that are no word never occur in text, so cost nothing)."""
    out = [lemma + "ment"]
    for end, noun_end in NOMINAL_SUFFIXES:
        if lemma.endswith(end):
            out.append(lemma[: -len(end)] + noun_end)
    return [f for f in out if f != lemma]


def parse_agents(path: Path) -> dict[str, str]:
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#")[0].strip()
        m = re.match(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"([A-Z][^\[{]*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", text)
        if not m:
            continue
        name, code = m.group(1).strip(), m.group(3)[:3]
        names = [name]
        for key, vals in subs.items():
            if key in name:
                names = [name.replace(key, v) for v in vals]
        for n in names:
            n = word(n)
            if n and "!" not in n and "," not in n:
                out.setdefault(n, code)
    for n, code in EXTRA_AGENTS.items():
        out.setdefault(n, code)
    return dict(sorted(out.items()))


NOTICE = """# Provenance and licences of the generated event data

`cameo_patterns.json` and `agents.json` are generated by `scripts/build_event_dictionaries.py` from:

- `CAMEO.2.0.txt` (CAMEO verb-pattern dictionary) and `Phoenix.agents.txt`, from
  openeventdata/petrarch2 at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf
  (`petrarch2/data/dictionaries/`). Copyright (c) 2014-2015 Open Event Data Alliance. MIT License:

  Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
  associated documentation files (the "Software"), to deal in the Software without restriction, including
  without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
  copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
  following conditions: The above copyright notice and this permission notice shall be included in all
  copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF
  ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
  FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
  LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
  ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

- `CAMEO2PLOVER-2021.txt` (PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt), from
  openeventdata/PLOVER at commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f. Licensed under Creative Commons
  Attribution-ShareAlike 4.0 International (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/).
  The CAMEO-code-to-PLOVER-type mapping carried in the `type`/`cameo` fields of `cameo_patterns.json` is
  derived from it and is shared under the same licence (CC BY-SA 4.0), with these changes by newsdesk:
  codes 01 (statements) dropped, 02 (appeals) mapped to REQUEST, and 055/057/084/085/163/192 placed on
  the types of newsdesk's `plover.json` (see OVERRIDES in the build script); modes are newsdesk's.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=SRC, help="folder with the dictionaries")
    ap.add_argument("--out", type=Path, default=OUT, help="where the data files go")
    args = ap.parse_args(argv)
    if not (args.src / "CAMEO.2.0.txt").exists():
        print(f"{args.src}: CAMEO.2.0.txt not found", file=sys.stderr)
        return 2
    types = json.loads((OUT / "plover.json").read_text(encoding="utf-8"))["types"]
    table = load_table(args.src / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = parse_cameo(args.src / "CAMEO.2.0.txt")
    pats = compile_patterns(synsets, blocks, table, types)
    pats = {"about": "Generated by scripts/build_event_dictionaries.py from CAMEO.2.0.txt through "
                     "CAMEO2PLOVER-2021.txt; see NOTICE.md. verbs: lemma -> event; objects: 'verb noun'; "
                     "preps: 'verb prep noun'; nouns: event nouns (objects of light verbs).", **pats}
    agents = {"about": "Generated from Phoenix.agents.txt (sector nouns -> CAMEO/POLECAT sector code); "
                       "see NOTICE.md.", "agents": parse_agents(args.src / "Phoenix.agents.txt")}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cameo_patterns.json").write_text(json.dumps(pats, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    (args.out / "agents.json").write_text(json.dumps(agents, indent=0) + "\n", encoding="utf-8")
    (args.out / "NOTICE.md").write_text(NOTICE, encoding="utf-8")
    print(f"verbs {len(pats['verbs'])}, objects {len(pats['objects'])}, preps {len(pats['preps'])}, "
          f"nouns {len(pats['nouns'])}, agents {len(agents['agents'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
