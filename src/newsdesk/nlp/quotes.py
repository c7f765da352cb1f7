"""Direct quotes with their speakers: extract_quotes(ctx) -> list[Quote] with spans into ctx.doc.text.

Quote marks are paired per paragraph (quote_spans), the text around each quote up to its sentence
bounds is searched for an attribution (attribution), and quotes with none of their own inherit the
speaker of the quote they continue (“...,” he said. “...”) or of an attribution that introduces their
paragraph ("..., said Jane Roe, a lawyer:").
"""
from __future__ import annotations

import re

from ..records import Quote
from .attribution import NEAR_AFTER, Attribution, Attributor
from .context import Context
from .quote_gender import compatible, pronoun_gender
from .quote_headline import headline_speaker, swallowed_verb
from .quote_spans import QuoteSpan, find_quote_spans
from .quote_text import blocks, cues, speaker_confidence

_SOURCE_DASH = re.compile(r"\s[-–—―]\s+")
_DASH_NAME = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][^\n“”\"]{1,80}?)[ \t.]*(?=\n|$)")
# a signature on the next line or paragraph of its own: “...” / - Jane Roe.
# (the name may be followed by a comma and who the speaker is: "- Jane Roe, a nurse in Ohio.")
_DASH_LINE = re.compile(r"[ \t]*\n\s*[―—–-]{1,2}[ \t]*((?:[A-Z][\w.'’-]*[ \t]*){1,4}?)[ \t.]*"
                        r"(?:,[^\n“”\"]{1,100})?(?=\n|$)")

# words after which a quoted passage is a fragment of the writer's own sentence
_FRAGMENT_BEFORE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that's",
                    "as", "of", "in", "to", "for", "with", "by", "on", "at", "from", "into", "called", "dubbed",
                    "so-called", "word", "term", "phrase", "slogan", "motto", "adage", "its"}
MIN_FULL_WORDS = 4
# what may stand between a sentence start and a quote's opening mark: space, and the first half of a
# '' or `` pair (quote_spans puts the mark on the second apostrophe)
_LEAD = " \t\r\n'`"


def _is_partial(text: str, q: QuoteSpan, sentence_initial: bool = False) -> bool:
    """A fragment rather than whole sentences: lower-case start, a short phrase inside the
    writer's sentence, or words that follow an article or preposition."""
    body = text[q.start:q.end]
    letters = [c for c in body if c.isalpha()]
    if not letters or letters[0].islower():
        return True
    if len(body.split()) < MIN_FULL_WORDS and not (sentence_initial and q.close_mark is not None
                                                    and _ends_clause(text, q)):
        return True
    prev = re.findall(r"([\w'’-]+)\s*$", text[max(0, q.open_mark - 30):q.open_mark])
    return bool(prev) and prev[0].lower() in _FRAGMENT_BEFORE


def _ends_clause(text: str, q: QuoteSpan) -> bool:
    """“It is over,” she said / “We lost.” : a short quote that is a sentence of its own."""
    inside = text[q.start:q.close_mark].rstrip()
    return inside.endswith((".", "!", "?", ","))


def _ends_paragraph(text: str, q: QuoteSpan) -> bool:
    """'Unless rivals quit, “it is very hard to stop him.”' closing its paragraph: a clause of the
    speaker's own after a comma or colon, not a phrase inside the writer's sentence."""
    if q.close_mark is None or len(text[q.start:q.close_mark].split()) < 6:
        return False
    before, after = text[:q.open_mark].rstrip("'` \t"), text[q.close_mark + 1:q.close_mark + 4]  # '' marks
    return before.endswith((",", ":")) and re.match(r"'?[.!?]?[ \t]*(?:\n|$)", after) is not None


