"""Features of a page's lines for scripts/train_line_model.py (issue 14, round seven: a learned line model).

Learned boilerplate removers (boilerpipe, dragnet, web2text) score each block of a page from general
features rather than from cue words. These are the features of the smallest such model, logistic
regression over each line of trafilatura's extraction (or a line another extractor keeps): its
length, sentence ends, capitals, digits and punctuation; the element the page prints it in (link
density, depth, the tags and class/id words of its ancestry, where it sits on the page; found by the
first characters of its text); whether trafilatura's own extractor without fallbacks, its baseline and
jusText keep it; its place in the extraction and its neighbours there. A feature a model has no weight
for counts zero (class/id words outside the learned vocabulary).

Round seven found no gain from such a model on the tune split (README, "Round seven"), so it is not
part of the cleaner; this module lives with the script that measured it.
"""
from __future__ import annotations

import math
import re
from typing import Any

import trafilatura
from trafilatura.external import try_justext
from trafilatura.utils import load_html

from newsdesk.clean.lines import Unit, ends_sentence

_TAGS = frozenset({"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "td", "th", "table",
                   "blockquote", "figure", "figcaption", "aside", "footer", "header", "nav", "section", "article",
                   "main", "form", "a", "strong", "b", "em", "i", "time", "address", "dl", "dt", "dd", "pre",
                   "code", "label", "small", "cite", "q", "font", "center", "br", "button"})
_TOKEN = re.compile(r"[a-z]{3,}")
_TERMINALS = re.compile(r"[.!?…。！？][\"'”’»)]*(?:\s|$)")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]")
_KEY_CHARS = 32  # a line is found on the page by the first characters of its text
MAX_ANCESTORS = 12  # class/id words are read this far up from the element that prints the line

Features = dict[str, float]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text_features(text: str) -> Features:
    words = text.split()
    n = len(words)
    alpha = [w for w in words if w[:1].isalpha()]
    chars = max(1, len(text))
    return {
        "log_words": math.log1p(n) / 5.0,
        "log_chars": math.log1p(len(text)) / 8.0,
        "few_words": float(n <= 3),
        "ends_sentence": float(ends_sentence(text)),
        "sentences": min(len(_TERMINALS.findall(text)), 10) / 10.0,
        "ends_colon": float(text.rstrip().endswith(":")),
        "capital_share": sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0,
        "upper_share": sum(1 for w in alpha if w.isupper() and len(w) > 1) / len(alpha) if alpha else 0.0,
        "digit_share": len(_DIGIT.findall(text)) / chars,
        "punct_share": len(_PUNCT.findall(text)) / chars,
        "table_row": float(text.lstrip().startswith("|")),
        "bullet": float(text.lstrip()[:1] in "-–•·*»›"),
    }


def _element_index(texts: list[tuple[Any, str]]) -> dict[str, list[tuple[int, Any, str]]]:
    index: dict[str, list[tuple[int, Any, str]]] = {}
    for i, (el, text) in enumerate(texts):
        index.setdefault(text[:_KEY_CHARS], []).append((i, el, text))
    return index


def _find(index: dict[str, list[tuple[int, Any, str]]], line: str) -> tuple[int, Any, str] | None:
    """The smallest element whose text starts like the line and is at least nearly as long."""
    cands = index.get(line[:_KEY_CHARS])
    if not cands:
        return None
    fits = [c for c in cands if len(c[2]) >= 0.9 * len(line)]
    return min(fits or cands, key=lambda c: (abs(len(c[2]) - len(line)), -c[0]))


