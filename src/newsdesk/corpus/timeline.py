"""Timelines: the dated history of an actor, a pair of actors, or the whole store, with sources and scores.

Events told by several articles count once: merged events (``merged_into``) are one row, and
so are events of the same type, pair and date. Sources are distinct original articles (a copy
counts as its original). Undated events are left out unless ``undated=True``, which lists
them after the dated ones; coarser dates sort before finer ones in the same period
("2018" before "2018-09" before "2018-09-11").

Every row carries its day's ``score`` (``timeline_dates``: how many distinct articles refer to that
day), the articles that do (``date_sources``), how the row's date is known (``dated_by``: own, context,
reference, article) and its best evidence sentence. ``top`` keeps the best-scored days; ``min_sources``
the days that at least that many articles refer to, and on them the rows that many articles report.
A day that articles refer to gets a row of its own, titled by the sentence that names it, when no
coded event of that day is reported by as many articles (for an actor: sentences that name the actor).
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import NotFound
from .merge import vocabulary
from .timeline_dates import DayScore, covered_from, ranked, score_days, sentence_of


@dataclass
class TimelineRow:
    date: str | None
    date_precision: str | None
    title: str
    type: str
    place: str | None
    articles: list[str]
    events: list[str]
    outlets: list[str] = field(default_factory=list)
    score: float = 0.0  # the day's score (distinct articles referring to it); 0 for coarser dates
    background: bool = False  # the day lies well before the period the timeline's articles cover
    date_sources: list[str] = field(default_factory=list)  # original articles that refer to the day
    dated_by: str | None = None  # own | context | reference | article (publication day only) | None
    evidence: dict[str, Any] | None = None  # {article, outlet, title, url, start, end, text}
    sources: list[dict[str, Any]] = field(default_factory=list)  # {article, outlet, title, url}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Ref:
    """A resolved actor reference: the entity keys and the country code it stands for."""

    ref: str
    name: str
    entities: frozenset[str]
    country: str | None  # ISO3 when the ref is a country


@functools.lru_cache(maxsize=1)
def cached_registry() -> Any:
    from ..nlp.registry import load_registry

    return load_registry()


def resolve_ref(store: Any, ref: str) -> Ref:
    """A name, QID, registry id or ISO code -> :class:`Ref` (registry first, then stored entities)."""
    actor = cached_registry().resolve(ref)
    if actor is not None:
        country = actor.id if actor.type == "GPE" else None
        keys = {actor.key}
    else:
        found = store.find_entities(ref.strip())
        if not found:
            raise NotFound(f"no actor or entity {ref!r}")
        ent = found[0]
        country = ent["country"] if ent["type"] == "GPE" else None
        keys = {ent["key"]}
        actor = None
    keys |= store.linked_keys(keys)
    return Ref(ref, actor.name if actor else found[0]["name"], frozenset(keys), country)


def _side_matches(row: dict[str, Any], prefix: str, ref: Ref) -> bool:
    if row.get(f"{prefix}_entity") in ref.entities:
        return True
    return bool(ref.country and row.get(f"{prefix}_country") == ref.country)


def involves(row: dict[str, Any], refs: Sequence[Ref]) -> bool:
    """One ref: either side is it. Two refs: one side each (in either order)."""
    if len(refs) == 1:
        return _side_matches(row, "actor", refs[0]) or _side_matches(row, "target", refs[0])
    a, b = refs[0], refs[1]
    return ((_side_matches(row, "actor", a) and _side_matches(row, "target", b))
            or (_side_matches(row, "actor", b) and _side_matches(row, "target", a)))


def _party_name(row: dict[str, Any], prefix: str) -> str | None:
    return row.get(f"{prefix}_name") or row.get(f"{prefix}_country") or row.get(f"{prefix}_entity")


def describe_event(row: dict[str, Any]) -> str:
    """A one-line title built from the event's parts: "A and B meet in Place"."""
    phrases = vocabulary()["phrases"]
    by_type = phrases.get(row["type"], phrases["*"])
    forms = by_type.get(row.get("mode") or "*", by_type.get("*", phrases["*"]["*"]))
    a, b = _party_name(row, "actor"), _party_name(row, "target")
    if not a and b:
        a, b = b, None
    a = a or "Unknown party"
    text = (forms["pair"] if b else forms["one"]).format(a=a, b=b, type=row["type"].lower())
    place = (row.get("location") or {}).get("name")
    if place and place not in (a, b):
        text += f" in {place}"
    return text


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if date is None:
        return since is None and until is None
    lo, hi = date, date + "\uffff"  # "2018" stands for any day of 2018
    return (since is None or hi >= since) and (until is None or lo[:len(until)] <= until)


def _pair_key(row: dict[str, Any]) -> tuple:
    sides = tuple(row.get(f"{p}_country") or row.get(f"{p}_entity") or "" for p in ("actor", "target"))
    return tuple(sorted(sides)) if row.get("symmetric") else sides


