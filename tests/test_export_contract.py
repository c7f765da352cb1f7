"""The export contract: every file, every field named in the issues, every span slicing its article."""
from __future__ import annotations

import json

import pytest

from newsdesk.export import export_all
from newsdesk.ingest import ingest_paths
from paths import DEMO, FIXTURES, SEEDS

FIELDS = {
    "articles": {"id", "source", "url", "outlet", "title", "subtitle", "published", "published_from", "authors",
                 "dateline", "dateline_day", "language", "text", "duplicate_of", "dropped"},
    "entities": {"id", "name", "type", "wikidata", "country", "sector", "aliases", "articles", "mentions"},
    "quotes": {"id", "article", "text", "partial", "speaker", "speaker_entity", "speaker_description", "verb",
               "start", "end"},
    "amounts": {"id", "article", "value", "unit", "approx", "about", "date", "text", "start", "end"},
    "times": {"id", "article", "text", "value", "precision", "start", "end"},
    "events": {"id", "type", "mode", "actor", "target", "date", "date_precision", "location", "status",
               "articles", "evidence", "rule", "confidence"},
    "stories": {"id", "title", "date", "end_date", "place", "articles", "events", "summary"},
    "discrepancies": {"id", "kind", "about", "story", "claims"},
    "quote_groups": {"id", "speaker", "quotes"},
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from newsdesk.config import load_settings
    from newsdesk.store import open_store

    tmp = tmp_path_factory.mktemp("export")
    settings = load_settings(db=str(tmp / "x.db"), workers=1)
    store = open_store(settings.db)
    ingest_paths([*sorted(SEEDS.glob("*.txt")), DEMO, FIXTURES / "actors" / "xdoc"], store, settings,
                 actor_files=[DEMO / "actors.csv"])
    export_all(store, tmp / "out")
    rows = {name: [json.loads(line) for line in (tmp / "out" / f"{name}.jsonl").open(encoding="utf-8")]
            for name in FIELDS}
    yield rows
    store.close()


def test_export_contract_fields_present(exported):
    for name, fields in FIELDS.items():
        assert exported[name], f"{name}.jsonl is empty"
        for row in exported[name]:
            assert fields <= set(row), (name, fields - set(row))


def test_export_contract_undated_seeds_carry_their_anchor(exported):
    """No seed page states its publication date: published stays null, the anchor says what was used."""
    seeds = {a["source"].rsplit("/", 1)[-1][:3]: a for a in exported["articles"] if "seeds" in a["source"]}
    assert all(a["published"] is None for a in seeds.values())
    assert seeds["003"]["anchor_date"] == "2022-09-15"  # the summit, not the page header's 2022-10-06
    assert seeds["002"]["anchor_date"] == "2024-05-16"


def test_export_contract_every_span_slices_its_article(exported):
    text = {a["id"]: a["text"] for a in exported["articles"]}
    spans = [(r["article"], r) for name in ("quotes", "amounts", "times") for r in exported[name]]
    spans += [(m["article"], m) for e in exported["entities"] for m in e["mentions"]]
    spans += [(ev["article"], ev) for e in exported["events"] for ev in e["evidence"]]
    spans += [(s["article"], s) for st in exported["stories"] for s in st["summary"]]
    spans += [(c["article"], c) for d in exported["discrepancies"] for c in d["claims"]]
    assert len(spans) > 500
    for article, item in spans:
        assert text[article][item["start"]:item["end"]] == item["text"], (article, item)


def test_export_contract_one_entity_per_person_across_articles(exported):
    by_name = {}
    for e in exported["entities"]:
        for alias in e["aliases"]:
            by_name.setdefault(alias, set()).add(e["id"])
    assert by_name["Xi Jinping"] == {"Q15031"} and by_name["Vladimir Putin"] == {"Q7747"}
    gabuev = [e for e in exported["entities"] if any("Gabuev" in a or "Gaubuev" in a for a in e["aliases"])]
    assert len(gabuev) == 1 and {"Alexander Gabuev", "Alexander Gaubuev"} <= set(gabuev[0]["aliases"])
