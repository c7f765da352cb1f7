"""Score direct quotes and their speakers on PolNeAR (political news attribution relations).

PolNeAR (github.com/networkdynamics/PolNeAR, research use, kept OUTSIDE the repo) gives BRAT
standoff Source / Cue / Content spans per article under data/{train,dev,test}/{text,attributions}.
Each article runs through the real pipeline (``RawDoc`` -> ``pipeline.process_batch`` with
``load_models()``); quote spans map back to the article text through ``CleanDoc.offsets``.

What is scored (rules written before the first run):

- Gold DIRECT quote: an attribution whose Content span opens with a quotation mark (its first
  non-space character, or the character right before it, is one of " “ ‘ « '; a mark before a space
  closes an earlier quote, so only an adjacent one counts).
  Where an article has several annotators' files, the first file in name order is used.
- Quote precision: predicted quotes (every Quote, partial or not) whose span overlaps any gold
  Content span (direct or not: a quoted fragment inside an indirect attribution is still an
  annotated attribution) / predicted quotes. Recall: gold direct quotes overlapped by at least one
  predicted quote / gold direct quotes. Overlap = at least one shared character, as PolNeAR's
  paper (Newell et al. 2018) counts overlapping content spans as a match.
- Speaker accuracy, over found gold direct quotes that have a Source span: the prediction with the
  largest overlap is right when its speaker matches the gold source. Gold source head = its last
  word before the first ", ( of for at to from in with who" (titles and possessive owners skipped:
  "Trump's campaign manager Kellyanne Conway" -> conway; "a spokesman for X" -> spokesman); a
  predicted name matches by its last word (Jr./Sr. skipped), a predicted unnamed speaker by the
  head of its description. PolNeAR has no coreference layer, so a gold source that is a pronoun
  (he, she, they, ...) or a definite description without a capitalised word ("the senator") is
  ALSO accepted when the prediction matches the nearest earlier gold Source in the article that
  contains a capitalised name (the annotators' own chain of sources); a pronoun gold source with
  no such earlier name is counted wrong unless the prediction has no speaker. A prediction with
  no speaker is wrong.
- ``named_speaker_accuracy``: the same over gold sources that are not pronouns.
  ``speaker_accuracy`` is the legacy figure of earlier rounds, kept unchanged for comparison.

Two more figures over the same quotes (found gold direct quotes with a Source span), rules written
before their first run (round three):

- ``source_span_match`` (a): PolNeAR's own unit. The paper scores span against span, and its
  annotators mark as Source the mention in the attribution itself ("he" in "he said", "a spokesman
  for X", "Mr. Roe"), never the antecedent. newsdesk records, per quote, the mention its speaker was
  found from (``Quote.source_start/source_end/source_text``: the name, the pronoun, the role phrase;
  for a continuation quote, the mention of the quote it continues). Right when that span overlaps the
  gold Source span by at least one character (the same overlap rule as for content). A quote with no
  recorded source is wrong. This says whether newsdesk found the attribution, not who the pronoun is.
- ``resolved_person_accuracy`` (b): whether the PERSON newsdesk names is right, judged only where the
  gold referent is unambiguous. Referent of a named gold source: the names it gives (``gold_names``:
  the capitalised, non-possessive words before its first comma or bracket, when that part ends in
  one: "Former Secretary of State Madeleine Albright" -> albright among them, where the head-word
  rule above reads "secretary"); right when the prediction's last name word is one of them (or, for
  a one-word gold name, "Hillary", is in the prediction's name), or its description's head is. A
  source whose first part ends in a common noun or a possessive ("Obama's former campaign
  strategist", "the Democratic nominee") is not named. (This rule was amended twice after its first
  run, which used the head word; the fixtures README gives baseline and final under the rule as
  committed.) Referent of a pronoun or other gold source: the one proper-noun head word of the
  CoreNLP coreference chain (``data/<split>/corenlp/*.xml``, automatic ``dcoref`` output shipped with
  PolNeAR, not hand made) that holds a mention headed inside the source span, and ONLY when the
  annotators' chain agrees (that name is among those the nearest earlier named gold Source gives). No chain, a
  chain with no name or with two different names, or disagreement: the quote is not judged and is
  counted in ``resolved_person_ambiguous``. The excluded quotes are the hard ones, so (b) is an upper
  reading of pronoun resolution and must be read with its judged / ambiguous counts;
  ``speaker_accuracy`` (the stand-in over all quotes) remains the figure to compare with the issue's
  target.
  ``articles_without_corenlp``: articles whose CoreNLP file is missing (their pronouns are not judged).

    python scripts/score_polnear.py /work/data-quotes/data --split dev [--start N] [--limit N] [-v] [--json]

(--errors FILE writes each wrong speaker with 300 characters of text before it, for reading errors by
cause; -v lists MISS / EXTRA / WRONG (legacy) / SOURCE (span) / PERSON (resolved person, judged only) lines.)

Names compare with curly apostrophes folded (O’Neill = O'Neill). First-run and final figures (all 84
dev / 84 test articles, ~1 minute each): tests/fixtures/polnear/README.md. Round-three test run (held
out, once): precision 0.944, recall 0.991, speaker accuracy 0.807 (named sources 0.857), source span
0.882, resolved person 0.866 (320 judged); very first run 0.948 / 0.960 / 0.754. Round-four test run
(fifth, once): precision 0.944, recall 0.991, speaker accuracy 0.834 (named 0.883), source span 0.901,
resolved person 0.884. Round-five test run (sixth, once): precision 0.944, recall 0.991, speaker
accuracy 0.846 (named 0.886), source span 0.906, resolved person 0.887. Round-six test run (seventh, once): precision 0.944, recall 0.991, speaker accuracy
0.853 (named 0.896), source span 0.911, resolved person 0.894. Round-seven test run (eighth, once):
the same figures (0.944 / 0.991 / 0.853, named 0.896, 0.911, 0.894). Round-nine test run (tenth, once; the learned
ranker of that round is not in the pipeline): 0.944 / 0.991 / 0.855, named 0.899, 0.913, 0.897. ``--start N`` skips the first N articles
(sorted .ann names) before ``--limit``, for a fresh development sample (round five: train 400-649; round
six: train 650-839).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from newsdesk.config import load_settings
from newsdesk.errors import RejectedInput
from newsdesk.pipeline import load_models, process_batch
from newsdesk.records import RawDoc

OPEN_MARKS = "\"“‘«'"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "them", "you", "his", "her", "their", "who"}
_HEAD_STOP = re.compile(r",|\(|\b(?:of|for|at|to|from|in|with|who|on|and)\b")
_SUFFIX = {"jr", "sr", "ii", "iii", "jr.", "sr."}


def read_ann(path: Path) -> list[dict]:
    """Attributions of one .ann file: {content: [(s, e)], source: [(s, e)] | None}."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            segs = [tuple(int(x) for x in seg.split()) for seg in offs.split(";")]
            spans[parts[0]] = (label, segs)
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for rel in rels:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        out.append({"content": content[1], "source": source[1] if source else None})
    return out


