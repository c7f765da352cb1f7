"""A learned re-ranker over a quote's candidate speakers (issue 14, round nine; NOT in the pipeline).

The hand rules give one answer per quote. This module gathers the other people and organisations
who could have spoken it (names in the quote's sentence, the sentences and paragraph before, the
speakers of the quotes around it), describes each by a few facts read from newsdesk's own analysis
(the rules' answer and how it was found, distance, sentence, subject of a speech verb, ...) and
scores them with a linear model (a softmax over the quote's candidates) whose weights are data:
``scripts/speaker_ranker.json``, trained by ``scripts/train_speaker_ranker.py``. The rules' answer is
itself a feature, so the model only overrules it where the training data says a pattern beats it.
With ``enabled`` false in the data file, or no weights, the rules' answers stand.

Pure per article: ``rank_quotes(ctx, quotes)`` takes ``extract_quotes``' output and returns it
re-ranked. ``TRACE`` (None in normal runs) lets the training script collect the facts of every quote.
The round's result was negative (tests/fixtures/polnear/README.md, round nine): where the rules answer,
the model never beats them, and its small gain came only from guessing speakers for quotes the rules
leave unattributed on purpose, so ``extract_quotes`` does not call it and the data file ships with
``enabled`` false; the module stays for the training script and for a later round.
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.records import Quote
from newsdesk.nlp.attribution import Attributor
from newsdesk.nlp.context import Context
from newsdesk.nlp.quote_gender import compatible, pronoun_gender
from newsdesk.nlp.quote_pronouns import SUBJ
from newsdesk.nlp.quote_spans import QuoteSpan, find_quote_spans
from newsdesk.nlp.quote_text import blocks, speaker_confidence

RULE_WAYS = ("explicit", "pronoun", "continuation", "role", "title", "headline", "narrator")
# quote contexts the candidate facts interact with: what the rules did for this quote
CONTEXTS = ("none", "explicit", "pronoun", "continuation", "other")
BASE = ("is_rule", "rule_conf", "is_prev", "is_next", "earlier", "n_window", "n_doc", "same_sent", "prev_sent",
        "prev_para", "para_back2", "near", "after", "subj", "subj_speech", "obj", "poss", "person", "org",
        "pron_mention", "gender_clash", "first_in_para")
QUOTE_LEVEL = ("rule_crowd", "rule_unseen")
CROSSED = ("is_rule", "is_prev", "is_next", "earlier", "same_sent", "subj_speech", "near", "prev_para", "pron_mention",
           "gender_clash", "rule_crowd", "rule_unseen")
SPEAKER_TYPES = ("PERSON", "ORG")
EARLIER = 3  # speakers of earlier quotes in the article, beyond the one before, offered as candidates

RANKED_CAP = 0.7  # a ranked speaker's confidence: at most this (below the rules' explicit ways)
TRACE: list | None = None  # set by scripts/train_speaker_ranker.py: one entry per quote


@dataclass
class Option:
    """One candidate speaker of a quote and the facts the model scores it by."""
    speaker: str | None
    key: str | None
    description: str | None
    mention: tuple[int, int] | None
    how: str  # rule | prev | next | earlier | mention
    facts: dict[str, float] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def ranker_model() -> dict:
    """The trained weights (scripts/speaker_ranker.json): feature names, weights, switches."""
    try:
        raw = (Path(__file__).resolve().parent / "speaker_ranker.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"enabled": False, "features": [], "weights": []}
    return json.loads(raw)


def feature_names() -> list[str]:
    """Candidate facts, then each key fact crossed with what the rules did for the quote."""
    return list(BASE + QUOTE_LEVEL) + [f"{f}*{c}" for c in CONTEXTS for f in CROSSED] + [
        f"is_rule*how_{w}" for w in RULE_WAYS] + [f"null*{c}" for c in CONTEXTS]


def with_quote_facts(all_facts: list[dict[str, float]]) -> list[dict[str, float]]:
    """Add facts about the whole candidate list to each candidate's: how many persons compete (a
    crowded window makes the rules' pick less sure) and whether the rules' answer is named near."""
    persons = math.log1p(sum(1 for f in all_facts if f.get("person")))
    out = []
    for f in all_facts:
        g = dict(f)
        if f.get("is_rule"):
            g["rule_crowd"] = persons
            g["rule_unseen"] = float(not f.get("n_window"))
        out.append(g)
    return out


def vectorize(facts: dict[str, float], context: str, rule_how: str | None) -> list[float]:
    """The feature vector of one candidate, in ``feature_names()`` order."""
    out = [float(facts.get(f, 0.0)) for f in BASE + QUOTE_LEVEL]
    for c in CONTEXTS:
        for f in CROSSED:
            out.append(float(facts.get(f, 0.0)) if c == context else 0.0)
    out += [float(facts.get("is_rule", 0.0)) if rule_how == w else 0.0 for w in RULE_WAYS]
    return out + [0.0] * len(CONTEXTS)


def null_vector(context: str) -> list[float]:
    """The 'none of these' choice: its score says how likely no candidate is right, so a quote the
    rules left unattributed keeps no speaker unless a candidate beats it."""
    return [0.0] * (len(feature_names()) - len(CONTEXTS)) + [float(c == context) for c in CONTEXTS]


def admissible(facts: dict[str, float]) -> bool:
    """A candidate the model may choose: the rules' answer, or one whose known gender fits the
    quote's he/she (PolNeAR's pronoun stand-in rewards the other gender at times; the text never does)."""
    return bool(facts.get("is_rule")) or not facts.get("gender_clash")


def _context(q: Quote) -> str:
    if not (q.speaker or q.speaker_description):
        return "none"
    return q.speaker_how if q.speaker_how in ("explicit", "pronoun", "continuation") else "other"


def _ident(speaker: str | None, description: str | None) -> str:
    return speaker.lower() if speaker else "~" + " ".join((description or "").lower().split())


def _para_of(paras: list[tuple[int, int]], pos: int) -> int:
    for i, (lo, hi) in enumerate(paras):
        if lo <= pos <= hi:
            return i
    return -1


def _root(att, start: int, end: int):
    toks = att._tokens(start, end)
    for t in toks:
        if not start <= t.head.idx < end or t.head == t:
            return t
    return toks[-1] if toks else None


def _mention_facts(att, c, q_lo: int, q_hi: int, sent: tuple[int, int], prev_sent: tuple[int, int],
                   para: tuple[int, int], prev_lo: int, pronoun: str | None) -> dict[str, float]:
    """Facts of one name mention near a quote (q_lo/q_hi: its opening and closing marks)."""
    tok = _root(att, c.start, c.end)
    dep = tok.dep_ if tok is not None else ""
    after = c.start >= q_hi
    dist = c.start - q_hi if after else max(0, q_lo - c.end)
    speech = tok is not None and dep in SUBJ and att._is_speech_verb(tok.head)
    return {
        "same_sent": float(sent[0] <= c.start < sent[1]),
        "prev_sent": float(prev_sent[0] <= c.start < prev_sent[1]),
        "prev_para": float(prev_lo <= c.start < para[0]),
        "para_back2": float(c.start < prev_lo),
        "near": 1.0 / (1.0 + dist / 40.0),
        "after": float(after),
        "subj": float(dep in SUBJ),
        "subj_speech": float(speech),
        "obj": float(dep in ("dobj", "pobj", "iobj", "dative")),
        "poss": float(att._possessive(c)),
        "person": float(c.type == "PERSON"),
        "org": float(c.type == "ORG"),
        "pron_mention": float(c.how == "pronoun"),
        "gender_clash": float(c.type == "PERSON" and not compatible(att.genders, c.name, pronoun)),
    }


def options(att, text: str, spans: list[QuoteSpan], paras: list[tuple[int, int]], out: list[Quote],
            k: int, counts: dict[str, int]) -> list[Option]:
    """Candidate speakers of quote k: the rules' answer, the speakers of the quotes before and after
    it in its run, and every person or organisation named outside quotes from the start of the
    paragraph before to the end of the quote's own."""
    q, s = out[k], spans[k]
    close = s.close_mark if s.close_mark is not None else s.end
    pi = _para_of(paras, s.open_mark)
    if pi < 0:
        return []
    para = paras[pi]
    lo = paras[max(0, pi - 2)][0]
    prev_lo = paras[pi - 1][0] if pi > 0 else para[0]
    sents = att.sents
    si, ci = sents.index(s.open_mark), sents.index(close)
    sent = (sents.bounds(si)[0], sents.bounds(ci)[1])
    prev_sent = sents.bounds(si - 1) if si > 0 else (0, 0)
    m = re.search(r"\b(he|she)\b", text[close:min(sent[1], close + 60)], re.I)
    pronoun = pronoun_gender(m.group(1)) if m else None
    opts: dict[str, Option] = {}
    if q.speaker or q.speaker_description:
        conf = q.speaker_confidence or 0.0
        mention = (q.source_start, q.source_end) if q.source_start is not None else None
        opts[_ident(q.speaker, q.speaker_description)] = Option(
            q.speaker, q.speaker_entity, q.speaker_description, mention, "rule", {"is_rule": 1.0, "rule_conf": conf})
    for j, flag, how in ((k - 1, "is_prev", "prev"), (k + 1, "is_next", "next")):
        if not 0 <= j < len(out) or not (out[j].speaker or out[j].speaker_description):
            continue
        pj = _para_of(paras, spans[j].open_mark)
        if abs(pj - pi) > 1:
            continue
        o = opts.setdefault(_ident(out[j].speaker, out[j].speaker_description), Option(
            out[j].speaker, out[j].speaker_entity, out[j].speaker_description,
            (out[j].source_start, out[j].source_end) if out[j].source_start is not None else None, how))
        o.facts[flag] = 1.0
    seen: set[str] = set()
    for j in range(k - 2, -1, -1):  # the speakers of the article's earlier quotes, most recent first
        ident = _ident(out[j].speaker, None)
        if len(seen) >= EARLIER:
            break
        if not out[j].speaker or ident in seen:
            continue
        seen.add(ident)
        rank = len(seen)
        o = opts.setdefault(ident, Option(out[j].speaker, out[j].speaker_entity, None,
                                          (out[j].source_start, out[j].source_end) if out[j].source_start is not None
                                          else None, "earlier"))
        o.facts["earlier"] = 1.0 / rank
    first, nearest = True, {}
    for c in att.cands:
        if c.start < lo or c.start >= para[1] or c.type not in SPEAKER_TYPES or att.quoted(c.start):
            continue
        in_para = c.start >= para[0]
        o = opts.setdefault(_ident(c.name, None), Option(c.name, c.key, None, (c.start, c.end), "mention"))
        f = _mention_facts(att, c, s.open_mark, close, sent, prev_sent, para, prev_lo, pronoun)
        if in_para and first:
            f["first_in_para"], first = 1.0, False
        o.facts["n_window"] = o.facts.get("n_window", 0.0) + 1.0
        for name, v in f.items():  # an option named several times keeps its strongest fact
            o.facts[name] = max(o.facts.get(name, 0.0), v)
        if o.mention is None or o.how == "mention" and f["near"] >= nearest.get(id(o), 0.0):
            nearest[id(o)], o.mention = f["near"], (c.start, c.end)  # the nearest mention is the source
    for o in opts.values():
        o.facts["n_window"] = math.log1p(o.facts.get("n_window", 0.0))
        o.facts["n_doc"] = math.log1p(counts.get(_ident(o.speaker, o.description), 0))
    return [o for o in opts.values() if admissible(o.facts)]


