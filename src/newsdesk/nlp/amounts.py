"""Amounts: money, percentages, measures (normalised to SI) and counts with the counted noun.

Rules worth knowing (each one is a decision, tested in tests/test_amounts_*.py):
- ``text`` is the numeric expression with its currency, scale and unit ("$5 billion",
  "500-mile", "12 percent", "4,000"); a qualifier before it ("nearly") goes to ``qualifier``.
- Vague magnitudes ("billions of dollars", "several thousand kilometers", "dozens") are skipped.
- Numbers that are years or dates (any span of ``ctx.times``), durations ("two days"), ages,
  ordinals and parts of names ("G7", "S-400") are skipped.
- A count needs a counted noun: the noun the number modifies, or, for "Of the 40 ships ...,
  12 were damaged", the noun of the earlier count in the sentence. Numbers written as words below
  ten ("the two leaders", "one of") are kept only with a unit, currency, scale or a substantive
  count noun (troops, people, killed ... in data/amount_words.csv).
- "by a quarter", "a third of", "half of" are shares: 25, 33.3, 50 percent.
"""
from __future__ import annotations

import functools
import math
import re

from ..records import Amount
from .amount_lexicon import lexicon
from .context import Context
from .numbers import SCALES, SHORT_SCALES, parse_number

_FRACTIONS = {"quarter": 25.0, "third": 100 / 3, "fifth": 20.0, "tenth": 10.0, "half": 50.0, "two-thirds": 200 / 3, "three-quarters": 75.0}
_SHARE_RE = re.compile(r"\b(?:by\s+(?:(?:a|one)\s+)?(?P<f1>quarter|third|fifth|tenth|half)\b(?!\s+(?:of\s+)?(?:a|an)\s+\w*"
                       r"(?:century|decade|year|hour|mile|point)|[\s-]+(?:percentage[\s-]+)?point))"
                       r"|\b(?:(?:a|one)\s+(?P<f2>quarter|third|fifth|tenth)|(?P<f3>half|two-thirds|three-quarters))\s+of\s+"
                       r"(?!(?:a|an|the)\s+(?:century|decade|year|month|hour|mile)\b)", re.I)
_BASELINE_PREPS = {"from", "since", "than", "compared", "with"}
# words before a small number word that make it a reference, not a count ("the two leaders")
_REFERRING = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both", "all", "first",
              "last", "next", "past", "other", "another", "every", "each", "any", "whose", "which", "what", "all"}
_RATIO_BEFORE = re.compile(r"\b(?:one|two|three|four|\d{1,2}) in $", re.I)
_POINT_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three-quarters": 0.75}
_POINT_SHARE_RE = re.compile(r"\b(?:a\s+|one\s+)?(?P<f>half|quarter|three-quarters)(?:\s+of)?(?:\s+a|\s+one)?"
                             r"[\s-]+(?:(?P<pct>percentage)[\s-]+)?point\b", re.I)
_GENERIC = {"record", "level", "high", "low", "%", "total", "amount", "figure", "sum", "percent"}
_DETS = {"the", "a", "an", "all", "its", "their", "his", "her", "our", "this", "these", "those", "some"}


@functools.lru_cache(maxsize=1)
def _qualifier_re(qualifiers: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
    return re.compile(rf"(?i)(?:^|\W)({alt})\s+(?:a\s+record\s+)?$")


def _qualifier(text: str, start: int, qualifiers) -> tuple[str | None, int]:
    before = text[max(0, start - 30):start]
    m = _qualifier_re(tuple(qualifiers)).search(before)
    if m:
        return m.group(1).lower(), start - (len(before) - m.start(1))
    return None, start


def _tokens(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _chunk_text(tok, skip: tuple[int, int] = (0, 0)) -> tuple[str, int, int]:
    """The noun phrase of a noun: its left modifiers (no determiners) and the noun itself."""
    left = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod", "poss", "case", "nummod", "det",
                                                "quantmod") and t.lower_ not in _DETS and not t.like_num]
    toks = [t for t in tok.subtree if left and left[0].i <= t.i <= tok.i] or [tok]
    toks = [t for t in toks if not t.like_num and t.lower_ not in _DETS and t.pos_ != "SYM"
            and not skip[0] <= t.idx < skip[1]]
    if not toks:
        toks = [tok]
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = tok.doc.text[s:e]
    if e - s > sum(len(t) for t in toks) + len(toks):  # the amount sat inside: join the words
        text = " ".join(t.text for t in toks)
    return text, s, e


