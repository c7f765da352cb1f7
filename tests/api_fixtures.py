"""Fixtures for the API and web tests: one real SQLite store per session, built from
- hand-made records (tests/fixtures/web: our own texts with hand-placed spans, a story, a conflict
  between sources, an article full of hostile markup), saved with ``store.save_record``;
- the seed articles and the demo corpus (when present), through ``newsdesk.ingest.ingest_paths``.

Stories, briefings and discrepancies are written here directly into their tables because the corpus
steps that fill them are not built yet; everything else goes through the library.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from newsdesk.config import Settings, load_settings
from newsdesk.ingest import ingest_paths
from newsdesk.records import (
    Amount, ArticleRecord, CleanDoc, Dropped, Entity, Event, Meta, Mention, Party, Place, Quote, Span, TimeExpr,
)
from newsdesk.store import Store, open_store
from newsdesk.store import schema as s

TESTS = Path(__file__).resolve().parent
WEB = TESTS / "fixtures" / "web"
SEEDS = TESTS.parents[0].parent / "shared" / "corpus" / "seeds"
DEMO = TESTS.parents[0] / "examples" / "corpus"
XSS_TITLE = "Forum markup <script>window.__xss=1</script> test"


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def build_record(name: str, a: dict[str, Any], entities: dict[str, Entity]) -> ArticleRecord:
    """An ArticleRecord from a fixture description; every offset is found in the text, so
    ``text[start:end] == item.text`` holds by construction."""
    text = a["text"]
    dropped_text = "\n".join(d["text"] for d in a.get("dropped", []))
    source_text = text + "\n\n" + dropped_text
    dropped, pos = [], len(text) + 2
    for d in a.get("dropped", []):
        dropped.append(Dropped(d["text"], d["reason"], pos, pos + len(d["text"])))
        pos += len(d["text"]) + 1
    meta = Meta(title=a["title"], outlet=a["outlet"], url=a.get("url"), published=a["published"],
                published_from="hint", language="en")
    rec = ArticleRecord(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=f"fixture:{name}", kind="text",
                        raw=text, encoding="utf-8",
                        clean=CleanDoc(text=text, source_text=source_text, offsets=[(0, 0, len(text))],
                                       dropped=dropped, meta=meta))
    seen: dict[str, int] = {}
    for surface, key in a.get("mentions", []):
        st, en = _span(text, surface, seen.get(surface, 0))
        seen[surface] = seen.get(surface, 0) + 1
        rec.mentions.append(Mention(st, en, surface, key, how="registry"))
    for surface, speaker, key, verb in a.get("quotes", []):
        rec.quotes.append(Quote(*_span(text, surface), surface, speaker=speaker, speaker_entity=key, verb=verb))
    for surface, value, unit, about in a.get("amounts", []):
        rec.amounts.append(Amount(*_span(text, surface), surface, float(value), unit, about=about))
    for surface, value, precision in a.get("times", []):
        rec.times.append(TimeExpr(*_span(text, surface), surface, value, precision))
    for surface, key, pname, country, lat, lon in a.get("places", []):
        rec.places.append(Place(*_span(text, surface), surface, key, pname, country, lat, lon, feature="city"))
    for (etype, an, ak, ac, tn, tk, tc, date, evidence, loc, lc, lat, lon) in a.get("events", []):
        location = {"name": loc, "country": lc, "lat": lat, "lon": lon} if loc else None
        rec.events.append(Event(etype, None, Party(an, ak, ac), Party(tn, tk, tc), date,
                                "day" if len(date) == 10 else "month", location, "happened",
                                [Span(*_span(text, evidence), evidence)], "fixture", 0.9))
    keys = {m.entity for m in rec.mentions} | {p.entity for p in rec.places}
    rec.entities = [entities[k] for k in sorted(keys) if k in entities]
    return rec


@dataclass
class WebCorpus:
    db: str
    story_id: str
    pact: list[ArticleRecord]  # the two story articles
    hostile: ArticleRecord
    seeds: list[str] = field(default_factory=list)


def hostile_record() -> ArticleRecord:
    text = (WEB / "hostile_markup.txt").read_text(encoding="utf-8").strip()
    art = {"title": XSS_TITLE, "outlet": "Forum <b>Weekly</b>", "published": "2031-02-20",
           "url": "javascript:alert(4)", "text": text,
           "dropped": [{"text": "<script>window.__xss=5</script> share this", "reason": "share <i>bar</i>"}],
           "mentions": [["Ines Okafor", "loc:PERSON:ines-okafor"]],
           "quotes": [["Nothing typed by a reader should ever run in another reader's browser", "Ines Okafor",
                       "loc:PERSON:ines-okafor", "said"]],
           "times": [["Friday", "2031-02-20", "day"]]}
    ents = {"loc:PERSON:ines-okafor": Entity("loc:PERSON:ines-okafor", "Ines <i>Okafor</i>", "PERSON")}
    return build_record("hostile_markup", art, ents)


def attach_story(store: Store, story: dict[str, Any], recs: list[ArticleRecord]) -> None:
    """Stand-in for the corpus story step: a story row with a cited briefing, and one conflict."""
    a1, a2 = recs
    sign = _span(a1.text, "Chile and Argentina signed an agreement on Tuesday to monitor shrinking glaciers")
    quote = a2.quotes[0]
    summary = [
        {"text": "Chile and Argentina agreed to watch the glaciers on their border together.",
         "evidence": [{"article": a1.id, "start": sign[0], "end": sign[1]}]},
        {"text": "Argentina's foreign minister called it the start of a shared mountain science.",
         "evidence": [{"article": a2.id, "start": quote.start, "end": quote.end}]},
    ]
    claims = [{"article": r.id, "start": r.amounts[0].start, "end": r.amounts[0].end, "text": r.amounts[0].text,
               "outlet": r.meta.outlet} for r in recs]
    with store.engine.begin() as conn:
        conn.execute(s.stories.insert(), {**story, "place": {"name": "Mendoza"}, "summary": summary,
                                          "updated_at": "2031-03-06T00:00:00+00:00"})
        conn.execute(s.articles.update().where(s.articles.c.id.in_([a1.id, a2.id])).values(story_id=story["id"]))
        conn.execute(s.discrepancies.insert(), {"id": "d-fund", "kind": "conflict", "about": "glacier fund size",
                                                "story_id": story["id"], "claims": claims,
                                                "note": "sources disagree on the amount"})


def build_web_corpus(db: str, with_seeds: bool = True) -> WebCorpus:
    settings = load_settings(db=db, workers=1)
    store = open_store(db)
    fixture = json.loads((WEB / "glacier_pact.json").read_text(encoding="utf-8"))
    ents = {e["key"]: Entity(**e) for e in fixture["entities"]}
    pact = [build_record(f"glacier_pact#{n}", a, ents) for n, a in enumerate(fixture["articles"])]
    hostile = hostile_record()
    for rec in (*pact, hostile):
        store.save_record(rec)
    attach_story(store, fixture["story"], pact)
    store.mark_linked([r.id for r in (*pact, hostile)])  # attach_story stands in for linking them
    corpus = WebCorpus(db=db, story_id=fixture["story"]["id"], pact=pact, hostile=hostile)
    if with_seeds:
        paths = sorted(SEEDS.glob("*.txt"))
        assert paths, f"seed corpus not found at {SEEDS}"
        if DEMO.is_dir() and any(p.is_file() for p in DEMO.rglob("*")):
            paths.append(DEMO)
        report = ingest_paths(paths, store, settings, workers=1)
        corpus.seeds = report.added
    store.close()
    return corpus


def app_settings(db: str, **overrides: Any) -> Settings:
    """Server settings for tests; FastAPI's TestClient sends ``Host: testserver``, allowed here."""
    overrides.setdefault("allowed_hosts", ("testserver",))
    return load_settings(db=db, workers=1, **overrides)


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory) -> WebCorpus:
    return build_web_corpus(str(tmp_path_factory.mktemp("web") / "web.db"))


@pytest.fixture(scope="session")
def client(web_corpus):
    """A read client from loopback over the shared session store (do not write through it)."""
    from fastapi.testclient import TestClient

    from newsdesk.server.app import create_app

    with TestClient(create_app(app_settings(web_corpus.db)), client=("127.0.0.1", 40000)) as c:
        yield c


@pytest.fixture()
def small_db(tmp_path) -> WebCorpus:
    """A fresh store with only the hand-made records, for tests that write."""
    return build_web_corpus(str(tmp_path / "small.db"), with_seeds=False)
