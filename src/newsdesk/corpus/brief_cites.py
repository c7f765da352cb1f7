"""Citations of a briefing: a short unique label per source and, for every cited span, links to it.

Each cited item gets ``cite``: ``{article, start, end, label, href, url}``. ``label`` names the
outlet and the article's date (plus the first words of its title when one outlet has two articles
that day), ``href`` opens the span in newsdesk's web UI (``/articles/ID#cSTART-END``) and ``url``,
when the article's address is known, points at the sentence on the original page (a text fragment).
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .brief_sections import article_date

if TYPE_CHECKING:
    from .brief import Briefing

DATA = Path(__file__).parent / "data" / "synthesis.json"
FRAGMENT_WORDS = 5  # words of the sentence's start and end that a text fragment quotes
QUOTE_CONTEXT = 400  # characters after an event's evidence within which a quote is read in its context
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


@functools.lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def source_labels(sources: list[dict[str, Any]]) -> dict[str, str]:
    """article id -> "Outlet, DATE" (with title words when that is not unique)."""
    base = {s["article"]: f"{s['outlet'] or 'unknown outlet'}, {s['date'] or 'undated'}" for s in sources}
    clash = Counter(base.values())
    out = {}
    for s in sources:
        label = base[s["article"]]
        if clash[label] > 1:
            words = (s.get("title") or s["article"][:8]).split()
            label += f", “{' '.join(words[:5])}{'…' if len(words) > 5 else ''}”"
        out[s["article"]] = label
    return out


def text_fragment(url: str, text: str) -> str:
    """``url`` with a text fragment that finds ``text`` on the page (``#:~:text=start,end``)."""
    words = text.split()
    enc = functools.partial(quote, safe="")
    if len(words) <= 2 * FRAGMENT_WORDS:
        frag = enc(" ".join(words)).replace("-", "%2D")
    else:
        frag = (enc(" ".join(words[:FRAGMENT_WORDS])).replace("-", "%2D") + ","
                + enc(" ".join(words[-FRAGMENT_WORDS:])).replace("-", "%2D"))
    return f"{url.split('#', 1)[0]}#:~:text={frag}"


def cite(article: str, start: int, end: int, text: str | None, src: dict[str, Any] | None,
         label: str | None) -> dict[str, Any]:
    url = (src or {}).get("url")
    return {"article": article, "start": start, "end": end, "label": label or article[:8],
            "title": (src or {}).get("title"), "outlet": (src or {}).get("outlet"),
            "copy": bool((src or {}).get("copy_of")), "href": f"/articles/{article}#c{start}-{end}",
            "url": text_fragment(url, text) if url and text else url}


def add_cites(b: Briefing, by_id: dict[str, dict[str, Any]]) -> None:
    """Label the sources and put a ``cite`` on every item of the briefing that quotes a span."""
    labels = source_labels(b.sources)
    srcs = {s["article"]: s for s in b.sources}
    for s in b.sources:
        s["label"] = labels[s["article"]]

    def put(item: dict[str, Any], article: str | None = None) -> None:
        art = article or item["article"]
        item["cite"] = cite(art, item["start"], item["end"], item.get("text"), srcs.get(art), labels.get(art))

    for x in b.summary:
        put(x)
    for e in b.events + b.background:
        put(e)
        e["sources"] = [{**s, "label": labels.get(s["article"], s["outlet"])} for s in e["sources"]]
    for f in b.figures:
        for c in f["claims"]:
            put(c)
    for sp in b.quotes:
        for st in sp["statements"]:
            for v in st["variants"]:
                put(v)
    for o in b.only_here:
        for it in o["items"]:
            put(it, o["article"])
        o["label"] = labels.get(o["article"], o["outlet"])


def background_year(art: dict[str, Any], start: int, end: int,
                    events: list[tuple[int, int, str, bool]] = ()) -> str | None:
    """When a span (a quote) belongs to an earlier event than its article's: that event's date, else None.

    The event reported closest before the span in the same paragraph (or around it) sets the
    context: when it is background (dated away from the article), so is the quote. Without one, the
    earliest year before the article's own that the span's sentence names.
    """
    date = article_date(art)[0] if art else None
    text = (art or {}).get("text") or ""
    if not date or not text:
        return None
    near = [ev for ev in events if ev[0] <= start and start - ev[1] <= QUOTE_CONTEXT
            and "\n\n" not in text[ev[1]:start]]
    if near:
        _, _, when, own = max(near, key=lambda ev: ev[0])
        return None if own else when
    head = text[:start]
    cuts = [m.end() for m in _SENTENCE_END.finditer(head)]
    sentence = text[(cuts[-1] if cuts else 0):end]
    years = sorted(y for y in _YEAR.findall(sentence) if y < date[:4])
    return years[0] if years else None


def trivial_figure(f: dict[str, Any]) -> bool:
    """A count so small ("two countries", "three times") that agreeing on it says nothing."""
    top = _vocab().get("trivial_count_max", 0)
    claims = f.get("claims") or []
    return bool(claims) and all(
        c.get("value") is not None and float(c["value"]) <= top and not _is_money_or_share(str(c.get("unit") or ""))
        for c in claims)


def _is_money_or_share(unit: str) -> bool:
    return (len(unit) == 3 and unit.isupper()) or unit in ("%", "percent", "pct")