def _continues(text: str, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """“...,” he said, “...”: the second half of a quote split by its attribution."""
    if prev.close_mark is None or q.open_mark <= prev.close_mark:
        return False
    inside = text[prev.start:prev.close_mark].rstrip()
    between = text[prev.close_mark + 1:q.open_mark]
    return inside.endswith(",") and between.rstrip().endswith(",") and "\n" not in between \
        and 0 < len(between.split()) <= 12 and not any(c in between for c in ".!?")


def _left_open(text: str, prev: QuoteSpan, q: QuoteSpan, gap: int) -> bool:
    """A quote left open at its paragraph's end runs on through the paragraphs after it (a page may
    break one quoted paragraph in two): up to two such paragraphs with no quote mark of their own
    lie between it and the next quote paragraph, which goes on with the same speaker."""
    return prev.close_mark is None and 1 < gap <= 3 and not any(
        c in text[prev.end:q.open_mark] for c in "“”\"«»")


def _para_index(paras: list[tuple[int, int]], pos: int) -> int:
    for i, (lo, hi) in enumerate(paras):
        if lo <= pos <= hi:
            return i
    return -1


def _intro_zone(text: str, spans: list[QuoteSpan], paras: list[tuple[int, int]], sents, pi: int, q: QuoteSpan,
                opens_para: bool) -> tuple[int, int] | None:
    """The sentence that may introduce a quote with no attribution of its own: the last one of the
    paragraph before, for a quote opening its paragraph; the one before in the same paragraph, for a
    quote opening its sentence there."""
    if opens_para:
        if pi <= 0:
            return None
        plo, phi = paras[pi - 1]
        last = sents.bounds(sents.index(phi - 1))[0]
    else:
        s_lo = sents.bounds(sents.index(q.open_mark))[0]
        if pi < 0 or text[s_lo:q.open_mark].strip(_LEAD) or s_lo <= paras[pi][0]:
            return None
        plo, phi = paras[pi][0], s_lo
        last = max(plo, sents.bounds(sents.index(s_lo - 1))[0])
    inner = [s for s in spans if plo <= s.open_mark < phi]
    return max(last, max((s.end + 1 for s in inner), default=last)), phi


def _run_close(text: str, q: QuoteSpan, nxt: QuoteSpan | None) -> int | None:
    """Where a quote left open at its paragraph's end closes: the first closing mark of the paragraphs
    after it, before any other quote opens (a long quote in a list, its signature after the close)."""
    hi = nxt.open_mark if nxt is not None else len(text)
    m = re.search(r"[”\"]", text[q.end:hi])
    return q.end + m.start() if m is not None and "“" not in text[q.end:q.end + m.start()] else None


def _dash_speaker(att: Attributor, text: str, q: QuoteSpan, close: int | None = None) -> Attribution | None:
    """“...” ― Jane Roe: a name after a dash that ends the quote's line, or that makes the next
    line (or paragraph) on its own."""
    close = q.close_mark if close is None else close
    m = _DASH_NAME.match(text, close + 1)
    if m is None or len(m.group(1).split()) > 8:
        m = _DASH_LINE.match(text, close + 1)  # capitalised words only: not "- Reporting by X"
    if m is None:
        return None
    got = att.name_in(m.start(1), m.start(1) + len(m.group(1).rstrip(" \t.")))  # "- Roe." ends its sentence
    if got is not None:
        got.verb, got.how, got.far = None, "explicit", True
    return got


def _speaker_line(att: Attributor, h_lo: int, head: str) -> Attribution | None:
    """The speaker of a transcript or headline line "Jane Roe: “...”": up to four words (titles
    and initials may carry a dot, a party tag in brackets is dropped: "Rep. Jane Roe (D-Ohio)"), or
    up to eight when the line ends in a person's name ("Former state senator Jane Q. Roe")."""
    head = re.sub(r"\s*\([^()]{1,30}\)$", "", head)
    words = head.split()
    hon = cues()["honorifics"]
    if not words or len(words) > 8 or any(c in head for c in ",;") or any(
            "." in w and w.lower() not in hon and not re.fullmatch(r"[A-Z]\.", w) for w in words):
        return None
    end = h_lo + len(head)
    if len(words) > 4:
        c = att._cand_at(end - 1, end)
        if c is None or c.type != "PERSON" or c.end != end or c.how == "pronoun":
            return None
    return att.name_in(h_lo, end)


def _next_sentence(att: Attributor, q: QuoteSpan, a_hi: int, nxt: QuoteSpan | None) -> Attribution | None:
    """A quote that ends its sentence ("?”", "!”") attributed at the start of the next one: only a
    speech verb within a few words of the closing mark counts."""
    toks = [t for t in att._tokens(a_hi, att.sents.bounds(att.sents.index(a_hi))[1]) if not t.is_space]
    if not toks or toks[0].idx - q.close_mark > 3 or "\n" in att.text[q.close_mark:toks[0].idx]:
        return None
    lead = []
    for t in toks[:NEAR_AFTER]:
        if t.is_punct:
            break  # "At a news conference, X described ...": a new sentence, not an attribution
        lead.append(t)
    named = _tagged_name_lead(att, toks)
    if named is not None and len(named) > len(lead):
        lead = named  # “...!” Rep. Jane Roe, R-Ohio, said
    if len(lead) < 2:
        return None
    hi = lead[-1].idx + len(lead[-1])
    if nxt is not None:
        hi = min(hi, nxt.open_mark)
    return att.attribute(q, (q.open_mark, q.open_mark), (a_hi, hi)) if hi > a_hi else None


def _tagged_name_lead(att: Attributor, toks: list) -> list | None:
    """A name with its tag before a speech verb ("Rep. Jane Roe, R-Ohio, said"): capitalised words and
    inner punctuation only, up to the verb."""
    for k, t in enumerate(toks[:2 * NEAR_AFTER]):
        if att._is_speech_verb(t) and k >= 2:
            return toks[:k + 1]
        if not (t.text[:1].isupper() or t.is_punct and t.text not in ".!?;:“”\"") or t.is_sent_start and k:
            return None
    return None


def _pronoun_allows(att: Attributor, text: str, lo: int, hi: int, speaker: str | None) -> bool:
    """“...,” she said: a quote whose own he/she attribution found nobody still rules out a
    previous speaker of the other gender."""
    m = re.match(r"\W*(he|she)\b", text[lo:hi], re.I)
    return m is None or compatible(att.genders, speaker, pronoun_gender(m.group(1)))


def _confidence(found: Attribution | None) -> float | None:
    if found is None:
        return None
    conf = speaker_confidence()
    if found.how == "pronoun":
        return conf["pronoun_group" if found.group else "pronoun_far" if found.far else "pronoun"]
    if found.how == "explicit" and found.far:
        return conf["dash" if found.verb is None else "inferred_paragraph"]
    return conf.get(found.how, conf["explicit"])


def _source_span(text: str, found: Attribution | None) -> dict:
    """source_start/end/text: the mention the speaker was found from (provenance-checked)."""
    m = found.mention if found is not None else None
    if m is None or not 0 <= m[0] < m[1] <= len(text):
        return {}
    return {"source_start": m[0], "source_end": m[1], "source_text": text[m[0]:m[1]]}


def extract_quotes(ctx: Context) -> list[Quote]:
    """Every quoted passage in the clean text, with its speaker where the text attributes one."""
    text = ctx.doc.text
    spans = find_quote_spans(text)
    if not spans:
        return []
    att = Attributor(ctx, text)
    att.quote_ranges = [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in spans]
    paras = blocks(text)
    sents = att.sents
    out: list[Quote] = []
    prev_att: list[Attribution | None] = []
    for k, q in enumerate(spans):
        close = q.close_mark if q.close_mark is not None else q.end
        prev = spans[k - 1] if k else None
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        b_lo = sents.bounds(sents.index(q.open_mark))[0]
        if prev is not None and prev.close_mark is not None and prev.close_mark < q.open_mark:
            b_lo = max(b_lo, prev.close_mark + 1)
        a_hi = sents.bounds(sents.index(close))[1] if q.close_mark is not None else close
        if nxt is not None and not (nxt.open_mark < a_hi and _is_partial(text, nxt) and nxt.close_mark is not None
                                    and nxt.close_mark < a_hi):
            a_hi = min(a_hi, nxt.open_mark)  # not at a quoted phrase inside the attribution (wearing “X” pins, said)
        a_lo = min(close + 1, a_hi)
        found = att.attribute(q, (b_lo, q.open_mark), (a_lo, a_hi))
        if found is None and text[b_lo:q.open_mark].rstrip().endswith(":"):
            found = att.introducer(b_lo, q.open_mark)  # "Her deputy disagreed: “...”"
            head = text[b_lo:q.open_mark].rstrip()[:-1].strip()
            h_lo = b_lo + len(text[b_lo:q.open_mark]) - len(text[b_lo:q.open_mark].lstrip())
            dash = list(_SOURCE_DASH.finditer(text, h_lo, h_lo + len(head)))
            if dash:  # a roundup item: "Turnout beat the polls - Jane Roe: “...”"
                head, h_lo = text[dash[-1].end():h_lo + len(head)], dash[-1].end()
            if found is None and head:
                found = _speaker_line(att, h_lo, head)  # a headline or transcript line: "Jane Roe: ‘...’"
            if found is not None and _para_index(paras, q.open_mark) == 0:
                found = swallowed_verb(att, text, h_lo, found) or found  # "Roe Addresses Attack: ‘...’'
        partial = _is_partial(text, q, sentence_initial=not text[b_lo:q.open_mark].strip(_LEAD))
        if found is None and q.close_mark is not None and not partial and not text[a_lo:a_hi].strip("' \t\n"):
            found = _next_sentence(att, q, a_hi, nxt)  # “...?” Jane Roe asked. (a '' pair closes with two marks)
        if found is None and q.close_mark is not None and not partial:
            found = _dash_speaker(att, text, q)  # “...” ― Jane Roe (a quote list or epigraph)
        elif found is None and q.close_mark is None and not partial and _run_close(text, q, nxt) is not None:
            found = _dash_speaker(att, text, q, _run_close(text, q, nxt))  # “... / ...” ― Jane Roe
        continues = prev is not None and _continues(text, prev, q)
        if continues:
            partial = out[-1].partial  # “It was rushed,” he said, “and it ignores ...”: one sentence
        pi = _para_index(paras, q.open_mark)
        opens_para = pi >= 0 and not text[paras[pi][0]:q.open_mark].strip(_LEAD)
        same_sent = prev is not None and sents.index(prev.open_mark) == sents.index(q.open_mark)
        if found is None and prev_att and prev is not None and (not partial or same_sent or _ends_paragraph(text, q)):
            # a quote continued after its attribution, the next paragraph of a long quote, or a
            # second fragment of the same reported sentence (said X would back "a" that met "b")
            same = _para_index(paras, prev.open_mark)
            p = prev_att[-1]
            if p is not None and (p.speaker or p.description) and (same == pi or (opens_para and same == pi - 1)
                                                                  or (opens_para and _left_open(text, prev, q, pi - same))) \
                    and _pronoun_allows(att, text, a_lo, a_hi, p.speaker):
                found = Attribution(p.speaker, p.key, p.description, True, p.verb, p.pos, "continuation",
                                    mention=p.mention)
        intro = _intro_zone(text, spans, paras, sents, pi, q, opens_para) if found is None and not partial else None
        if intro is not None:
            # an attribution that introduces the paragraph ("..., said Jane Roe, a lawyer:") or, inside a
            # paragraph, the sentence before a quote that opens its own ("Roe said in May that ... “...”")
            lo, phi = intro
            if not text[lo:phi].rstrip().endswith((".”", '."')):
                found = att.attribute(q, (lo, phi), (phi, phi))
                if found is None and text[lo:phi].rstrip().endswith(":"):
                    found = att.introducer(lo, phi)
                if found is not None and not _pronoun_allows(att, text, a_lo, a_hi, found.speaker):
                    found = None
                if found is not None:
                    found.inferred = True
                    found.far = True  # marks an attribution borrowed from the paragraph before
        if found is None and pi == 0 and not prev_att:
            found = headline_speaker(att, text, paras[0], q.open_mark)  # Jane Roe Slams ‘Reckless’ Plan
        if found is not None and found.speaker is None and found.description is None:
            found = None
        if found is not None and (found.speaker or found.verb):
            att.remember(q.start, found)  # unnamed speakers too: "a spokeswoman said ... she added"
        prev_att.append(found)
        out.append(Quote(
            start=q.start, end=q.end, text=text[q.start:q.end], partial=partial,
            speaker=found.speaker if found else None, speaker_entity=found.key if found else None,
            speaker_description=" ".join(found.description.split()) if found and found.description else None,
            speaker_inferred=bool(found and found.speaker and found.inferred), verb=found.verb if found else None,
            speaker_how=found.how if found else None, speaker_confidence=_confidence(found),
            **_source_span(text, found),
        ))
    _run_openers(att, text, spans, paras, prev_att, out)
    return out


def _run_openers(att: Attributor, text: str, spans: list[QuoteSpan], paras: list[tuple[int, int]],
                 found: list[Attribution | None], out: list[Quote]) -> None:
    """A quote paragraph with no attribution that opens a quote run: “...” / “...,” Jane Roe said.
    It takes the run's speaker when the next quote (same or next paragraph) names her explicitly and
    the paragraph before names her too (the run is about her on both sides)."""
    for k in range(len(spans) - 1):
        nxt = found[k + 1]
        if found[k] is not None or out[k].partial or nxt is None or nxt.how != "explicit" or not nxt.speaker:
            continue
        pi = _para_index(paras, spans[k].open_mark)
        if pi <= 0 or text[paras[pi][0]:spans[k].open_mark].strip(_LEAD) \
                or _para_index(paras, spans[k + 1].open_mark) not in (pi, pi + 1):
            continue
        plo, phi = paras[pi - 1]
        if not any(c.name == nxt.speaker and plo <= c.start < phi and not att.quoted(c.start) for c in att.cands):
            continue
        got = Attribution(nxt.speaker, nxt.key, nxt.description, True, nxt.verb, nxt.pos, "continuation",
                          mention=nxt.mention)
        conf = speaker_confidence()["run_opener"]
        out[k] = Quote(start=out[k].start, end=out[k].end, text=out[k].text, partial=False, speaker=got.speaker,
                       speaker_entity=got.key, speaker_description=out[k + 1].speaker_description,
                       speaker_inferred=True, verb=got.verb, speaker_how="continuation", speaker_confidence=conf,
                       **_source_span(text, got))
