"""What scoring reads of a story's members, gathered once per story state, and of an article, once per
article (:mod:`.stories`).

A big story has hundreds of members; the vetoes (shared event pair, main actors), the place term and
the date window read only these aggregates of them, so scoring an article against it costs in the
article, not in the story.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .story_actors import actor_index

if TYPE_CHECKING:
    from .stories import ArticleFeatures, Clusterer, Story


@dataclass
class Profile:
    """What the vetoes and the place term read of a story's (non-copy) members, gathered once per story
    state instead of once per scored article (a big story has hundreds of members)."""
    pairs: set[str]  # main event pairs
    actors: list[str]  # every main actor any member names (empty: none known)
    place: dict[str, Any] | None  # the place most members name
    span: tuple[int, int] | None  # story_span of its date and end date
    tables: set[str]  # entity terms some member names only inside a table (no rare name to share)
    reports: int = 0  # members that are not copies
    pair_counts: Counter | None = None  # main event pair -> members naming it
    actor_counts: Counter | None = None  # main actor -> members naming it
    name_counts: Counter | None = None  # rare name -> members naming it; None: a member noted before names were
    names: frozenset[str] = frozenset()  # its centroid's "@" terms (entities and places)
    _actor_index: dict[str, list[frozenset[str]]] | None = None  # story_actors.actor_index of ``actors``, once

    def actor_index(self) -> dict[str, list[frozenset[str]]]:
        """The word index of ``actors`` (:func:`.story_actors.actor_index`), built on first use."""
        if self._actor_index is None:
            self._actor_index = actor_index(self.actors)
        return self._actor_index


def profile(st: Story) -> Profile:
    """The story's :class:`Profile` (cached on the story until it changes: :meth:`Clusterer._index`)."""
    if st._profile is None:
        notes = [m for m in st.features["members"].values() if not m["copy"]]
        places = [m["place"] for m in notes if m["place"]]
        top = None
        if places:
            names = Counter(p["name"] for p in places)
            top = next(p for p in places if p["name"] == min(names, key=lambda n: (-names[n], str(n))))
        pairs = Counter(m["pair"] for m in notes if m.get("pair"))
        actors = Counter(a for m in notes for a in set(m.get("actors") or ()))
        names = Counter(t for m in notes for t in m["names"]) if all("names" in m for m in notes) else None
        st._profile = Profile(set(pairs), sorted(actors), top,
                              story_span(st.features.get("date"), st.features.get("end_date")),
                              {t for m in notes for t in m.get("tables") or ()}, len(notes), pairs, actors, names,
                              frozenset(t for t in st.features["terms"] if t[0] == "@"))
    return st._profile


def core(prof: Profile, share: float, big: int) -> tuple[set[str], list[str], set[str] | None] | None:
    """The event pairs, main actors and rare names (None when some member's were not noted) of a big story
    (more than ``big`` reports) that at least ``share`` of its reports (two at least) name; None for a
    smaller story or ``share`` 0. A story of dozens of reports that all name one company or one pair is one
    happening's; a topic gathered by similar words (a month of bond issues) shares no actor across its
    reports, so a report on yet another company meets no core actor."""
    if share <= 0 or prof.reports <= big or prof.pair_counts is None or prof.actor_counts is None:
        return None
    need = max(2, share * prof.reports)
    names = None if prof.name_counts is None else {t for t, n in prof.name_counts.items() if n >= need}
    return ({p for p, n in prof.pair_counts.items() if n >= need},
            sorted(a for a, n in prof.actor_counts.items() if n >= need), names)


def story_span(date: str | None, end_date: str | None) -> tuple[int, int] | None:
    """First day of a story's date and last day of its end date (ordinals); None when undated."""
    from .stories import day_range

    lo = day_range(date)
    if lo is None:
        return None
    hi = day_range(end_date) or lo
    return lo[0].toordinal(), hi[1].toordinal()


def article_weights(cl: Clusterer, art: ArticleFeatures) -> tuple:
    """(vector, {term: weight x IDF^2}, |words|^2, |features|^2): what :meth:`Clusterer.score` reads of an
    article, the same for every story it meets, so computed once (cached on the article; the vector is
    kept to tell that it is still the one weighed). A dict of floats, not a tuple per term: the garbage
    collector leaves it alone, and a batch holds one per article until it ends."""
    got = art.weighted
    if got is None or got[0] is not art.vector:
        cache, out, nw, nf = cl._idf, {}, 0.0, 0.0
        for t, w in art.vector.items():
            i = cache.get(t)
            if i is None:
                i = cl.idf(t)
            wi = w * i
            out[t] = wi * i
            if t[0] in "@#":
                nf += wi * wi
            else:
                nw += wi * wi
        got = art.weighted = (art.vector, out, nw, nf)
    return got
