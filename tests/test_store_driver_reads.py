"""The reads synthesis, claim grouping and duplicate detection make of big stories go through the SQLite
driver's own statements (store/corpus.py ``_in_tuples``, linking.band_candidates): each must give what
its SQLAlchemy form gives, the same values of the same types in the same order, on SQLite and PostgreSQL."""
from __future__ import annotations

import random
from typing import Any

from sqlalchemy import insert, select

from newsdesk.store import open_store
from newsdesk.store import schema as s
from pg_fixtures import pg_databases  # noqa: F401  (fixture)

N = 640  # articles: more than one chunk of 500 ids


def _fill(store: Any) -> None:
    """Rows of every table these reads touch, with NULLs, booleans, floats and nested JSON."""
    rng = random.Random(11)
    arts, amounts, claims, quotes, qfeats, mentions, ents, links, bands, sigs = ([] for _ in range(10))
    lemmas = [f"lem{k}" for k in range(30)]
    for i in range(N):
        aid = f"a{i:04d}"
        text = f"Le conseil n°{i} a voté 3,5 millions d'euros — «oui» dit Zoë. " * 2
        arts.append({"id": aid, "source": f"src{i}", "kind": "html", "authors": [], "text": text, "raw": "",
                     "source_text": "", "offsets": [], "dropped": [], "captions": [], "flags": {}, "warnings": [],
                     "evidence": {"notes": [f"via {i % 7}"], "score": i / 3} if i % 3 else {},
                     "sentences": [[0, 40], [40, 80]], "outlet": None if i % 5 == 0 else f"Outlet {i % 4}",
                     "url": f"https://x.test/{i}", "title": f"Titre {i}", "published": None if i % 6 == 0 else
                     f"2021-03-{1 + i % 28:02d}", "duplicate_of": f"a{i - 1:04d}" if i % 9 == 1 else None,
                     "story_id": f"s{i % 13}" if i % 4 else None, "ingested_at": "2021-01-01T00:00:00"})
        for k in range(rng.randrange(0, 4)):
            am = f"{aid}:am{k}"
            amounts.append({"id": am, "article_id": aid, "start": rng.randrange(0, 60), "end": 70, "text": "3,5",
                            "value": rng.choice([3.5, 1e9, 0.1 + 0.2, -2.0]), "unit": "EUR", "approx": k % 2 == 0,
                            "qualifier": None if k else "about", "about": "budget", "about_entity": None,
                            "date": "2021" if k else None, "original_value": None, "original_unit": None})
            if rng.random() < 0.7:
                claims.append({"amount_id": am, "article_id": aid, "block": f"EUR|{k}", "grp": None,
                               "features": {"described": k != 1, "terms": ["budget", "vote"], "vector": None,
                                            "actor_spans": [[0, 9]], "ratio": 1 / 3, "name": "Zoë"}})
        for k in range(rng.randrange(0, 3)):
            qid = f"{aid}:q{k}"
            quotes.append({"id": qid, "article_id": aid, "start": rng.randrange(0, 60), "end": 75, "text": "oui",
                           "partial": k == 1, "speaker": "Zoë" if k else None, "speaker_entity": None,
                           "speaker_description": None, "speaker_inferred": bool(k), "verb": "dit",
                           "speaker_how": None, "speaker_confidence": 0.75 if k else None,
                           "source_start": None, "source_end": None, "source_text": None})
            if (i + k) % 3:
                qfeats.append({"quote_id": qid, "article_id": aid, "features": {"lemmas": rng.sample(lemmas, 3)}})
        for k in range(rng.randrange(0, 5)):
            mentions.append({"article_id": aid, "start": rng.randrange(0, 80), "end": 85, "text": "Zoë",
                             "entity": f"e{rng.randrange(40)}", "how": "name", "description": None})
        for b in rng.sample(range(200), 3):
            bands.append({"band": b * 2 ** 40 + b, "article_id": aid})
        sigs.append({"article_id": aid, "minhash": bytes([i % 256, 0, 255]) * 4})
    for k in range(40):
        ents.append({"key": f"e{k}", "name": f"Entité {k}", "type": "PERSON" if k % 2 else "ORG",
                     "wikidata": None, "country": "FRA" if k % 3 else None, "sector": None,
                     "lat": 48.85 if k % 4 else None, "lon": 2.35, "geonames_id": k if k % 5 else None})
        if k % 3 == 0:
            links.append({"key": f"e{k}", "canonical": f"e{k + 1}"})
    vecs = [{"lemma": w, "vector": f"AAAA{j}"} for j, w in enumerate(lemmas) if j % 4]
    with store.engine.begin() as conn:
        for table, rows in ((s.articles, arts), (s.amounts, amounts), (s.claims, claims), (s.quotes, quotes),
                            (s.quote_features, qfeats), (s.lemma_vectors, vecs), (s.mentions, mentions),
                            (s.entities, ents), (s.entity_links, links), (s.minhash_bands, bands),
                            (s.signatures, sigs)):
            conn.execute(insert(table), rows)


