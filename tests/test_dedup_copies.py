"""Near-duplicates and syndicated copies point at the original; nothing changes on a second run."""
from __future__ import annotations

from fixtures.corpus.build import check_provenance, make_record, text_of

from newsdesk.corpus import update_corpus
from newsdesk.corpus.dedup import from_bytes, republication_sources, signature, to_bytes

WIRE = text_of("xi_moscow_2019_wire.txt")
OTHER = text_of("putin_modi_2021_delhi.txt")


def dup_of(store):
    return {a["id"]: a["duplicate_of"] for a in store.list_articles()}


def save(store, *recs):
    for r in recs:
        check_provenance(r)
        store.save_record(r)
    return [r.id for r in recs]


def test_dedup_exact_copy_points_to_earliest_whatever_the_order(store, settings):
    copy = make_record("copy", WIRE, outlet="Daily Gazette", published="2019-06-06")
    orig = make_record("orig", WIRE.replace("Wednesday", "Wednesday "), outlet="Wire", published="2019-06-05")
    update_corpus(store, save(store, copy), settings)
    assert dup_of(store)["copy"] is None
    update_corpus(store, save(store, orig), settings)  # the original arrives later
    assert dup_of(store) == {"copy": "orig", "orig": None}


def test_dedup_copy_with_added_paragraph_is_found_by_containment(store, settings):
    local = text_of("xi_moscow_2019_analysis.txt")
    longer = WIRE + "\n\n" + local  # an outlet carries the wire story and adds its own material
    ids = save(store, make_record("w", WIRE, outlet="Wire", published="2019-06-05"),
               make_record("l", longer, outlet="Evening Post", published="2019-06-06"),
               make_record("u", OTHER, outlet="Delhi Times", published="2021-12-06"))
    update_corpus(store, ids, settings)
    assert dup_of(store) == {"w": None, "l": "w", "u": None}


def test_dedup_an_article_carrying_two_stories_does_not_join_them(store, settings):
    both = WIRE + "\n\n" + OTHER
    ids = save(store, make_record("a", both, outlet="Digest", published="2021-12-07"),
               make_record("w", WIRE, outlet="Wire", published="2019-06-05"),
               make_record("u", OTHER, outlet="Delhi Times", published="2021-12-06"))
    update_corpus(store, ids, settings)
    d = dup_of(store)
    assert d["w"] is None and d["u"] is None and d["a"] in ("w", "u")


def test_dedup_republication_note_links_an_edited_copy(store, settings):
    paras = WIRE.split("\n\n")
    edited = "\n\n".join(paras[:3]) + "\n\nLocal reaction was muted, according to shopkeepers we spoke to in the city."
    noted = make_record("n", edited, outlet="Alumni Digest", published="2019-06-09",
                        dropped=["This article was republished from Wire Service News with permission."])
    ids = save(store, make_record("o", WIRE, outlet="Wire Service News", published="2019-06-05"), noted)
    assert republication_sources(store.dedup_rows(["n"])[0]) == ["wire service news"]
    update_corpus(store, ids, settings)
    assert dup_of(store)["n"] == "o"


def test_dedup_wire_credit_marks_the_carrier_not_the_agency(store, settings):
    body = WIRE.replace("MOSCOW, June 5, 2019 -", "MOSCOW (Reuters) -")
    carried = body + "\n\nAdditional reporting by our Moscow bureau."
    ids = save(store, make_record("carrier", carried, outlet="Morning Herald", published="2019-06-05"),
               make_record("agency", body, outlet="Reuters", published="2019-06-05"))
    update_corpus(store, ids, settings)
    assert dup_of(store) == {"carrier": "agency", "agency": None}


def test_dedup_unrelated_articles_stay_apart_and_rerun_changes_nothing(store, settings):
    names = ["xi_moscow_2019_wire.txt", "xi_moscow_2019_daily.txt", "xi_moscow_2019_analysis.txt",
             "us_sanctions_huawei_2019.txt", "putin_modi_2021_delhi.txt"]
    ids = save(store, *(make_record(f"a{i}", text_of(n)) for i, n in enumerate(names)))
    report = update_corpus(store, ids, settings)
    assert report.duplicates == {} and set(dup_of(store).values()) == {None}
    sigs = dict(store.signatures())
    assert sorted(sigs) == sorted(ids)
    assert from_bytes(sigs["a0"]).jaccard(signature(text_of(names[0]))) == 1.0
    assert to_bytes(from_bytes(sigs["a1"])) == sigs["a1"]
    again = update_corpus(store, ids, settings)
    assert again.duplicates == {} and again.merged == {} and dict(store.signatures()) == sigs
