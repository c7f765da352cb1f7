"""Cross-document resolution joins one person spelled two ways and keeps different people apart."""
from __future__ import annotations

from pathlib import Path

from newsdesk.corpus.entities import canonical, resolve_entities, same_person
from newsdesk.ingest import ingest_paths

FIXTURES = Path(__file__).parent / "fixtures"


def test_entities_name_variants_are_one_person_and_namesakes_are_not():
    def same(a, b):
        return same_person(a.split(), b.split())
    assert same("alexander gabuev", "alexander gaubuev")
    assert same("dimitri peskov", "dmitry peskov")
    assert same("joseph r biden", "joseph biden")
    assert not same("john smith", "joan smith")
    assert not same("maria lopez", "mario lopez")
    assert not same("anna petrova", "oleg petrov")
    assert not same("anna petrova", "anna petrov")
    assert not same("wang yi", "wang wei")


def test_entities_resolve_links_across_articles(store, settings, models):
    report = ingest_paths(sorted((FIXTURES / "actors" / "xdoc").glob("*.txt")), store, settings)
    assert len(report.added) == 3
    keys = {e["key"] for e in store.entity_table()}
    assert {"loc:PERSON:alexander gabuev", "loc:PERSON:alexander gaubuev"} <= keys
    # ingest already ran cross-document resolution (newsdesk.corpus.update_corpus)
    assert len(store.table_rows("entity_links")) >= 1
    assert canonical(store, "loc:PERSON:alexander gabuev") == canonical(store, "loc:PERSON:alexander gaubuev")
    assert canonical(store, "loc:PERSON:maria lopez") != canonical(store, "loc:PERSON:mario lopez")
    assert canonical(store, "loc:PERSON:oleg petrov") == "loc:PERSON:oleg petrov"
    peskov = {canonical(store, k) for k in keys if "peskov" in k}
    assert peskov == {models.resources.registry.resolve("dmitry-peskov").key}
    gerasimov = [k for k in keys if "gerasimov" in k]
    assert {canonical(store, k) for k in gerasimov} == {models.resources.registry.resolve("valery-gerasimov").key}
    assert resolve_entities(store, models.resources.registry) == 0  # a second run changes nothing
