"""Stories: articles about one real-world happening (a summit, a visit, an exercise).

Incremental single-pass clustering. Each article becomes a sparse vector of words (TF-IDF, with
document frequencies kept in ``term_stats``) and of features (entities, places, event keys).
It joins the most similar story whose dates are within ``story_window_days`` of its own main
date when the similarity reaches ``story_threshold``; otherwise it opens a story. Story state
(a centroid and per-member notes) lives in ``stories.features`` so that nothing is recomputed
for the rest of the corpus when one article arrives.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..config import Settings
from .merge import km
from .story_actors import COMMON_MIN, COMMON_SHARE, disjoint, main_actors
from .timeline import describe_event

DOCS = "#docs"  # term_stats row counting the documents
CENTROID_TERMS = 400
SEED_TERMS = 15  # an article's strongest terms used to find candidate stories
W_TEXT, W_FEAT, W_DAY = 0.6, 0.3, 0.1
IDF_POWER = 1.0
PUBLISHED_LAG = 3
W_PLACE = 0.15  # same main place: a bonus; main places further apart than FAR_KM: a penalty
FAR_KM = 1000.0
LEAD_CHARS = 800  # a day date this early in the text dates what the article reports
KEY_TERMS = 20  # index keys per article (story_keys): its strongest rare terms
KEY_MAX_DF = 1000  # a term in more documents is too common to block on (bounds each key's postings)
MONTH_LAG_DAYS = 45  # month-precision events this close before publication can date an article  # a publication date bounds the event date from above, by this many windows
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]", re.UNICODE)


@dataclass
class ArticleFeatures:
    id: str
    date: str | None
    source: str  # what the date was read from: event | time | published | none
    vector: dict[str, float]  # unit-length sublinear term frequencies (words and "@"/"#" features)
    place: dict[str, Any] | None
    event: str | None  # id of the article's main event
    copy_of: str | None = None
    pair: str | None = None  # the two parties of the main event, when it has two
    actors: list[str] | None = None  # main actors (story_actors.main_actors); None: unknown
    keys: list[str] = field(default_factory=list)  # its rarest strong terms (key_terms): the index keys


@dataclass
class Story:
    id: str
    features: dict[str, Any]
    changed: bool = False
    _norm: tuple[float, float] | None = field(default=None, repr=False)


def tokens(text: str) -> list[str]:
    out = []
    for w in _TOKEN.findall(text.lower()):
        w = w.replace("’", "'").removesuffix("'s")
        if len(w) > 2 and w not in STOP_WORDS and len(w) <= 40:
            out.append(w)
    return out


def day_range(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a YYYY[-MM[-DD]] date can mean."""
    if not date:
        return None
    try:
        if len(date) >= 10:
            d = dt.date.fromisoformat(date[:10])
            return d, d
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        y = int(date[:4])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def _vote(dates: list[str]) -> str | None:
    """Most supported date; ties go to the finer precision, then to the earliest."""
    if not dates:
        return None
    counts = Counter(dates)
    return min(counts, key=lambda d: (-counts[d], -len(d), d))


def main_date(art: dict[str, Any]) -> tuple[str | None, str, str | None]:
    """(date, where it came from, main event id) of an article: the date of what happened.

    Day-precision event dates first, then a day date in the lead, then month-precision event
    dates close to publication, then the publication date. Coarser event dates are background
    ("the 2001 treaty") and never date the article.
    """
    happened = [e for e in art["events"] if e["status"] == "happened"]
    dated = [e for e in happened if e.get("date")]
    pub = art.get("published")
    if pub:  # a "happened" event dated after publication is a misreading
        dated = [e for e in dated if e["date"][:len(pub)] <= pub[:len(e["date"])]]
    days = [e for e in dated if len(e["date"]) >= 10]
    if days:
        weight: Counter = Counter()
        for e in days:
            weight[e["date"]] += 1 + (e.get("confidence") or 0)
        best = min(weight, key=lambda d: (-weight[d], d))
        main = max((e for e in days if e["date"] == best), key=lambda e: (e.get("confidence") or 0, -_num(e)))
        return best, "event", main["id"]
    lead_event = next((e for e in happened if e.get("location")), None)  # the lead tells the news
    lead_id = lead_event["id"] if lead_event else None
    lead = [t for t in art["times"] if t.get("value") and len(t["value"]) == 10 and t["start"] < LEAD_CHARS]
    if lead:
        return lead[0]["value"], "time", lead_id
    pub_range = day_range(pub)
    months = [e for e in dated if len(e["date"]) == 7 and pub_range
              and (pub_range[0] - day_range(e["date"])[1]).days <= MONTH_LAG_DAYS]
    if months:
        return _vote([e["date"] for e in months]), "event", months[0]["id"]
    return (pub, "published", lead_id) if pub else (None, "none", lead_id)