def _counted_noun(doc, start: int, end: int):
    span = _tokens(doc, start, end)
    if span is None:
        return None
    last = span[-1]
    head = last.head
    if head.i > last.i and head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "quantmod", "compound", "amod"):
        return head
    for tok in doc[last.i + 1:last.i + 5]:
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ not in ("ADJ", "PROPN", "PART") and tok.dep_ not in ("compound", "amod", "poss", "case"):
            return None
    return None


def _about(doc, start: int, end: int) -> tuple[str | None, int, int]:
    """What a money/percent/measure amount measures: 'of' complement, nearest measure noun or subject."""
    span = _tokens(doc, start, end)
    if span is None:
        return None, 0, 0
    node = span.root
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _chunk_text(objs[0])
    if node.head.pos_ == "NOUN" and node.head.i > node.i and node.dep_ in ("nummod", "compound", "amod", "quantmod"):
        if node.head.lemma_ not in ("record", "level", "high", "low"):
            return _chunk_text(node.head, (start, end))  # "a 500-mile border"
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_ not in _GENERIC and not start <= node.idx < end:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs and not start <= objs[0].idx < end:
                        return _chunk_text(objs[0])
                    if objs:
                        return _chunk_text(node)  # "a contraction of nearly 10%"
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            if subj:
                return _chunk_text(subj[0])
            if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):  # "a link, which will cost $3bn"
                return _chunk_text(node.head)
            if node.dep_ in ("xcomp", "ccomp"):  # "predicting output to fall by 3.1%"
                objs = [c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i and c.pos_ in ("NOUN", "PROPN")]
                if objs:
                    return _chunk_text(objs[0])
    return None, 0, 0


def _period(ctx: Context, start: int) -> str | None:
    """The time expression of the same sentence nearest the amount (not a baseline 'from 2017')."""
    text = ctx.doc.text
    sent = _tokens(ctx.doc, start, start + 1)
    if sent is None:
        return None
    s = sent[0].sent
    best, dist = None, None
    for t in ctx.times:
        if t.start < s.start_char or t.end > s.end_char:
            continue
        prev = text[max(s.start_char, t.start - 14):t.start].lower().split()
        if prev and prev[-1] in _BASELINE_PREPS:
            continue
        d = abs(t.start - start)
        if dist is None or d < dist:
            best, dist = t, d
    return best.value if best else None


def _entity_at(ctx: Context, s: int, e: int) -> str | None:
    for m in ctx.mentions:
        if m.start < e and s < m.end:
            return m.entity
    return None