def read_chains(xml: Path) -> list[list[tuple[int, int, str, bool]]]:
    """CoreNLP dcoref chains shipped with PolNeAR (automatic, not hand-made): per chain, each
    mention's head token as (start, end, word, is_proper_noun), offsets into the article text."""
    try:
        root = ET.parse(xml).getroot()
    except (OSError, ET.ParseError):
        return []  # missing or truncated in the mirror: counted in articles_without_corenlp
    toks: dict[tuple[int, int], tuple[int, int, str, bool]] = {}
    for sent in root.iter("sentence"):
        if sent.find("tokens") is None:
            continue
        for tok in sent.find("tokens"):
            toks[(int(sent.get("id")), int(tok.get("id")))] = (
                int(tok.findtext("CharacterOffsetBegin")), int(tok.findtext("CharacterOffsetEnd")),
                tok.findtext("word") or "", (tok.findtext("POS") or "").startswith("NNP"))
    chains = []
    outer = root.find("document/coreference")
    for chain in (outer if outer is not None else []):
        heads = [toks.get((int(m.findtext("sentence")), int(m.findtext("head")))) for m in chain.iter("mention")]
        chains.append([h for h in heads if h is not None])
    return chains


def chain_referent(chains: list, span: tuple[int, int]) -> str | None:
    """The one name a gold source's CoreNLP chain gives it: the head word shared by every proper-noun
    head in the chain holding a mention whose head lies in ``span``; None when there is no such
    chain, no name in it, or names with different heads."""
    s, e = span
    for chain in chains:
        if any(s <= hs and he <= e for hs, he, _, _ in chain):
            names = {re.sub(r"['’]s$", "", w.replace("’", "'")).lower() for _, _, w, proper in chain if proper}
            names.discard("")
            return names.pop() if len(names) == 1 else None
    return None