def timeline(store: Any, refs: list[str], since: str | None = None, until: str | None = None,
             statuses: Iterable[str] = ("happened",), undated: bool = False, top: int | None = None,
             min_sources: int = 0, lead_weight: float | None = None) -> list[TimelineRow]:
    """Chronological events of one actor or a dyad (refs are names, QIDs or ISO3 codes), or of the
    whole store when ``refs`` is empty; ``top``/``min_sources`` select days by their score."""
    if len(refs) > 2:
        raise NotFound("a timeline needs one or two actors, or none for the whole store")
    resolved = [resolve_ref(store, r) for r in refs]
    if resolved:
        rows = store.timeline_events(statuses, {r.country for r in resolved if r.country},
                                     {k for r in resolved for k in r.entities})
        rows = [r for r in rows if involves(r, resolved)]
    else:
        rows = store.events_with_status(statuses)
    # a day's score counts the articles of this timeline: those that report its events or name the
    # actors (a day they name counts when a sentence names both the day and an actor), or all articles
    spans = _actor_spans(store, resolved)
    scope = sorted({r["article_id"] for r in rows} | set(spans)) if resolved else None
    heads = store.article_heads(scope)
    day_refs = store.day_references(scope)
    _add_texts(store, heads, {r["article_id"] for r in day_refs} | {r["article_id"] for r in rows} | set(spans))
    leads_from = None
    if resolved:
        day_refs = [r for r in day_refs if _names_actor(r, spans, heads)]
        leads_from = {a for a in spans if _names_actor({"article_id": a, "start": 0, "end": 0}, spans, heads)}
    days = score_days(day_refs, rows, heads, lead_weight, leads_from)
    rows = [r for r in rows if (undated or r["date"]) and _in_range(r["date"], since, until)]
    out = [_row(g, days, heads) for g in _groups(rows)]
    # a referred-to day gets a row of its own when no coded event of it is reported by as many articles
    most: dict[str, int] = defaultdict(int)
    for t in out:
        if t.date:
            most[t.date] = max(most[t.date], len(t.articles))
    bare = [d for d in days.values() if d.score > 0 and _in_range(d.date, since, until)
            and (d.date not in most or len(d.sources) > most[d.date])]
    _add_texts(store, heads, {min(d.leads) for d in bare if not d.sources and d.leads})
    out += [_day_row(d, heads) for d in bare]
    covered = covered_from(heads)
    keep = _selected_days(days, out, top, min_sources, covered)
    if keep is not None:  # the chosen days, and on them the rows that enough articles report
        out = [t for t in out if t.date in keep and len(t.articles) >= min_sources]
    for t in out:
        t.background = bool(covered and t.date and t.date < covered)
    # on one day, the event most articles report comes first
    return sorted(out, key=lambda t: (t.date is None, t.date or "", -len(t.articles), t.title))


def _actor_spans(store: Any, refs: list[Ref]) -> dict[str, list[list[tuple[int, int]]]]:
    """article -> for each actor, the spans naming it; for a dyad, only articles that name both."""
    if not refs:
        return {}
    per_ref = []
    for ref in refs:
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in store.mention_spans(ref.entities):
            spans[m["article_id"]].append((m["start"], m["end"]))
        per_ref.append(spans)
    both = set.intersection(*(set(p) for p in per_ref))
    return {a: [sorted(p.get(a, ())) for p in per_ref] for a in both}


def _names_actor(ref: dict[str, Any], spans: dict[str, list[list[tuple[int, int]]]],
                 heads: dict[str, dict[str, Any]]) -> bool:
    """Does the sentence of this time expression (start 0: the lead sentence) name the actor (both, for a
    dyad: a day one side is named on is that side's, not the pair's)?"""
    h = heads.get(ref["article_id"]) or {}
    s, e = sentence_of(h.get("sentences"), h.get("text") or "", ref["start"], max(ref["end"], ref["start"] + 1))
    per_ref = spans.get(ref["article_id"]) or []
    return bool(per_ref) and all(any(s <= ms < e for ms, _ in sp) for sp in per_ref)


def _add_texts(store: Any, heads: dict[str, dict[str, Any]], ids: set[str]) -> None:
    """Load text and sentences only for the articles whose words are read (references, evidence)."""
    need = sorted(i for i in ids if i in heads and "text" not in heads[i])
    for aid, h in store.article_heads(need, text=True).items():
        heads[aid].update(text=h["text"], sentences=h["sentences"], evidence=h["evidence"])


