"""Assigning newly stored articles to stories, incrementally over the store (see :mod:`.stories`).

Candidate stories come from the ``story_keys`` index; everything is saved in one transaction.
"""
from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..config import Settings
from .stories import (DOCS, KEY_MAX_DF, KEY_TERMS, ArticleFeatures, Clusterer, Story, article_features,
                      story_span)
from .story_actors import actor_names, main_actors
from .story_merge import resolve
from .timeline import describe_event

LOAD_STORIES = 256  # stored stories read by one query while assigning (bounds what loading early holds)
MEMBER_CHUNK = 2000  # members whose vectors are held at once while centralities are computed


def story_row(st: Story, members: dict[str, dict[str, Any]], events: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The ``stories`` row: title, date, end date, place, derived from the story's members.

    The title is the most central of the scored ``members`` that has one (non-copy members first), else
    the main event's description, else the first sentence of the most central one's text; the member it
    came from (the most central one when none has a title) is kept as ``features["lead"]``."""
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
    title = lead = None
    for aid in sorted(notes, key=lambda a: -members.get(a, {}).get("centrality", 0.0)):
        title = (members.get(aid) or {}).get("title")
        if title:
            lead = aid
            break
    first = next(iter(sorted(members, key=lambda a: -members[a].get("centrality", 0.0))), None)
    if not title and main_event:
        title = describe_event(main_event)
    if not title:
        text = (members.get(first) or {}).get("text") or ""
        title = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0][:120] or st.id
    if lead or first:
        f["lead"] = lead or first
    return {"id": st.id, "title": title, "date": f["date"], "end_date": f["end_date"], "place": place,
            "summary": [], "features": f}


def key_terms(f: ArticleFeatures, idf: Any, df: dict[str, int]) -> list[str]:
    """An article's index keys: its strongest terms by weight x IDF that are rare enough to block on."""
    ranked = sorted((t for t in f.vector if df.get(t, 0) <= KEY_MAX_DF), key=lambda t: (-f.vector[t] * idf(t), t))
    return ranked[:KEY_TERMS]


def candidate_stories(store: Any, feats: Sequence[ArticleFeatures], art_keys: dict[str, list[str]],
                      probe: Clusterer, limit: int) -> dict[str, list[str]]:
    """Per article, the stored stories it may join: those sharing an index key with it and within its date
    window (two columns read, no centroid loaded), the ``limit`` with the most shared key weight (the IDF
    of each shared key, so that one rare shared name outweighs common words).

    Only these stories are loaded and scored, so the cost of a batch is bounded by ``limit`` per
    article however many stories share its common keys; stories opened in the batch stay candidates.
    """
    spans_of = {f.id: probe.article_span(f) for f in feats}
    window = probe.settings.story_window_days
    dated = [sp for f in feats if f.id in art_keys and (sp := spans_of[f.id]) is not None]
    # dated articles read the postings of stories in the months their windows reach; undated ones all
    hits, dates = store.stories_with_keys({k for f in feats if spans_of[f.id] is not None
                                           for k in art_keys.get(f.id, [])}, months=_month_runs(dated, window))
    undated_keys = {k for f in feats if spans_of[f.id] is None for k in art_keys.get(f.id, [])}
    hits_all, more = store.stories_with_keys(undated_keys) if undated_keys else ({}, {})
    dates.update(more)
    spans = {sid: story_span(date, end) for sid, (date, end) in dates.items()}  # parsed once per story
    out: dict[str, list[str]] = {}
    for f in feats:
        weight: dict[str, float] = {}
        span = spans_of[f.id]
        postings = hits if span is not None else hits_all
        for k in art_keys.get(f.id, []):
            w = probe.idf(k)
            for sid in postings.get(k, ()):
                weight[sid] = weight.get(sid, 0) + w
        near = [sid for sid in weight if sid in spans and probe.within(span, spans[sid])]
        out[f.id] = heapq.nsmallest(limit, near, key=lambda sid: (-weight[sid], sid))  # = sorted(...)[:limit]
    return out


def _month_runs(spans: list[tuple[int, int]], window: int) -> list[tuple[int, int]]:
    """The months (year * 12 + month - 1) the windows of these article spans (day ordinals) reach, as
    runs of consecutive months."""
    top = dt.date.max.toordinal()
    months: set[int] = set()
    for lo, hi in spans:
        a, b = dt.date.fromordinal(max(1, lo - window)), dt.date.fromordinal(min(top, hi + window))
        months.update(range(a.year * 12 + a.month - 1, b.year * 12 + b.month))
    runs: list[tuple[int, int]] = []
    for m in sorted(months):
        if runs and runs[-1][1] == m - 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


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
    # the words of actor names too: main_actors reads their counts, whatever candidates load below
    words = {w for a in arts.values() for n in actor_names(a, info) for w in n.split()}
    df: dict[str, int] = Counter(store.term_counts(set(counts) | {t for f in feats for t in f.vector} | words | {DOCS}))
    df.update(counts)
    probe = Clusterer([], dict(df), settings)
    n_docs = df.get(DOCS, 0)
    art_keys = {f.id: key_terms(f, probe.idf, df) for f in feats if not f.copy_of}
    cands = candidate_stories(store, feats, art_keys, probe, settings.story_candidates)
    original_of = store.story_ids_of({f.copy_of for f in feats if f.copy_of})
    needs = {f.id: set(cands.get(f.id, ())) | ({original_of[f.copy_of]} if f.copy_of in original_of else set())
             for f in feats}
    cl = Clusterer([], dict(df), settings)
    for f in feats:
        f.keys = art_keys.get(f.id, [])
        f.candidates = set(cands.get(f.id, ()))
    for f in feats:  # after the counts, so that template words common in the corpus name no actor
        f.actors = main_actors(arts[f.id], info, cl.df, n_docs)
    # originals before copies, then by date, so that a batch is clustered in a stable order
    order = sorted(feats, key=lambda f: (f.copy_of is not None, f.date or "9999", f.id))
    # stored stories are loaded just before the first article that may join them and forgotten after
    # the last (unless changed), so a batch's memory holds its date neighbourhood, not every candidate
    last = {sid: k for k, f in enumerate(order) for sid in needs[f.id]}
    done_at: dict[int, list[str]] = defaultdict(list)
    for sid, k in last.items():
        done_at[k].append(sid)
    assign = {}
    asked_before = set(cl.df)
    upto = 0  # the stored stories order[:upto] may join are loaded
    for k, f in enumerate(order):
        if k == upto:  # the next articles' stories not held yet, read together (one query, not one per article)
            upto, missing = _load_window(order, needs, k, set(cl.stories) | set(cl.absorbed))
            if missing:
                rows = store.story_features(missing)
                # the counts of their centroid terms (they weigh its terms), read before any is scored
                asked: set[str] = set()
                for r in rows:  # set.update walks each centroid's terms in C (a window names ~100k)
                    asked.update((r.get("features") or {}).get("terms", ()))
                asked -= asked_before
                cl.df.update(store.term_counts(asked))
                asked_before |= asked
                cl.load(rows)
        assign[f.id] = cl.assign(f)
        for sid in done_at.get(k, ()):
            cl.evict(sid)
    assign = {a: resolve(cl.absorbed, sid) for a, sid in assign.items()}  # stories merged on the way
    absorbed = {sid: resolve(cl.absorbed, sid) for sid in cl.absorbed}
    changed = [st for st in cl.stories.values() if st.changed]
    members = store.story_members([st.id for st in changed])
    for sid, into in store.story_members(sorted(absorbed)).items():  # stored members of merged stories
        members[absorbed[sid]] = sorted(set(members.get(absorbed[sid], [])) | set(into))
    for st in changed:
        members.setdefault(st.id, [])
        members[st.id] = sorted(set(members[st.id]) | {a for a, s in assign.items() if s == st.id})
    # the vectors centralities read (entity links left out, as they always were): new articles' now
    fresh = {f.id: f.vector if all(canonical.get(m["entity"], m["entity"]) == m["entity"]
                                   for m in arts[f.id]["mentions"]) else article_features(arts[f.id], {}).vector
             for f in feats}
    new_of: dict[str, set[str]] = defaultdict(set)
    for aid, sid in assign.items():
        new_of[sid].add(aid)
    # whose centrality decides the title: a story that kept a lead compares it, the leads of stories folded
    # into it and its new members; one without (opened in this batch, or stored before leads) all members
    scored = {st.id: members[st.id] if "lead" not in st.features else
              sorted(({st.features["lead"]} | st.rivals | new_of[st.id]) & set(members[st.id])) for st in changed}
    rows, vectors = _member_rows(store, cl, changed, scored, fresh)
    event_ids = {m["event"] for st in changed for m in st.features["members"].values() if m["event"]}
    events = {e["id"]: e for e in store.events_by_id(event_ids)} if event_ids else {}
    index: dict[str, set[str]] = defaultdict(set)
    for aid, ks in art_keys.items():
        index[assign[aid]].update(ks)
    store.save_assignment([story_row(st, rows.get(st.id, {}), events) for st in sorted(changed, key=lambda s: s.id)],
                          assign, dict(counts), dict(index), absorbed, vectors)
    return {**done, **assign}


def _load_window(order: list[ArticleFeatures], needs: dict[str, set[str]], k: int, held: set[str]
                 ) -> tuple[int, set[str]]:
    """From article ``k`` on, the articles whose stored stories are read together, and those stories: as
    many articles as keep the stories not ``held`` yet within ``LOAD_STORIES`` (at least one article).

    Loading a story a few articles early changes nothing: a stored story is reached only by the articles
    that list it (candidates, or the story of a copy's original), and it is still forgotten after the last
    of them, so a batch holds at most ``LOAD_STORIES`` more stories than when loading article by article."""
    want: set[str] = set()
    j = k
    while j < len(order):
        more = needs[order[j].id] - held - want
        if j > k and len(want) + len(more) > LOAD_STORIES:
            break
        want |= more
        j += 1
    return j, want


def _member_rows(store: Any, cl: Clusterer, changed: list[Story], members: dict[str, list[str]],
                 fresh: dict[str, dict[str, float]]) -> tuple[dict[str, dict[str, dict[str, Any]]],
                                                              dict[str, dict[str, float]]]:
    """Title, text and centrality (cosine to the centroid) of each changed story's ``members`` (those whose
    centrality decides its title), and the vectors to store (this batch's articles, and members stored
    before vectors were).

    A member's centrality reads its stored vector and the date, source and place its story notes hold
    (what :func:`article_features` would give again), so a big story's members are not read and
    tokenised again each time it grows; their texts are read only for a story none of whose members
    has a title (the title then comes from a text). Stories are done a chunk at a time (about
    ``MEMBER_CHUNK`` members), so that a batch touching many big stories holds one chunk's vectors."""
    save = dict(fresh)
    notes = {a: n for st in changed for a, n in st.features["members"].items()}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for chunk in _story_chunks(changed, members):
        out.update(_chunk_rows(store, cl, chunk, members, notes, fresh, save))
    return out, save


def _story_chunks(changed: list[Story], members: dict[str, list[str]]) -> list[list[Story]]:
    """The changed stories in runs of about ``MEMBER_CHUNK`` members (a bigger story alone)."""
    chunks: list[list[Story]] = []
    size = 0
    for st in changed:
        n = len(members.get(st.id, []))
        if not chunks or size + n > MEMBER_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(st)
        size += n
    return chunks


def _chunk_rows(store: Any, cl: Clusterer, changed: list[Story], members: dict[str, list[str]],
                notes: dict[str, dict[str, Any]], fresh: dict[str, dict[str, float]],
                save: dict[str, dict[str, float]]) -> dict[str, dict[str, dict[str, Any]]]:
    """:func:`_member_rows` for one chunk of stories; the vectors of legacy members go into ``save``."""
    ids = {a for st in changed for a in members.get(st.id, [])}
    vectors = {**store.story_vectors(ids - set(fresh)), **{a: v for a, v in fresh.items() if a in ids}}
    meta = store.article_meta(ids)
    untitled: set[str] = set()
    for st in changed:  # as story_row picks titles: from the non-copy members (all when only copies)
        f, own = st.features["members"], set(members.get(st.id, []))
        picks = [a for a, m in f.items() if not m["copy"]] or list(f)
        if not any((meta.get(a) or {}).get("title") for a in picks if a in own):
            untitled |= own
    redo = {a for a in ids if a not in vectors or a not in notes}  # stored before migration 0013
    info = store.story_inputs(redo | untitled) if redo | untitled else {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for st in changed:
        rows = {}
        for aid in members.get(st.id, []):
            if aid not in meta:
                continue
            if aid in redo:
                if aid not in info:
                    continue
                feats = article_features(info[aid], {})
                save[aid] = feats.vector
            else:
                n = notes[aid]
                feats = ArticleFeatures(aid, n["date"], n["source"], vectors[aid], n["place"], None)
            rows[aid] = {"title": meta[aid].get("title"), "centrality": cl.score(feats, st)}
            if aid in info:
                rows[aid]["text"] = info[aid]["text"]
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