def is_direct(text: str, segs: list[tuple[int, int]]) -> bool:
    s = segs[0][0]
    inside = text[s:segs[-1][1]].lstrip()
    return bool(inside) and inside[0] in OPEN_MARKS or s > 0 and text[s - 1] in OPEN_MARKS


def head_word(phrase: str) -> str:
    """Head of a source phrase: the last word before a preposition, comma or bracket."""
    phrase = phrase.replace("’", "'")
    first = _HEAD_STOP.split(phrase, maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[\w.'’-]+", first)]
    words = [re.sub(r"['’]s$", "", w).strip(".'’") for w in words if w.strip(".").lower() not in _SUFFIX]
    return words[-1] if words else ""


def gold_names(phrase: str) -> set[str]:
    """The names a gold source gives its speaker, for the resolved-person figure: the capitalised,
    non-possessive words before its first comma or bracket, when that part ends in one ("Former
    Secretary of State Madeleine Albright", "Mr. Morgan of the Sierra Club", "Obama and Clinton");
    empty when it ends in a common noun or a possessive ("Obama's former campaign strategist",
    "the Democratic nominee")."""
    first = re.split(r"[,(]", phrase.replace("’", "'"), maxsplit=1)[0]
    words = [w for w in re.findall(r"[\w.'-]+", first) if w.strip(".").lower() not in _SUFFIX]
    if not words or not words[-1][:1].isupper() or words[-1].endswith("'s"):
        return set()
    return {w.strip(".'").lower() for w in words if w[:1].isupper() and not w.endswith("'s")
            and w.lower() not in ("the", "a", "an")}


def person_matches(speaker: str | None, description: str | None, names: set[str]) -> bool:
    """A prediction names one of ``names``: its speaker's last name word, every word of a one-word
    gold name ("Hillary" = Hillary Clinton), or the head of an unnamed speaker's description."""
    if speaker:
        words = [re.sub(r"'s$", "", w.lower()) for w in re.findall(r"[\w'-]+", speaker.replace("’", "'"))
                 if w.lower().strip(".") not in _SUFFIX]
        if words and (words[-1] in names or (len(names) == 1 and names <= set(words))):
            return True
    return bool(description) and head_word(description) in names


def has_name(phrase: str) -> bool:
    words = re.findall(r"[\w'’-]+", phrase)
    return any(w[0].isupper() for w in words[1:]) or (bool(words) and words[0][0].isupper()
                                                       and words[0].lower() not in ("the", "a", "an", "i"))


def pred_matches(speaker: str | None, description: str | None, gold: str) -> bool:
    head = head_word(gold)
    if not head:
        return False
    if speaker:
        speaker = speaker.replace("’", "'")
        names = [w.lower() for w in re.findall(r"[\w'’-]+", speaker) if w.lower().strip(".") not in _SUFFIX]
        if names and re.sub(r"['’]s$", "", names[-1]) == head:
            return True
        if speaker.lower() == gold.lower():
            return True
    return bool(description) and head_word(description) == head


def to_source(offsets: list[tuple[int, int, int]], pos: int) -> int | None:
    for c, s, n in offsets:
        if c <= pos < c + n:
            return s + pos - c
    return None


def pred_source(offsets: list[tuple[int, int, int]], q) -> tuple[int, int] | None:
    """The quote's source mention (source_start/end, clean text) mapped back to the article text."""
    if getattr(q, "source_start", None) is None:
        return None
    s, e = to_source(offsets, q.source_start), to_source(offsets, q.source_end - 1)
    return (s, e + 1) if s is not None and e is not None else None


def load_split(data: Path, split: str, limit: int | None,
               start: int = 0) -> list[tuple[str, str, list[dict], list]]:
    """Articles of a split in the scorer's order (sorted .ann names, first annotator's file per
    article): ``limit`` articles from index ``start`` (all of them when ``limit`` is None)."""
    out = []
    anns = sorted((data / split / "attributions").glob("*.ann"))
    seen = set()
    for ann in anns:
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen:
            continue
        txt = data / split / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        seen.add(stem)
        chains = read_chains(data / split / "corenlp" / f"{stem}.txt.xml")
        out.append((stem, txt.read_text(encoding="utf-8"), read_ann(ann), chains))
    out = out[start:]
    return out[:limit] if limit else out


def _error_row(name: str, text: str, a: dict, q, gold: str, how: str) -> dict:
    """One wrong speaker with the text around it, for reading errors by cause (--errors)."""
    cs, ce = a["content"][0][0], a["content"][-1][1]
    gs, ge = a["source"][0][0], a["source"][-1][1]
    lo, hi = max(0, min(cs, gs) - 300), min(len(text), max(ce, ge) + 200)
    return {"article": name, "quote": text[cs:ce][:80], "gold": gold, "gold_at": gs - cs,
            "speaker": q.speaker, "description": q.speaker_description, "how": how,
            "source_text": getattr(q, "source_text", None), "context": text[lo:hi]}


def score(data: Path, split: str, limit: int | None = None, verbose: bool = False,
          errors: list | None = None, start: int = 0) -> dict:
    settings, models = load_settings(), load_models()
    docs = load_split(data, split, limit, start)
    raws = [RawDoc(source=name, text=text) for name, text, _, _ in docs]
    records = process_batch(raws, models, settings)
    n_pred = pred_ok = n_gold = found = has_src = spk_ok = named = named_ok = rejected = 0
    span_ok = person_n = person_ok = ambiguous = no_chain_docs = 0
    how_counts: dict[str, list[int]] = {}
    span_how: dict[str, list[int]] = {}
    for (name, text, atts, chains), rec in zip(docs, records):
        no_chain_docs += not chains
        if isinstance(rec, RejectedInput):
            rejected += 1
            rec_quotes, offsets = [], []
        else:
            if any("quotes" in w for w in rec.warnings):
                raise RuntimeError(f"{name}: {rec.warnings}")
            rec_quotes, offsets = rec.quotes, rec.clean.offsets
        preds = []
        for q in rec_quotes:
            s, e = to_source(offsets, q.start), to_source(offsets, q.end - 1)
            if s is not None and e is not None:
                preds.append((s, e + 1, q))
        contents = [seg for a in atts for seg in a["content"]]
        for s, e, q in preds:
            n_pred += 1
            ok = any(s < ce and cs < e for cs, ce in contents)
            pred_ok += ok
            if verbose and not ok:
                print(f"EXTRA {name}: {text[s:e][:60]!r}")
        sources = sorted((a["source"][0][0], " ".join(text[x:y] for x, y in a["source"]))
                         for a in atts if a["source"])
        for a in atts:
            if not is_direct(text, a["content"]):
                continue
            n_gold += 1
            over = [(sum(max(0, min(e, ce) - max(s, cs)) for cs, ce in a["content"]), q) for s, e, q in preds]
            over = [x for x in over if x[0] > 0]
            snippet = text[a["content"][0][0]:a["content"][0][1]][:50]
            if not over:
                if verbose:
                    print(f"MISS  {name}: {snippet!r}")
                continue
            found += 1
            if not a["source"]:
                continue
            q = max(over, key=lambda x: x[0])[1]
            gold = " ".join(text[x:y] for x, y in a["source"])
            pos = a["source"][0][0]
            ok = pred_matches(q.speaker, q.speaker_description, gold)
            pronoun = gold.strip().lower() in PRONOUNS
            if not ok and (pronoun or not has_name(gold)):
                earlier = [g for p, g in sources if p < pos and has_name(g) and g.strip().lower() not in PRONOUNS]
                ok = bool(earlier) and pred_matches(q.speaker, q.speaker_description, earlier[-1])
            has_src += 1
            spk_ok += ok
            if not pronoun:
                named += 1
                named_ok += ok
            how = getattr(q, "speaker_how", None) or "none"
            how_counts.setdefault(how, [0, 0])
            how_counts[how][0] += 1
            how_counts[how][1] += ok
            if verbose and not ok:
                print(f"WRONG {name}: {snippet!r} speaker={q.speaker!r} desc={q.speaker_description!r} "
                      f"how={how} gold={gold!r}")
            # (a) the paper's source match: the predicted source mention overlaps the gold Source span
            src = pred_source(offsets, q)
            s_ok = src is not None and any(src[0] < ge and gs < src[1] for gs, ge in a["source"])
            span_ok += s_ok
            span_how.setdefault(how, [0, 0])
            span_how[how][0] += 1
            span_how[how][1] += s_ok
            if verbose and not s_ok:
                print(f"SOURCE {name}: {snippet!r} pred={getattr(q, 'source_text', None)!r} how={how} gold={gold!r}")
            # (b) the resolved person, where the gold referent is unambiguous
            if not pronoun and gold_names(gold):
                referent = gold_names(gold)
            else:
                stand_in = [g for p, g in sources if p < pos and has_name(g) and g.strip().lower() not in PRONOUNS]
                coref = chain_referent(chains, (a["source"][0][0], a["source"][-1][1]))
                agree = bool(stand_in) and coref in (gold_names(stand_in[-1]) or {head_word(stand_in[-1])})
                referent = {coref} if coref and agree else None
            if errors is not None and not ok:
                errors.append(dict(_error_row(name, text, a, q, gold, how), referent=sorted(referent or ())))
            if referent is None:
                ambiguous += 1
            else:
                person_n += 1
                p_ok = person_matches(q.speaker, q.speaker_description, referent)
                person_ok += p_ok
                if verbose and not p_ok:
                    print(f"PERSON {name}: {snippet!r} speaker={q.speaker!r} desc={q.speaker_description!r} "
                          f"how={how} gold={gold!r} referent={referent!r}")
    return {
        "split": split, "articles": len(docs), "rejected": rejected, "gold_direct": n_gold, "predicted": n_pred,
        "precision": pred_ok / n_pred if n_pred else 0.0, "recall": found / n_gold if n_gold else 0.0,
        "with_source": has_src, "speaker_accuracy": spk_ok / has_src if has_src else 0.0,
        "named_speaker_accuracy": named_ok / named if named else 0.0,
        "by_how": {k: f"{v[1]}/{v[0]}" for k, v in sorted(how_counts.items())},
        "source_span_match": span_ok / has_src if has_src else 0.0,
        "source_span_by_how": {k: f"{v[1]}/{v[0]}" for k, v in sorted(span_how.items())},
        "resolved_person_accuracy": person_ok / person_n if person_n else 0.0,
        "resolved_person_judged": person_n, "resolved_person_ambiguous": ambiguous,
        "articles_without_corenlp": no_chain_docs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="PolNeAR's data/ folder (with train/, dev/, test/)")
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles of the split only")
    ap.add_argument("--start", type=int, default=0,
                    help="skip the first N articles (scorer's order) before --limit: a fresh sample")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, extra quotes, wrong speakers")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write each wrong speaker (legacy figure) with its context to this JSONL file")
    args = ap.parse_args()
    if not (args.data / args.split / "attributions").is_dir():
        print(f"{args.data}: no {args.split}/attributions folder (PolNeAR's data/ expected)", file=sys.stderr)
        return 2
    errors: list | None = [] if args.errors else None
    result = score(args.data, args.split, args.limit, args.verbose, errors, args.start)
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps(result))
    else:
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