def extract_amounts(ctx: Context) -> list[Amount]:
    """Every measured amount of the article, with unit, qualifier, what it measures and its period."""
    lex = lexicon()
    doc = ctx.doc
    text = doc.text
    taken = [(t.start, t.end) for t in ctx.times]
    out: list[Amount] = []
    for m in lex.pattern.finditer(text):
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = m.end()
        num = m.group("num")
        if any(s < end and start < e for s, e in taken):
            continue
        if end < len(text) and text[end].isalnum() or (start > 0 and text[start - 1] in "-/#№"):
            continue
        if re.match(r"\s*(?::\d|[ap]\.?m\b|-year-old|-years?-old|-(?:day|week|month|year|hour)\b|th\b|st\b|nd\b|rd\b)",
                    text[end:end + 12], re.I):
            continue
        is_word = not num[0].isdigit()
        if is_word and (re.match(r"-[a-z]", text[end:end + 2]) or _RATIO_BEFORE.search(text, max(0, start - 12), start)):
            continue  # "two-thirds", "a two-state plan"; "one in five farms" is a ratio
        if is_word and num.lower().split()[0] in SCALES and not m.group("cur"):
            continue  # "thousand", "several thousand kilometers": vague
        value = parse_number(num)
        if value is None:
            continue
        scale = m.group("short") or m.group("scale")
        if scale:
            factor = 1.0
            for w in scale.lower().split():
                factor *= SCALES.get(w) or SHORT_SCALES.get(w, 1)
            if m.group("short") and not (m.group("cur") or m.group("curw")):
                continue  # "5m" without a currency may be metres
            value *= factor
        qualifier, _ = _qualifier(text, start, lex.qualifiers)
        item = Amount(start=start, end=end, text=text[start:end], value=value, unit="", approx=qualifier is not None,
                      qualifier=qualifier)
        if m.group("deg"):
            item.unit = "°C"
        elif m.group("cur") or m.group("curw"):
            item.unit = lex.prefix.get(m.group("cur") or "", None) or lex.suffix.get((m.group("curw") or "").lower(), "")
            if not item.unit:
                continue
        elif m.group("pct"):
            item.unit = "percent"
        elif m.group("unit"):
            unit, factor = lex.units[m.group("unit").lower()]
            item.original_value, item.original_unit = value, m.group("unit").lower()
            item.unit, item.value = unit, value if factor == 1 else _round(value * factor)
        else:
            if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not scale:
                continue  # a year the times stage did not claim
            noun = _counted_noun(doc, start, end)
            nxt_word = re.match(r"\s+([a-z]+)", text[end:end + 20])
            if noun is None and nxt_word and nxt_word.group(1) in lex.substantive:
                item.unit = item.about = nxt_word.group(1)  # "112 wounded"
            elif noun is None:
                noun_text = _partitive_unit(doc, text, end) or _inherit_unit(out, doc, start, text[end:end + 1])
                if noun_text is None or (value < 10 and is_word and noun_text not in lex.substantive
                                         and (value < 2 or _referring(text, start)
                                              or re.match(r"\s+of\b", text[end:end + 4]))):
                    continue
                item.unit = noun_text
            else:
                low = noun.lower_
                if low in ("point", "points") and any(a.unit == "percentage point" for a in out
                                                      if a.start >= noun.sent.start_char):
                    item.unit, item.original_unit, item.original_value = "percentage point", low, value
                    out.append(item)  # "rose 1 percentage point; the rival gained 2 points"
                    continue
                if low in lex.time_units or low in lex.not_count or noun.ent_type_ in ("DATE", "TIME"):
                    continue
                if value < 10 and is_word and not scale and low not in lex.substantive \
                        and f"{low}s" not in lex.substantive and (value < 2 or _referring(text, start)
                                                                  or noun.dep_ == "attr"):
                    continue  # "the two leaders", "one of"; "five directors voted" is a count
                item.unit = low
                about, s, e = _chunk_text(noun)
                item.about, item.about_entity = about, _entity_at(ctx, s, e)
        if item.unit in ("percent",) or item.unit.isupper() or item.original_unit:
            about, s, e = _about(doc, start, end)
            if about:
                item.about, item.about_entity = about, _entity_at(ctx, s, e)
        item.date = _period(ctx, start)
        out.append(item)
    out.extend(_point_shares(ctx, out))
    out.extend(_shares(ctx, out))
    out.extend(_ratios(ctx, out))
    return sorted(out, key=lambda a: a.start)


def _round(value: float) -> float:
    """Converted measures keep about four significant digits ("2600-mile" -> 4184.3, 6 inches -> 0.1524 m)."""
    if value == 0:
        return 0.0
    return round(value, max(1, 3 - math.floor(math.log10(abs(value)))))


def _referring(text: str, start: int) -> bool:
    prev = re.findall(r"([\w'’]+)\s*$", text[max(0, start - 25):start])
    return bool(prev) and (prev[0].lower() in _REFERRING or prev[0].lower().endswith(("'s", "’s")))


def _partitive_unit(doc, text: str, end: int) -> str | None:
    """'won 240 of the 543 seats': the first number counts the noun of the second."""
    m = re.match(r"\s+of\s+(?:the|its|their|his|her|our|all)\s+(?:[\d,.]+|[a-z-]+)\s", text[end:end + 40])
    if m is None:
        return None
    num_end = end + m.end() - 1
    span = _tokens(doc, num_end - 1, num_end)
    if span is None or not span[-1].like_num:
        return None
    noun = _counted_noun(doc, num_end - 1, num_end)
    if noun is None or noun.lower_ in lexicon().time_units or noun.lower_ in lexicon().not_count:
        return None
    return noun.lower_