def _groups(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    by_id = {r["id"]: r for r in rows}
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    canon_key: dict[str, tuple] = {}
    for r in sorted(rows, key=lambda r: (r["merged_into"] is not None, r["id"])):
        root = r["merged_into"] if r["merged_into"] in by_id else r["id"]
        if root not in canon_key:
            head = by_id[root]
            canon_key[root] = ((head["type"], _pair_key(head), head["date"]) if head["date"] else ("id", root))
        groups[canon_key[root]].append(r)
    return list(groups.values())


def _selected_days(days: dict[str, DayScore], rows: list[TimelineRow], top: int | None,
                   min_sources: int, covered: str | None) -> set[str | None] | None:
    """The days kept by ``top``/``min_sources`` (None: keep every row)."""
    if top is None and min_sources <= 0:
        return None
    present = {t.date for t in rows}
    best = [d for d in ranked(days, covered) if d.date in present and len(d.sources) >= min_sources]
    return {d.date for d in (best[:top] if top is not None else best)}


def _source(aid: str, heads: dict[str, dict[str, Any]]) -> dict[str, Any]:
    h = heads.get(aid) or {}
    return {"article": aid, "outlet": h.get("outlet"), "title": h.get("title"), "url": h.get("url"),
            "published": h.get("published")}


def _evidence(aid: str, start: int | None, end: int | None, heads: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    h = heads.get(aid)
    if h is None:
        return None
    text = h.get("text") or ""
    s, e = sentence_of(h.get("sentences"), text, start, end)
    while e > s and text[e - 1].isspace():
        e -= 1
    return {**_source(aid, heads), "start": s, "end": e, "text": text[s:e]}


def _day_evidence(day: DayScore, heads: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The day's best evidence: a mention nearest the start of its article (the lead), earliest article."""
    if not day.evidence:
        return None
    ev = min(day.evidence, key=lambda v: (v["start"] if v["start"] is not None else 1 << 30,
                                          (heads.get(v["article"]) or {}).get("published") or "", v["article"]))
    return _evidence(ev["article"], ev["start"], ev["end"], heads)


def _day_row(day: DayScore, heads: dict[str, dict[str, Any]]) -> TimelineRow:
    ev = _day_evidence(day, heads)
    if ev is None and day.leads:  # only articles published that day: the earliest one's lead
        ev = _evidence(min(day.leads), 0, 1, heads)
    # the sentence that names the day says what happened on it; the headline may be about another day
    title = _short(" ".join(((ev or {}).get("text") or "").split())) or (ev or {}).get("title") or day.date
    sources = sorted(day.sources or day.leads)
    outlets = sorted({heads[a]["outlet"] for a in sources if heads.get(a, {}).get("outlet")})
    return TimelineRow(date=day.date, date_precision="day", title=title, type="", place=None, articles=sources,
                       events=[], outlets=outlets,
                       score=round(day.score, 3), date_sources=sorted(day.sources),
                       dated_by="reference" if day.sources else "article", evidence=ev,
                       sources=[_source(a, heads) for a in sources])


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _dated_by(group: list[dict[str, Any]], day: DayScore | None) -> str | None:
    if not group[0]["date"]:
        return None
    froms = {r.get("date_from") for r in group}
    for kind in ("own", "context"):
        if kind in froms:
            return kind
    if day is not None and day.sources & {r["duplicate_of"] or r["article_id"] for r in group}:
        return "reference"  # an article of the event names that day
    return "article"


def _row(group: list[dict[str, Any]], days: dict[str, DayScore], heads: dict[str, dict[str, Any]]) -> TimelineRow:
    head = min(group, key=lambda r: (r["merged_into"] is not None, r["duplicate_of"] is not None,
                                     not (r.get("actor_name") and r.get("target_name")),
                                     -(r.get("confidence") or 0), r["id"]))
    originals = {r["duplicate_of"] or r["article_id"] for r in group}
    outlets = sorted({r["outlet"] for r in group if r.get("outlet") and not r["duplicate_of"]})
    place = (head.get("location") or {}).get("name") or next(
        ((r.get("location") or {}).get("name") for r in group if (r.get("location") or {}).get("name")), None)
    day = days.get(head["date"]) if head["date"] else None
    span = (head.get("evidence") or [{}])[0]
    return TimelineRow(date=head["date"], date_precision=head["date_precision"],
                       title=head.get("title") or describe_event(head),
                       type=head["type"], place=place, articles=sorted(originals),
                       events=sorted({r["merged_into"] or r["id"] for r in group}), outlets=outlets,
                       score=round(day.score, 3) if day else 0.0,
                       date_sources=sorted(day.sources) if day else [], dated_by=_dated_by(group, day),
                       evidence=_evidence(head["article_id"], span.get("start"), span.get("end"), heads),
                       sources=[_source(a, heads) for a in sorted(originals)])


def timeline_rows(store: Any, refs: list[str], since: str | None = None, until: str | None = None,
                  top: int | None = None, min_sources: int = 0, undated: bool = False,
                  lead_weight: float | None = None) -> dict[str, Any]:
    """The timeline as plain data for ``--json`` and the API: rows (chronological) and the ranked days
    (best first, each with its score and sources), so a date-selection score can be computed from it."""
    rows = timeline(store, refs, since=since, until=until, top=top, min_sources=min_sources, undated=undated,
                    lead_weight=lead_weight)
    days: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.date and r.date_precision == "day" and r.date not in days:
            days[r.date] = {"date": r.date, "score": r.score, "sources": r.date_sources, "background": r.background}
    ranked_days = sorted(days.values(), key=lambda d: (d["background"], -d["score"], -len(d["sources"]), d["date"]))
    return {"actors": refs, "rows": [r.as_dict() for r in rows], "dates": ranked_days}