# -- the reads as they were (SQLAlchemy rows, one dict per row and another merged from it) ----------------
def _old_items(store: Any, name: str, ids: list[str]) -> list[dict[str, Any]]:
    table = getattr(s, name)
    rows = store._in_chunks(select(table), table.c.article_id, ids)
    if name == "amounts":
        feats = {r["amount_id"]: r["features"] for r in store._in_chunks(
            select(s.claims.c.amount_id, s.claims.c.features), s.claims.c.article_id, ids)}
        rows = [{**r, "claim": feats.get(r["id"])} for r in rows]
    if name == "quotes":
        qf = {r["quote_id"]: r["features"] for r in store._in_chunks(
            select(s.quote_features.c.quote_id, s.quote_features.c.features), s.quote_features.c.article_id, ids)}
        lemmas = {w for f in qf.values() for w in f["lemmas"]}
        vecs = {r["lemma"]: r["vector"] for r in store._in_chunks(select(s.lemma_vectors), s.lemma_vectors.c.lemma,
                                                                    lemmas)}
        rows = [{**r, "content": None if r["id"] not in qf else
                 {**qf[r["id"]], "vectors": {w: vecs[w] for w in qf[r["id"]]["lemmas"] if w in vecs}}}
                for r in rows]
    key = (lambda r: (r["article_id"], r["start"], str(r["id"]))) if "start" in table.c else \
        (lambda r: (r["article_id"], str(r["id"])))
    return sorted(rows, key=key)


def _old_articles(store: Any, ids: list[str], cols: list[str]) -> list[dict[str, Any]]:
    a = s.articles
    return sorted(store._in_chunks(select(*(a.c[c] for c in cols)), a.c.id, ids), key=lambda r: r["id"])


def _old_claim_amounts(store: Any, amount_ids: list[str]) -> list[dict[str, Any]]:
    rows = store._in_chunks(select(s.amounts), s.amounts.c.id, amount_ids)
    feats = {r["amount_id"]: r["features"] for r in store._in_chunks(
        select(s.claims.c.amount_id, s.claims.c.features), s.claims.c.amount_id, amount_ids)}
    rows = [{**r, "claim": feats.get(r["id"])} for r in rows]
    return sorted(rows, key=lambda r: (r["article_id"], r["start"], str(r["id"])))


def _old_canonical(store: Any, keys: list[str]) -> dict[str, str]:
    keys = sorted({k for k in keys if k})
    out = {k: k for k in keys}
    for r in store._in_chunks(select(s.entity_links), s.entity_links.c.key, keys):
        out[r["key"]] = r["canonical"]
    return out


def _old_bands(store: Any, bands: list[int], exclude: list[str]) -> list[str]:
    b = s.minhash_bands
    out: set[str] = set()
    with store.engine.connect() as conn:
        for k in range(0, len(bands), 500):
            chunk = sorted(set(bands))[k:k + 500]
            out.update(conn.execute(select(b.c.article_id).where(b.c.band.in_(chunk)).distinct()).scalars())
    return sorted(out - set(exclude))


def _same(got: Any, want: Any) -> None:
    """Equal values of equal types, keys in the same order (repr tells True from 1 and 1.0 from 1)."""
    assert got == want
    assert repr(got) == repr(want)


def test_driver_reads_equal_their_sqlalchemy_form_on_sqlite_and_postgresql(tmp_path, pg_databases):  # noqa: F811
    for db in (str(tmp_path / "r.db"), pg_databases.create()):
        store = open_store(db)
        _fill(store)
        ids = [f"a{i:04d}" for i in range(0, N, 1)] + ["absent"]
        some = ids[::7]
        for name in ("amounts", "quotes", "mentions"):
            for asked in (ids, some, []):
                got = store.synthesis_items(name, asked)
                _same(got, _old_items(store, name, asked))
            assert len(store.synthesis_items(name, ids)) > 300
        amounts = store.synthesis_items("amounts", ids)
        assert any(a["claim"] is None for a in amounts) and any(a["claim"] for a in amounts)
        assert {type(a["approx"]) for a in amounts} == {bool}
        quotes = store.synthesis_items("quotes", ids)
        assert any(q["content"] is None for q in quotes) and any(q["content"] for q in quotes)
        _same(store.synthesis_articles(ids), _old_articles(store, ids, ["id", "outlet", "url", "title", "published",
                                                                         "text", "sentences", "duplicate_of",
                                                                         "story_id", "evidence"]))
        _same(store.claim_articles(some), _old_articles(store, some, ["id", "outlet", "text", "sentences",
                                                                      "duplicate_of", "story_id"]))
        am_ids = [a["id"] for a in amounts][::2] + ["none"]
        _same(store.claim_amounts(am_ids), _old_claim_amounts(store, am_ids))
        keys = [f"e{k}" for k in range(45)] + [None, ""]
        _same(store.canonical_keys(keys), _old_canonical(store, keys))
        _same(store.entity_rows(keys[:45]), {r["key"]: r for r in store._in_chunks(select(s.entities),
                                                                                   s.entities.c.key, keys[:45])})
        _same(store.article_outlets(some), {r["id"]: r["outlet"] for r in store._in_chunks(
            select(s.articles.c.id, s.articles.c.outlet), s.articles.c.id, some)})
        for b in ([5 * 2 ** 40 + 5, 17 * 2 ** 40 + 17], [k * 2 ** 40 + k for k in range(200)], [3]):
            _same(store.band_candidates(b, exclude=["a0003"]), _old_bands(store, b, ["a0003"]))
        assert len(store.band_candidates([k * 2 ** 40 + k for k in range(200)])) == N
        every = [k * 2 ** 40 + k for k in range(210)]  # 200 held, 10 no article has
        with store.engine.connect() as conn:
            want: dict[int, set[str]] = {}
            for band, aid in conn.execute(select(s.minhash_bands.c.band, s.minhash_bands.c.article_id)):
                want.setdefault(band, set()).add(aid)
        assert store.band_members(every) == want and len(want) == 200
        assert store.band_members(every[:3]) == {k: want[k] for k in every[:3]}
        _same(store.signatures_of([]), {})
        store.close()


def test_paused_gc_restores_the_collector_as_it_found_it():
    import gc

    import pytest

    from newsdesk.store.corpus import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), paused_gc():
        raise KeyError("a read failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