def _inherit_unit(found: list[Amount], doc, start: int, after: str = "") -> str | None:
    """'Of the 40 ships ..., 12 were damaged': the count noun of the earlier count. A number that
    ends its sentence with no noun ("The opposition took 234.") may take the previous sentence's."""
    span = _tokens(doc, start, start + 1)
    if span is None:
        return None
    sent = span[0].sent
    nxt = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "ADJ"):
        return None
    lo = sent.start_char
    # only the object of a verb ("took 234.") reaches back, never "The price was 30,000."
    if after in (".", ";") and sent.start > 0 and span[-1].dep_ == "dobj":
        lo = doc[sent.start - 1].sent.start_char
    for a in reversed(found):
        if a.start >= lo and a.end <= start and a.about and a.unit.islower() \
                and not a.unit.startswith(("percent", "km", "kg")):
            return a.unit if a.start >= sent.start_char or lo < sent.start_char else None
    return None


def _point_shares(ctx: Context, found: list[Amount]) -> list[Amount]:
    """'cut by half a point', 'a quarter-point rise': fractions of a percentage point."""
    text = ctx.doc.text
    out = []
    for m in _POINT_SHARE_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(a.start < e and s < a.end for a in found):
            continue
        qualifier, _ = _qualifier(text, s, lexicon().qualifiers)
        item = Amount(start=s, end=e, text=text[s:e], value=_POINT_FRACTIONS[m.group("f").lower()],
                      unit="percentage point", approx=qualifier is not None, qualifier=qualifier)
        item.about = _about(ctx.doc, s, e)[0]
        item.date = _period(ctx, s)
        out.append(item)
    return out


def _shares(ctx: Context, found: list[Amount]) -> list[Amount]:
    text = ctx.doc.text
    out = []
    for m in _SHARE_RE.finditer(text):
        word = (m.group("f1") or m.group("f2") or m.group("f3")).lower()
        s = m.start("f1") if m.group("f1") else m.start()
        if m.group("f1"):
            s = m.start() + 2 + len(text[m.start() + 2:m.end()]) - len(text[m.start() + 2:m.end()].lstrip())
            e = m.end("f1")
        elif m.group("f2"):
            e = m.end("f2")
        else:
            e = m.end("f3")
        if any(a.start < e and s < a.end for a in found):
            continue
        qualifier, _ = _qualifier(text, s, lexicon().qualifiers)
        item = Amount(start=s, end=e, text=text[s:e], value=round(_FRACTIONS[word], 1), unit="percent",
                      approx=qualifier is not None, qualifier=qualifier)
        if m.group("f1") is None:
            stop = len(text[:m.end()].rstrip())
            objs = _tokens(ctx.doc, stop - 1, stop)
            nxt = ctx.doc[objs[-1].i + 1:] if objs is not None and len(objs) else None
            if nxt is not None:
                noun = next((t for t in nxt[:6] if t.pos_ in ("NOUN", "PROPN")), None)
                if noun is not None:
                    item.about = _chunk_text(noun)[0]
        else:
            about, _, _ = _about(ctx.doc, s, e)
            item.about = about
        item.date = _period(ctx, s)
        out.append(item)
    return out


_RATIO_RE = re.compile(r"\b(?P<a>one|two|three|four|\d{1,2}) in (?P<b>two|three|four|five|six|seven|eight|nine|ten|"
                       r"\d{1,3})\b(?=\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?[a-z]+)")


def _ratios(ctx: Context, found: list[Amount]) -> list[Amount]:
    """'one in five farms' -> 20 percent of farms."""
    text = ctx.doc.text
    out = []
    for m in _RATIO_RE.finditer(text):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not a or not b or a >= b or any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        qualifier, _ = _qualifier(text, m.start(), lexicon().qualifiers)
        item = Amount(start=m.start(), end=m.end(), text=m.group(), value=round(100 * a / b, 1), unit="percent",
                      approx=qualifier is not None, qualifier=qualifier)
        nxt = _tokens(ctx.doc, m.end() - 1, m.end())
        if nxt is not None and len(nxt):
            noun = next((t for t in ctx.doc[nxt[-1].i + 1:nxt[-1].i + 4] if t.pos_ == "NOUN"), None)
            item.about = noun.text if noun is not None else None
        item.date = _period(ctx, m.start())
        out.append(item)
    return out