def _element_features(el: Any, text: str, where: float) -> Features:
    out: Features = {"matched": 1.0, "doc_position": where}
    ancestry = [el, *el.iterancestors()]
    out["depth"] = min(len(ancestry), 40) / 20.0
    linked = sum(len(_norm(a.text_content())) for a in el.iter("a"))
    out["link_density"] = min(1.0, linked / max(1, len(text)))
    own = el.tag if isinstance(el.tag, str) else ""
    out[f"self={own if own in _TAGS else 'other'}"] = 1.0
    for a in ancestry:
        tag = a.tag if isinstance(a.tag, str) else ""
        if tag in _TAGS:
            out[f"tag={tag}"] = 1.0
            if tag == "a":
                out["link_density"] = 1.0
    for a in ancestry[:MAX_ANCESTORS]:
        names = f"{a.get('class') or ''} {a.get('id') or ''}".lower()
        for tok in _TOKEN.findall(names):
            out[f"cls={tok}"] = 1.0
    return out


def line_features(units: list[Unit], texts: list[tuple[Any, str]],
                  extractions: dict[str, str] | None = None) -> list[Features]:
    """One feature dict per unit: its own text, the page element that prints it (``texts`` as
    :func:`html_page.element_texts` gives them), its place in the extraction and its neighbours;
    with ``extractions`` (name -> whitespace-normalised text of another extractor), whether each holds it."""
    index = _element_index(texts)
    repeats: dict[str, int] = {}
    text_of = dict(texts)
    for el, text in texts:  # how often the page prints the text (a nested element repeating its parent's not counted)
        if text_of.get(el.getparent()) != text:
            repeats[text] = repeats.get(text, 0) + 1
    own = []
    for u in units:
        line = _norm(u.text)
        f = _text_features(line)
        hit = _find(index, line)
        if hit is not None:
            f.update(_element_features(hit[1], hit[2], hit[0] / max(1, len(texts))))
        else:
            f["unmatched"] = 1.0
        for name, other in (extractions or {}).items():
            f[f"in_{name}"] = float(line in other)
        f["position"] = len(own) / max(1, len(units) - 1)
        f["repeated"] = min(repeats.get(line, 1) - 1, 3) / 3.0 if hit is not None else 0.0
        own.append(f)
    for i, f in enumerate(list(own)):
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < len(units):
                g = own[j]
                f[f"{side}_ends_sentence"] = g["ends_sentence"]
                f[f"{side}_log_words"] = g["log_words"]
                f[f"{side}_link_density"] = g.get("link_density", 0.0)
                f[f"{side}_dropped"] = float(units[j].reason is not None)
            else:
                f[f"{side}_none"] = 1.0
    return own


def probability(weights: dict[str, float], bias: float, feats: Features) -> float:
    """The model's probability that a line is boilerplate."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def other_extractions(html: str) -> dict[str, str]:
    """What trafilatura's own extractor (no fallbacks), its baseline and jusText keep of the page,
    each whitespace-normalised (for the ``in_own``/``in_baseline``/``in_justext`` features)."""
    own = trafilatura.bare_extraction(html, fast=True, include_comments=False, include_tables=True,
                                      include_images=False, include_links=False, deduplicate=False)
    return {"own": _norm(getattr(own, "text", "") or ""), "baseline": _norm(trafilatura.baseline(html)[1] or ""),
            "justext": _norm(" ".join(p.text or "" for p in try_justext(load_html(html), None, None)))}


def put_back_candidates(html: str, output: str, lines: set[str]) -> list[str]:
    """Paragraphs of jusText and lines of trafilatura's baseline (whitespace-normalised) that the
    stored ``output`` lacks, that are no line of the extraction (``lines``: the rules judged those),
    and that sit between two paragraphs of the same extractor the output holds (within the body)."""
    found: list[str] = []
    paras = [_norm(p.text or "") for p in try_justext(load_html(html), None, None)]
    base = [_norm(line) for line in (trafilatura.baseline(html)[1] or "").split("\n")]
    for seq in (paras, base):
        inside = [bool(x) and x in output for x in seq]
        for i, x in enumerate(seq):
            if x and not inside[i] and x not in lines and x not in found and any(inside[:i]) and any(inside[i + 1:]):
                found.append(x)
    return found