def _score(w: list[float], x: list[float]) -> float:
    return sum(a * b for a, b in zip(w, x))


def rank_quotes(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    """``extract_quotes(ctx)``'s quotes with each speaker chosen by the model (the same quotes while
    the data file's ``enabled`` is false, unless TRACE collects their facts)."""
    text = ctx.doc.text
    spans = find_quote_spans(text)
    if not spans or len(spans) != len(quotes):
        return quotes
    att = Attributor(ctx, text)  # the quote stage's own state, rebuilt (names, genders, sentences)
    att.quote_ranges = [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in spans]
    out = list(quotes)
    rerank(att, text, spans, blocks(text), out)
    return out


def rerank(att, text: str, spans: list[QuoteSpan], paras: list[tuple[int, int]], out: list[Quote]) -> None:
    """Let the trained model pick each quote's speaker among its candidates (in place)."""
    model = ranker_model()
    w = model.get("weights") or []
    if not (model.get("enabled") and w) and TRACE is None:
        return
    if model.get("features") and model["features"] != feature_names():
        return  # weights trained for another feature set: the rules stand
    counts: dict[str, int] = {}
    for c in att.cands:
        if c.type in SPEAKER_TYPES and not att.quoted(c.start):
            counts[_ident(c.name, None)] = counts.get(_ident(c.name, None), 0) + 1
    rule = list(out)  # candidates come from the rules' answers, not from earlier re-ranked ones
    for k, q in enumerate(rule):
        if q.partial and not (q.speaker or q.speaker_description):
            continue
        opts = options(att, text, spans, paras, rule, k, counts)
        if not opts:
            continue
        ctx = _context(q)
        xs = [vectorize(f, ctx, q.speaker_how) for f in with_quote_facts([o.facts for o in opts])]
        if TRACE is not None:
            TRACE.append({"start": q.start, "end": q.end, "context": ctx,
                          "rule_how": q.speaker_how,
                          "text_hash": hash(text), "options": [(o.speaker, o.description, o.facts) for o in opts]})
        if not (model.get("enabled") and w):
            continue
        scores = [_score(w, x) for x in xs] + [_score(w, null_vector(ctx))]
        top = max(range(len(scores)), key=scores.__getitem__)
        if top == len(opts) or opts[top].how == "rule":
            continue  # none of the others beats the rules' answer (or the rules' silence)
        best = opts[top]
        z = max(scores)
        p = 1.0 / sum(math.exp(v - z) for v in scores)
        if p < float(model.get("min_probability", 0.0)):
            continue
        out[k] = _chosen(text, q, best, p)


def _chosen(text: str, q: Quote, o: Option, p: float) -> Quote:
    """The quote with the model's speaker: a speaker of the run keeps being a continuation; a name
    near the quote is recorded as ``ranked`` (no rule attributed it), its mention as the source."""
    conf = speaker_confidence()
    how = "continuation" if o.how in ("prev", "next") else "ranked"
    src = {}
    if o.mention is not None and 0 <= o.mention[0] < o.mention[1] <= len(text):
        src = {"source_start": o.mention[0], "source_end": o.mention[1],
               "source_text": text[o.mention[0]:o.mention[1]]}
    return Quote(start=q.start, end=q.end, text=q.text, partial=q.partial, speaker=o.speaker,
                 speaker_entity=o.key, speaker_description=o.description, speaker_inferred=True, verb=None,
                 speaker_how=how, speaker_confidence=round(min(p, RANKED_CAP), 2), **src)
