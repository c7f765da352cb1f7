"""Merging stories that turn out to be one happening (single-pass clustering cannot undo a split).

When an article joins a story, the candidate stories it was compared with are compared with that
grown story, centroid to centroid; one at least :func:`merge_threshold` similar, within the story
window and not told apart (no common main actor, no shared rare name) is folded into it. The older
story's id survives (a story loaded from the store is older than one opened in this update; among
stored ones the ``opened`` stamp, then the id, decides), so links to it stay valid. Folding adds the
members and centroid terms of one story to the other; the store moves the absorbed story's articles
and index keys in the same transaction (``save_assignment``); term counts are per article and do not
change.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .story_actors import COMMON_MIN, COMMON_SHARE, disjoint_indexed
from .story_profile import profile

if TYPE_CHECKING:
    from .stories import Clusterer, Story


def age_key(st: Story) -> tuple[str, str]:
    """Sort key, oldest first: stories from before merging existed have no stamp and count as oldest."""
    return (st.features.get("opened") or "", st.id)


def stories_apart(cl: Clusterer, a: Story, b: Story) -> bool:
    """As :meth:`Clusterer.apart` for two stories: no shared event pair, no main actor in common (both
    known) and no shared rare name (one a member names only in a table does not count), so that
    template reports on different companies stay apart."""
    from .stories import DOCS

    pa, pb = profile(a), profile(b)
    if pa.pairs & pb.pairs:
        return False
    if not disjoint_indexed(pa.actors, pb.actors, pb.actor_index()):
        return False
    common = max(COMMON_MIN, COMMON_SHARE * cl.df.get(DOCS, 0))
    tables = pa.tables | pb.tables
    return not any(cl.df.get(t, 0) <= common and t not in tables for t in pa.names & pb.names)


def similarity(cl: Clusterer, a: Story, b: Story) -> float:
    """Cosine of two centroids, words and features weighed as in :meth:`Clusterer.score`."""
    from .stories import W_FEAT, W_TEXT

    parts = {"w": [0.0, 0.0, 0.0], "f": [0.0, 0.0, 0.0]}
    ta, tb = a.features["terms"], b.features["terms"]
    for t, w in ta.items():  # in the order of ``ta``; a term ``b`` lacks would add 0.0, which changes no sum
        wb = tb.get(t)
        if wb is not None:
            kind = parts["f" if t[0] in "@#" else "w"]
            kind[0] += w * wb * cl.idf(t) ** 2
    (parts["w"][1], parts["f"][1]), (parts["w"][2], parts["f"][2]) = cl._norms(a), cl._norms(b)
    cos = {k: (v[0] / math.sqrt(v[1] * v[2]) if v[1] and v[2] else 0.0) for k, v in parts.items()}
    w_feat = W_FEAT if parts["f"][1] and parts["f"][2] else 0.0
    return cos["w"] * (W_TEXT + W_FEAT - w_feat) + w_feat * cos["f"]


def in_window(cl: Clusterer, a: Story, b: Story) -> bool:
    """Whether two stories' date spans come within the story window of each other (undated: yes)."""
    return dates_within(cl, (a.features.get("date"), a.features.get("end_date")),
                        (b.features.get("date"), b.features.get("end_date")))


def dates_within(cl: Clusterer, a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    """As :func:`in_window`, on (date, end date) pairs."""
    from .stories import day_range

    ra, rb = day_range(a[0]), day_range(b[0])
    if ra is None or rb is None:
        return True
    ea = day_range(a[1]) or ra
    eb = day_range(b[1]) or rb
    return max((ra[0] - eb[1]).days, (rb[0] - ea[1]).days, 0) <= cl.settings.story_window_days


def merge_threshold(cl: Clusterer, a: Story, b: Story) -> float:
    """``story_merge_threshold`` while the two stories hold at most ``story_merge_big`` reports together,
    ``story_merge_threshold_big`` beyond: the centroid of a big story leans toward its topic, so its
    closeness to another story says less about their being one happening."""
    s = cl.settings
    n = profile(a).reports + profile(b).reports  # reports counted once per story state
    return s.story_merge_threshold if n <= s.story_merge_big else max(s.story_merge_threshold, s.story_merge_threshold_big)


def merge_close(cl: Clusterer, st: Story, cands: list[str]) -> Story:
    """Fold into ``st`` (a story that just grew) the candidate stories whose centroids are now close to
    it: at least :func:`merge_threshold` similar, within the window and not told apart.

    Each is tested against the dates of the story as merged so far, closest first: an undated story
    is within every window, and folding two stories of far-apart dates into it would make one story of
    two happenings months apart."""
    close = []
    for sid in cands:
        o = cl.stories.get(sid)
        if o is None or o is st or not in_window(cl, st, o) or stories_apart(cl, st, o):
            continue
        sim = similarity(cl, st, o)
        # the base threshold first: members are counted only for stories close enough to need it
        if sim >= cl.settings.story_merge_threshold and sim >= merge_threshold(cl, st, o):
            close.append((sim, o))
    if not close:
        return st
    close = _dated_together(cl, st, close)
    keep = min([st, *close], key=age_key)
    for o in [st, *close]:
        if o is not keep:
            fold(cl, keep, o)
    return keep


def _dated_together(cl: Clusterer, st: Story, close: list[tuple[float, Story]]) -> list[Story]:
    """The close stories (in their given order) that stay within the window of the merged story's
    dates as they are folded in, closest first (the dates are voted again after each)."""
    from .stories import summarise_dates

    def dates(f: dict[str, Any]) -> tuple[Any, Any]:
        return f.get("date"), f.get("end_date")

    merged = {"members": dict(st.features["members"]), "date": st.features.get("date"),
              "end_date": st.features.get("end_date")}
    taken: set[str] = set()
    for _, o in sorted(close, key=lambda x: (-x[0], x[1].id)):
        if not dates_within(cl, dates(merged), dates(o.features)):
            continue
        merged["members"].update(o.features["members"])
        summarise_dates(merged, cl.settings)
        taken.add(o.id)
    return [o for _, o in close if o.id in taken]


def fold(cl: Clusterer, keep: Story, gone: Story) -> None:
    """Move every member and centroid term of ``gone`` into ``keep``; ``gone`` leaves the clusterer."""
    from .stories import CENTROID_TERMS, summarise_dates

    f, g = keep.features, gone.features
    f["members"].update(g["members"])
    keep.rivals |= gone.rivals | ({g["lead"]} if "lead" in g else set(g["members"]))  # who may take the title
    terms = f["terms"]
    for t, w in g["terms"].items():
        terms[t] = terms.get(t, 0.0) + w
        cl.postings[t].discard(gone.id)
    if len(terms) > CENTROID_TERMS:
        top = sorted(terms, key=lambda t: (-terms[t] * cl.idf(t), t))[:CENTROID_TERMS]
        f["terms"] = {t: round(terms[t], 5) for t in top}
    summarise_dates(f, cl.settings)
    del cl.stories[gone.id]
    cl.absorbed[gone.id] = keep.id
    for sid, into in list(cl.absorbed.items()):  # an earlier fold into ``gone`` now points at ``keep``
        if into == gone.id:
            cl.absorbed[sid] = keep.id
    keep.changed = True
    cl._index(keep)


def resolve(absorbed: dict[str, str], sid: str) -> str:
    """The story an id now lives in (itself unless absorbed)."""
    seen = set()
    while sid in absorbed and sid not in seen:
        seen.add(sid)
        sid = absorbed[sid]
    return sid


def stamp(features: dict[str, Any], opened: str) -> None:
    features.setdefault("opened", opened)
