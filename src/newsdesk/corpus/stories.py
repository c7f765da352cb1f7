"""Stories: articles about one real-world happening (a summit, a visit, an exercise).

Incremental single-pass clustering. Each article becomes a sparse vector of words (TF-IDF, with
document frequencies kept in ``term_stats``) and of features (entities, places, event keys).
It joins the most similar story whose dates are within ``story_window_days`` of its own main
date when the similarity reaches ``story_threshold``; otherwise it opens a story. Story state
(a centroid and per-member notes) lives in ``stories.features`` so that nothing is recomputed
for the rest of the corpus when one article arrives; candidate stories are found through the
``story_keys`` index (:mod:`.story_assign` reads and saves them). A story that grows is merged with
candidate stories whose centroids have become close to it (:mod:`.story_merge`), so that a split made
early (two reports that only a later one bridges) is undone incrementally.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..config import Settings
from .merge import km
from .story_actors import COMMON_MIN, COMMON_SHARE, disjoint, disjoint_indexed, table_row
from .story_dates import day_range, main_date, summarise_dates  # noqa: F401  (day_range, summarise_dates re-exported)
from .story_merge import merge_close, stamp
from .story_profile import Profile, article_weights, core, profile, story_span

DOCS = "#docs"  # term_stats row counting the documents
CENTROID_TERMS = 400
SEED_TERMS = 15  # an article's strongest terms used to find candidate stories
W_TEXT, W_FEAT, W_DAY = 0.6, 0.3, 0.1
IDF_POWER = 1.0
PUBLISHED_LAG = 3
W_PLACE = 0.15  # same main place: a bonus; main places further apart than FAR_KM: a penalty
FAR_KM = 1000.0
NOTE_NAMES = 8  # rare names kept in a member's note, for a big story's core (story_profile.core)
KEY_TERMS = 20  # index keys per article (story_keys): its strongest rare terms
KEY_MAX_DF = 1000  # a term in more documents is too common to block on (bounds each key's postings)
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
    candidates: set[str] | None = None  # stored stories it may join (story_assign.candidate_stories); None: any
    names: set[str] | None = None  # its "@" terms named outside tables (the veto's rare names); None: all
    tables: list[str] = field(default_factory=list)  # its entity terms named only inside tables
    # what scoring it against any story reads of it, computed once (story_profile.article_weights)
    weighted: tuple | None = field(default=None, repr=False, compare=False)
    day: str | None = None  # MM-DD its wire dateline names, no year (read only while ``date`` is None)


@dataclass
class Story:
    id: str
    features: dict[str, Any]
    changed: bool = False
    _norm: tuple[float, float] | None = field(default=None, repr=False)
    _profile: Profile | None = field(default=None, repr=False)  # story_profile.profile, once per state
    # members besides the batch's new ones that may take the title: the leads of stories folded into it
    rivals: set[str] = field(default_factory=set, repr=False)


def tokens(text: str) -> list[str]:
    out = []
    for w in _TOKEN.findall(text.lower()):
        w = w.replace("’", "'").removesuffix("'s")
        if len(w) > 2 and w not in STOP_WORDS and len(w) <= 40:
            out.append(w)
    return out


def _party_ref(e: dict[str, Any], prefix: str) -> str | None:
    return e.get(f"{prefix}_country") or e.get(f"{prefix}_entity")


def article_features(art: dict[str, Any], canonical: dict[str, str]) -> ArticleFeatures:
    """The vector and main date of one article, from the rows ``store.story_inputs`` gives."""
    tf = Counter(tokens(art["text"]))
    for w in tokens(art.get("title") or ""):
        tf[w] += 2  # a headline names the happening
    names = set()
    for m in art["mentions"]:
        term = "@" + canonical.get(m["entity"], m["entity"])[:60]
        tf[term] += 1
        if not table_row(art["text"], m.get("start")):  # a table's abbreviations tell no report apart
            names.add(term)
    places = [p for p in art["places"] if p.get("feature") != "country"]
    for p in places:
        tf["@" + p["entity"][:60]] += 1
        names.add("@" + p["entity"][:60])
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
    tables = sorted({"@" + canonical.get(m["entity"], m["entity"])[:60] for m in art["mentions"]} - names)
    return ArticleFeatures(art["id"], date, source, {t: v / norm for t, v in vec.items()}, place, main,
                           art.get("duplicate_of"), pair, names=names, tables=tables, day=art.get("dateline_day"))


class Clusterer:
    """Stories loaded for one update, with an inverted index over their centroids."""

    def __init__(self, stories: list[dict[str, Any]], df: dict[str, int], settings: Settings) -> None:
        self.settings = settings
        self.df = df
        self._idf: dict[str, float] = {}
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.member_of: dict[str, str] = {}
        self.absorbed: dict[str, str] = {}  # story id folded into another -> the one it lives in now
        self._opened = (dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f"), 0)
        self.stored: set[str] = set()  # loaded from the store (stories opened in this batch are not)
        self._rares: dict[str, tuple[dict[str, float], list[str]]] = {}  # Clusterer._rare, per article
        self.load(stories)

    def load(self, rows: list[dict[str, Any]]) -> None:
        """Index stored stories (``stories`` rows); one already here or folded into another is skipped."""
        for row in rows:
            if row["id"] not in self.stories and row["id"] not in self.absorbed:
                self.stored.add(row["id"])
                self._index(Story(row["id"], row.get("features") or _empty_features(row["id"])))

    def evict(self, sid: str) -> None:
        """Forget a stored story nothing changed (no article left in the batch can meet it): loading it
        again gives the same story, so a batch holds only the stories its next articles may join."""
        st = self.stories.get(sid)
        if st is None or st.changed or sid not in self.stored:
            return
        for aid in st.features["members"]:
            if self.member_of.get(aid) == sid:
                del self.member_of[aid]
        del self.stories[sid]
        self.stored.discard(sid)

    def _index(self, st: Story) -> None:
        self.stories[st.id] = st
        st._norm = st._profile = None
        if st.id not in self.stored:  # stored stories are reached through the articles' candidates
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
            cache = self._idf  # a loaded centroid has 400 terms: the method call only for terms not weighed yet
            for t, w in st.features["terms"].items():
                i = cache.get(t)
                if i is None:
                    i = self.idf(t)
                if t[0] in "@#":
                    nf += (w * i) ** 2
                else:
                    nw += (w * i) ** 2
            st._norm = (nw, nf)
        return st._norm

    def score(self, art: ArticleFeatures, st: Story) -> float:
        _, weighted, aw, af = article_weights(self, art)
        terms = st.features["terms"]
        dw = dft = 0.0
        for t, wii in weighted.items():  # a term the centroid lacks would add 0.0, which changes no sum
            x = terms.get(t)
            if x is not None:
                if t[0] in "@#":
                    dft += wii * x
                else:
                    dw += wii * x
        sw, sf = self._norms(st)
        parts = {"w": (dw, aw, sw), "f": (dft, af, sf)}  # dot, |a|^2, |s|^2 per kind
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
        a = art.place
        if not a or a.get("lat") is None:
            return 0.0
        top = profile(st).place
        if top is None or top.get("lat") is None:
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
        span = profile(st).span
        if art.date is None and art.day and span is not None:
            # a dateline's day without a year: the story is in the window if it is in some year's
            return any(self.within(self._filed(d), span) for d in days_in_years(art.day, span))
        return self.within(self.article_span(art), span)

    def article_span(self, art: ArticleFeatures) -> tuple[int, int] | None:
        """First and last day (ordinals) the article's date can mean; None when undated."""
        a = day_range(art.date)
        if a is None:
            return None
        if art.source == "published":
            return self._filed(a[0].toordinal())[0], a[1].toordinal()
        return a[0].toordinal(), a[1].toordinal()

    def _filed(self, day: int) -> tuple[int, int]:
        """The span of an article filed on ``day`` (an ordinal): what it reports happened before it
        appeared, maybe weeks."""
        return day - PUBLISHED_LAG * self.settings.story_window_days, day

    def within(self, a: tuple[int, int] | None, s: tuple[int, int] | None) -> bool:
        """Whether an article span and a story span (:func:`story_span`) are at most the window apart."""
        if a is None or s is None:
            return True
        return max(s[0] - a[1], a[0] - s[1], 0) <= self.settings.story_window_days

    def apart(self, art: ArticleFeatures, st: Story) -> bool:
        """Disjoint main actors, no shared main event pair and no shared rare name: template words alone
        join nothing, but reports of one happening led by different people (a minister, then the
        other side's premier) still share its rare names and places. A story past ``story_merge_big``
        reports is met only through the actors and pairs a share of them name (:func:`.story_profile.core`):
        any name one of dozens of topic-gathered reports named would join anything on the topic."""
        prof = profile(st)
        big = core(prof, self.settings.story_core_share, self.settings.story_merge_big)
        if big is not None:  # a big story: the article must share what the story is about
            pairs, actors, names = big
            if art.pair and art.pair in pairs:
                return False
            if art.actors:
                return not actors or disjoint(art.actors, [actors])
            if names is None:  # members noted before names were: its rare names, as for any story
                return not self.shared_names(art, st)
            return not any(t in names for t in _named(art))
        if art.pair and art.pair in prof.pairs:
            return False
        # the union of the members' actors: disjoint from it iff disjoint from every member's list
        if not disjoint_indexed(art.actors, prof.actors, prof.actor_index()):
            return False
        return not self.shared_names(art, st)

    def _rare(self, art: ArticleFeatures) -> list[str]:
        """The article's rare names: its "@" terms (outside tables) in few enough of the store's documents
        (once per article: the counts of its terms and of all documents are read before it is scored)."""
        got = self._rares.get(art.id)
        if got is None or got[0] is not art.vector:
            common = max(COMMON_MIN, COMMON_SHARE * self.df.get(DOCS, 0))
            rare = [t for t in _named(art) if t[0] == "@" and self.df.get(t, 0) <= common]
            got = self._rares[art.id] = (art.vector, rare)
        return got[1]

    def rare_names(self, art: ArticleFeatures) -> list[str]:
        """The article's ``NOTE_NAMES`` rarest names, rarest first."""
        return sorted(self._rare(art), key=lambda t: (self.df.get(t, 0), t))[:NOTE_NAMES]

    def shared_names(self, art: ArticleFeatures, st: Story) -> bool:
        """Whether the article and the story both name a rare entity or place (an "@" feature; of the
        article, one it names outside a table)."""
        terms = st.features["terms"]
        return any(t in terms for t in self._rare(art))

    def assign(self, art: ArticleFeatures) -> str:
        if art.id in self.member_of:  # stored before (re-processed): keep its story, count it once
            return self.member_of[art.id]
        if art.copy_of and art.copy_of in self.member_of:
            return self._add(self.stories[self.member_of[art.copy_of]], art, copy=True)
        seeds = sorted(art.vector, key=lambda t: -art.vector[t] * self.idf(t))[:SEED_TERMS]
        cands = self._seeded(art, seeds)
        joined = []
        for sid in cands:
            st = self.stories[sid]
            if not self.in_window(art, st) or self.apart(art, st):
                continue
            sc = self.score(art, st)
            if sc >= self.settings.story_threshold:
                joined.append((sc, st))
        if not joined:
            sid = hashlib.sha256(f"story\0{art.id}".encode()).hexdigest()[:16]
            best = Story(sid, _empty_features(sid))
            stamp(best.features, f"{self._opened[0]}#{self._opened[1]:06d}")
            self._opened = (self._opened[0], self._opened[1] + 1)
            self.stories[sid] = best
            return self._add(best, art, copy=bool(art.copy_of))
        joined.sort(key=lambda x: (-x[0], x[1].id))
        best_score, best = joined[0]
        self._add(best, art, copy=bool(art.copy_of), score=best_score)
        # the story just grew: a story it is now close to was the same happening, split earlier
        return merge_close(self, best, cands).id

    def _seeded(self, art: ArticleFeatures, seeds: list[str]) -> list[str]:
        """The stories sharing a seed term with the article: those opened in this update through the
        postings, stored ones (only the article's candidates, when known) through their own terms, so
        that loading a stored story does not index its centroid."""
        found = {sid for t in seeds for sid in self.postings.get(t, ()) if sid in self.stories}
        stored = self.stored if art.candidates is None else self.stored & art.candidates
        for sid in stored:
            st = self.stories.get(sid)
            if st is not None and any(t in st.features["terms"] for t in seeds):
                found.add(sid)
        return sorted(found)

    def _add(self, st: Story, art: ArticleFeatures, copy: bool, score: float | None = None) -> str:
        f = st.features
        note = f["members"][art.id] = {"date": art.date, "source": art.source, "place": art.place,
                                       "event": art.event, "copy": copy, "pair": art.pair, "actors": art.actors,
                                       "score": round(score, 4) if score is not None else None}
        if art.tables:  # the story's merges read them (story_profile), kept only where there are some
            note["tables"] = art.tables
        if not copy:
            note["names"] = self.rare_names(art)  # what a big story's core counts (story_profile.core)
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


def _named(art: ArticleFeatures) -> Any:
    """The terms an article names outside tables (all its terms when that is not known)."""
    return art.vector if art.names is None else art.names


def days_in_years(month_day: str, span: tuple[int, int]) -> list[int]:
    """Ordinals of an MM-DD in the years around a story's span (ordinals), from the year before it
    to the year after: a day with no year can only meet a story in one of those."""
    month, day = int(month_day[:2]), int(month_day[3:5])
    first, last = dt.date.fromordinal(span[0]).year, dt.date.fromordinal(span[1]).year
    out = []
    for year in range(first - 1, last + 2):
        try:
            out.append(dt.date(year, month, day).toordinal())
        except ValueError:  # February 29 in a common year
            continue
    return out


def _empty_features(sid: str) -> dict[str, Any]:
    return {"terms": {}, "members": {}, "date": None, "end_date": None}


from .story_assign import assign_stories, key_terms, story_report, story_row  # noqa: E402  (re-exported)