def _num(e: dict[str, Any]) -> int:
    """Position of an event in its article (ids end in -e<n>)."""
    tail = e["id"].rsplit("-e", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _party_ref(e: dict[str, Any], prefix: str) -> str | None:
    return e.get(f"{prefix}_country") or e.get(f"{prefix}_entity")


def article_features(art: dict[str, Any], canonical: dict[str, str]) -> ArticleFeatures:
    """The vector and main date of one article, from the rows ``store.story_inputs`` gives."""
    tf = Counter(tokens(art["text"]))
    for w in tokens(art.get("title") or ""):
        tf[w] += 2  # a headline names the happening
    for m in art["mentions"]:
        tf["@" + canonical.get(m["entity"], m["entity"])[:60]] += 1
    places = [p for p in art["places"] if p.get("feature") != "country"]
    for p in places:
        tf["@" + p["entity"][:60]] += 1
    date, source, main = main_date(art)
    for e in art["events"]:
        if e["status"] == "happened" and e.get("date"):
            pair = "|".join(sorted(filter(None, (_party_ref(e, "actor"), _party_ref(e, "target")))))
            # weighed by the coder's confidence: a doubtful coding should not dilute a sure one
            tf[f"#{e['type']}|{pair}|{e['date']}"[:64]] += 2 * (e.get("confidence") or 0.5)
    vec = {t: 1 + math.log(n) if n >= 1 else n for t, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    place = None
    main_ev = next((e for e in art["events"] if e["id"] == main), None)
    if main_ev and main_ev.get("location"):
        loc = main_ev["location"]
        place = {"name": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon")}
    elif places:
        top = Counter(p["entity"] for p in places).most_common(1)[0][0]
        p = next(p for p in places if p["entity"] == top)
        place = {"name": p["name"], "lat": p["lat"], "lon": p["lon"]}
    pair = None
    if main_ev and _party_ref(main_ev, "actor") and _party_ref(main_ev, "target"):
        pair = "|".join(sorted((_party_ref(main_ev, "actor"), _party_ref(main_ev, "target"))))
    return ArticleFeatures(art["id"], date, source, {t: v / norm for t, v in vec.items()}, place, main,
                           art.get("duplicate_of"), pair)


class Clusterer:
    """Stories loaded for one update, with an inverted index over their centroids."""

    def __init__(self, stories: list[dict[str, Any]], df: dict[str, int], settings: Settings) -> None:
        self.settings = settings
        self.df = df
        self._idf: dict[str, float] = {}
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.member_of: dict[str, str] = {}
        for row in stories:
            self._index(Story(row["id"], row.get("features") or _empty_features(row["id"])))

    def _index(self, st: Story) -> None:
        self.stories[st.id] = st
        st._norm = None
        for t in st.features["terms"]:
            self.postings[t].add(st.id)
        for aid in st.features["members"]:
            self.member_of[aid] = st.id

    def idf(self, term: str) -> float:
        """Term weight: IDF raised to IDF_POWER, so shared rare words count more than shared jargon."""
        w = self._idf.get(term)
        if w is None:
            n = self.df.get(DOCS, 0)
            w = self._idf[term] = (math.log((n + 1) / (self.df.get(term, 0) + 1)) + 1.0) ** IDF_POWER
        return w

    def _norms(self, st: Story) -> tuple[float, float]:
        """Squared weighted norms of a story centroid: (words, features)."""
        if st._norm is None:
            nw = nf = 0.0
            for t, w in st.features["terms"].items():
                if t[0] in "@#":
                    nf += (w * self.idf(t)) ** 2
                else:
                    nw += (w * self.idf(t)) ** 2
            st._norm = (nw, nf)
        return st._norm

    def score(self, art: ArticleFeatures, st: Story) -> float:
        parts = {"w": [0.0, 0.0, 0.0], "f": [0.0, 0.0, 0.0]}  # dot, |a|^2, |s|^2 per kind
        terms = st.features["terms"]
        for t, w in art.vector.items():
            kind = parts["f" if t[0] in "@#" else "w"]
            wi = w * self.idf(t)
            kind[0] += wi * self.idf(t) * terms.get(t, 0.0)
            kind[1] += wi * wi
        parts["w"][2], parts["f"][2] = self._norms(st)
        cos = {k: (v[0] / math.sqrt(v[1] * v[2]) if v[1] and v[2] else 0.0) for k, v in parts.items()}
        same_day = art.source == "event" and art.date and art.date == st.features.get("date")
        w_feat = W_FEAT if parts["f"][1] and parts["f"][2] else 0.0
        text = cos["w"] * (W_TEXT + (W_FEAT - w_feat))  # no features on one side: text carries their weight
        return text + w_feat * cos["f"] + self._day_term(art, st, bool(same_day)) + self._place_term(art, st)


    @staticmethod
    def _day_term(art: ArticleFeatures, st: Story, same_day: bool) -> float:
        """W_DAY on the story's day; half of it the day after, when follow-ups report the reactions."""
        if same_day:
            return W_DAY
        a, end = day_range(art.date), day_range(st.features.get("end_date") or st.features.get("date"))
        if art.source != "event" or a is None or end is None or a[0] != a[1]:
            return 0.0
        return W_DAY / 2 if (a[0] - end[1]).days == 1 else 0.0

    def _place_term(self, art: ArticleFeatures, st: Story) -> float:
        """+W_PLACE when the article's main place is the story's, -W_PLACE when it is far away."""
        places = [m["place"] for m in st.features["members"].values() if m["place"] and not m["copy"]]
        a = art.place
        if not places or not a or a.get("lat") is None:
            return 0.0
        names = Counter(p["name"] for p in places)
        top = next(p for p in places if p["name"] == min(names, key=lambda n: (-names[n], str(n))))
        if top.get("lat") is None:
            return 0.0
        dist = km(a["lat"], a["lon"], top["lat"], top["lon"])
        if dist <= self.settings.merge_place_km:
            return W_PLACE
        # A distant place on the story's own dates means another happening; on a later day it is
        # usually where a follow-up was filed or a reaction came from (the other capital).
        return -W_PLACE if dist > FAR_KM and self._overlaps(art, st) else 0.0

    @staticmethod
    def _overlaps(art: ArticleFeatures, st: Story) -> bool:
        a, lo = day_range(art.date), day_range(st.features.get("date"))
        if a is None or lo is None:
            return True
        hi = day_range(st.features.get("end_date")) or lo
        return a[0] <= hi[1] and lo[0] <= a[1]

    def in_window(self, art: ArticleFeatures, st: Story) -> bool:
        a = day_range(art.date)
        lo, hi = day_range(st.features.get("date")), day_range(st.features.get("end_date"))
        if a is None or lo is None:
            return True
        if art.source == "published":  # what an article reports happened before it appeared, maybe weeks
            a = (a[0] - dt.timedelta(days=PUBLISHED_LAG * self.settings.story_window_days), a[1])
        hi = hi or lo
        gap = max((lo[0] - a[1]).days, (a[0] - hi[1]).days, 0)
        return gap <= self.settings.story_window_days

    def apart(self, art: ArticleFeatures, st: Story) -> bool:
        """Disjoint main actors, no shared main event pair and no shared rare name: template words alone
        join nothing, but reports of one happening led by different people (a minister, then the
        other side's premier) still share its rare names and places."""
        notes = [m for m in st.features["members"].values() if not m["copy"]]
        if art.pair and any(m.get("pair") == art.pair for m in notes):
            return False
        if not disjoint(art.actors, [m.get("actors") for m in notes]):
            return False
        return not self.shared_names(art, st)

    def shared_names(self, art: ArticleFeatures, st: Story) -> bool:
        """Whether the article and the story both name a rare entity or place (an "@" feature)."""
        common = max(COMMON_MIN, COMMON_SHARE * self.df.get(DOCS, 0))
        terms = st.features["terms"]
        return any(t[0] == "@" and t in terms and self.df.get(t, 0) <= common for t in art.vector)

    def assign(self, art: ArticleFeatures) -> str:
        if art.id in self.member_of:  # stored before (re-processed): keep its story, count it once
            return self.member_of[art.id]
        if art.copy_of and art.copy_of in self.member_of:
            return self._add(self.stories[self.member_of[art.copy_of]], art, copy=True)
        seeds = sorted(art.vector, key=lambda t: -art.vector[t] * self.idf(t))[:SEED_TERMS]
        cands = sorted({sid for t in seeds for sid in self.postings.get(t, ())})
        best, best_score = None, self.settings.story_threshold
        for sid in cands:
            st = self.stories[sid]
            if not self.in_window(art, st) or self.apart(art, st):
                continue
            sc = self.score(art, st)
            if sc >= best_score:
                best, best_score = st, sc
        if best is None:
            sid = hashlib.sha256(f"story\0{art.id}".encode()).hexdigest()[:16]
            best = Story(sid, _empty_features(sid))
            self.stories[sid] = best
            return self._add(best, art, copy=bool(art.copy_of))
        return self._add(best, art, copy=bool(art.copy_of), score=best_score)

    def _add(self, st: Story, art: ArticleFeatures, copy: bool, score: float | None = None) -> str:
        f = st.features
        f["members"][art.id] = {"date": art.date, "source": art.source, "place": art.place, "event": art.event,
                                "copy": copy, "pair": art.pair, "actors": art.actors,
                                "score": round(score, 4) if score is not None else None}
        if not copy:
            terms = f["terms"]
            for t, w in art.vector.items():
                terms[t] = terms.get(t, 0.0) + w
            if len(terms) > CENTROID_TERMS:
                keep = sorted(terms, key=lambda t: (-terms[t] * self.idf(t), t))[:CENTROID_TERMS]
                f["terms"] = {t: round(terms[t], 5) for t in keep}
        summarise_dates(f, self.settings)
        st.changed = True
        self._index(st)
        return st.id


def _empty_features(sid: str) -> dict[str, Any]:
    return {"terms": {}, "members": {}, "date": None, "end_date": None}


def summarise_dates(f: dict[str, Any], settings: Settings) -> None:
    """Story date = the most supported main date of its (non-copy) articles; publication dates only
    when none has an event or lead date."""
    members = [m for m in f["members"].values() if not m["copy"] and m["date"]]
    # an event date and a lead date both say when it happened: they vote together, so that one
    # event-dated follow-up cannot outvote two articles dated from their lead
    for sources in (("event", "time"), ("published",)):
        dates = [m["date"] for m in members if m["source"] in sources]
        if dates:
            break
    start = _vote(dates)
    f["date"] = start
    if start is None:
        f["end_date"] = None
        return
    first = day_range(start)
    later = [d for d in dates if len(d) >= len(start) and (r := day_range(d)) and r[0] >= first[0]
             and (r[0] - first[1]).days <= settings.story_window_days]
    f["end_date"] = max(later, default=start)


def story_row(st: Story, members: dict[str, dict[str, Any]], events: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The ``stories`` row: title, date, end date, place, derived from the story's members."""
    f = st.features
    notes = {aid: m for aid, m in f["members"].items() if not m["copy"]} or f["members"]
    on_date = [m for m in notes.values() if m["date"] == f["date"]]
    main_event = None
    for m in sorted(on_date, key=lambda m: m["event"] or "~"):
        if m["event"] in events:
            main_event = events[m["event"]]
            break
    places = [m["place"] for m in on_date if m["place"]] or [m["place"] for m in notes.values() if m["place"]]
    place = None
    if places:
        names = Counter(p["name"] for p in places)
        top = min(names, key=lambda n: (-names[n], str(n)))
        place = next(p for p in places if p["name"] == top)
    title = None
    for aid in sorted(notes, key=lambda a: -members.get(a, {}).get("centrality", 0.0)):
        title = (members.get(aid) or {}).get("title")
        if title:
            break
    if not title and main_event:
        title = describe_event(main_event)
    if not title:
        first = next(iter(sorted(members.values(), key=lambda m: -m.get("centrality", 0.0))), None)
        text = (first or {}).get("text") or ""
        title = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0][:120] or st.id
    return {"id": st.id, "title": title, "date": f["date"], "end_date": f["end_date"], "place": place,
            "summary": [], "features": f}


def key_terms(f: ArticleFeatures, idf: Any, df: dict[str, int]) -> list[str]:
    """An article's index keys: its strongest terms by weight x IDF that are rare enough to block on."""
    ranked = sorted((t for t in f.vector if df.get(t, 0) <= KEY_MAX_DF), key=lambda t: (-f.vector[t] * idf(t), t))
    return ranked[:KEY_TERMS]


def assign_stories(store: Any, new_ids: Sequence[str], settings: Settings) -> dict[str, str]:
    """Put newly stored articles into stories; returns article id -> story id for them.

    Incremental: the term counts read are those of these articles' terms and of their candidate
    stories, and the candidate stories are those sharing an index key (``story_keys``) with them, so
    the cost depends on the new articles and their neighbourhood, not on the store. Idempotent: an
    article already in a story keeps it, and everything is saved in one transaction.
    """
    arts = store.story_inputs(new_ids)
    done = {a: r["story_id"] for a, r in arts.items() if r.get("story_id")}
    arts = {a: r for a, r in arts.items() if a not in done}
    if not arts:
        return done
    keys = {m["entity"] for a in arts.values() for m in a["mentions"]}
    info = store.entity_info(keys)
    canonical = {k: v["canonical"] for k, v in info.items()}
    feats = [article_features(a, canonical) for a in arts.values()]
    counts: Counter = Counter()
    for f in feats:
        if not f.copy_of:
            counts.update(f.vector.keys())
            counts[DOCS] += 1
    df: dict[str, int] = Counter(store.term_counts(set(counts) | {t for f in feats for t in f.vector} | {DOCS}))
    df.update(counts)
    probe = Clusterer([], dict(df), settings)
    n_docs = df.get(DOCS, 0)
    art_keys = {f.id: key_terms(f, probe.idf, df) for f in feats if not f.copy_of}
    hits = store.stories_with_keys({k for ks in art_keys.values() for k in ks})
    sids = {sid for v in hits.values() for sid in v}
    sids |= set(store.story_ids_of({f.copy_of for f in feats if f.copy_of}).values())
    stories = store.stories_by_id(sids) if sids else []
    extra = {t for st in stories for t in (st.get("features") or {}).get("terms", {})} - set(df)
    df.update(store.term_counts(extra))
    cl = Clusterer(stories, dict(df), settings)
    for f in feats:
        f.keys = art_keys.get(f.id, [])
    for f in feats:  # after the counts, so that template words common in the corpus name no actor
        f.actors = main_actors(arts[f.id], info, cl.df, n_docs)
    # originals before copies, then by date, so that a batch is clustered in a stable order
    order = sorted(feats, key=lambda f: (f.copy_of is not None, f.date or "9999", f.id))
    assign = {f.id: cl.assign(f) for f in order}
    changed = [st for st in cl.stories.values() if st.changed]
    members = store.story_members([st.id for st in changed])
    for st in changed:
        members.setdefault(st.id, [])
        members[st.id] = sorted(set(members[st.id]) | {a for a, s in assign.items() if s == st.id})
    rows = _member_rows(store, cl, changed, members)
    event_ids = {m["event"] for st in changed for m in st.features["members"].values() if m["event"]}
    events = {e["id"]: e for e in store.events_by_id(event_ids)} if event_ids else {}
    index: dict[str, set[str]] = defaultdict(set)
    for aid, ks in art_keys.items():
        index[assign[aid]].update(ks)
    store.save_assignment([story_row(st, rows.get(st.id, {}), events) for st in sorted(changed, key=lambda s: s.id)],
                          assign, dict(counts), dict(index))
    return {**done, **assign}


def _member_rows(store: Any, cl: Clusterer, changed: list[Story],
                 members: dict[str, list[str]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Title, text and centrality (cosine to the centroid) of each changed story's members."""
    ids = {a for st in changed for a in members.get(st.id, [])}
    info = store.story_inputs(ids) if ids else {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for st in changed:
        rows = {}
        for aid in members.get(st.id, []):
            art = info.get(aid)
            if art is None:
                continue
            feats = article_features(art, {})
            rows[aid] = {"title": art.get("title"), "text": art["text"], "centrality": cl.score(feats, st)}
        out[st.id] = rows
    return out


def story_report(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``stories`` rows with their evidence: per member article its outlet, title, URL, the date it
    gave the story and where that date came from, whether it is a copy, and the similarity with which
    it joined (None for the article that opened the story)."""
    feats = {st["id"]: st.get("features") or {} for st in store.stories_by_id([r["id"] for r in rows])}
    meta = store.article_meta({a for r in rows for a in r["articles"]})
    out = []
    for r in rows:
        notes = feats.get(r["id"], {}).get("members", {})
        members = []
        for aid in r["articles"]:
            m, n = meta.get(aid, {}), notes.get(aid, {})
            members.append({"article": aid, "outlet": m.get("outlet"), "title": m.get("title"), "url": m.get("url"),
                            "published": m.get("published"), "date": n.get("date"), "date_from": n.get("source"),
                            "copy_of": m.get("duplicate_of"), "score": n.get("score")})
        out.append({**r, "members": members})
    return out
