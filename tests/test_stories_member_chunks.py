"""The centralities that pick a changed story's title are computed a chunk of stories at a time
(``MEMBER_CHUNK`` members): a batch touching many big stories holds one chunk's member vectors, and the
stories are exactly those computed all at once."""
from __future__ import annotations

import re

from fixtures.corpus.build import make_record

from newsdesk.config import load_settings
from newsdesk.corpus import story_assign, update_corpus
from newsdesk.store import open_store

PLACES = ["Arlo", "Brisk", "Corvel", "Dunmore", "Elst", "Fenwick", "Galt", "Hollin"]
THINGS = ["tram line", "harbour wall", "grain silo", "ferry pier", "water tower", "bus depot", "toll bridge",
          "power plant"]


def _article(i: int, n: int):
    """Report ``n`` of made-up happening ``i`` (a town voting on one works project); the reports differ in
    their last sentences and titles, so the title a story takes is its most central member's."""
    place, thing = PLACES[i], THINGS[i]
    extra = " ".join(f"Councillor {place}son{k} spoke about the {thing} budget." for k in range(n % 3))
    text = (f"The council of {place} voted on Tuesday to build the {thing}. Mayor Jo {place}ley said the "
            f"{thing} would open next year and cost {i + 2} million crowns. {extra} Report {n}.")
    title = f"{place} votes for {thing}, report {n}"
    return make_record(f"t{i}-{n}", text, title=title, outlet="Wire", published=f"2021-05-{3 + i:02d}")


def _fill(db: str, member_chunk: int, monkeypatch) -> tuple[object, list[int]]:
    """Three reports of each happening, then three more of each in a second batch; the member vectors
    each read of the second batch asked for are counted."""
    monkeypatch.setattr(story_assign, "MEMBER_CHUNK", member_chunk)
    store, settings = open_store(db), load_settings(db=db, workers=1)
    first = [_article(i, n) for i in range(len(PLACES)) for n in range(3)]
    for r in first:
        store.save_record(r)
    update_corpus(store, [r.id for r in first], settings)
    reads: list[int] = []
    vectors = store.story_vectors
    monkeypatch.setattr(store, "story_vectors", lambda ids: reads.append(len(set(ids))) or vectors(ids))
    second = [_article(i, n) for i in range(len(PLACES)) for n in range(3, 6)]
    for r in second:
        store.save_record(r)
    update_corpus(store, [r.id for r in second], settings)
    monkeypatch.undo()
    return store, reads


def _stories(store) -> list[tuple]:
    rows = {r["id"]: r for r in store.table_rows("stories")}
    members = {r["id"]: r["articles"] for r in store.story_export_rows()}
    return [(sid, members.get(sid), r["title"], r["date"],
             re.sub(r"'opened': '[^'#]*#", "'opened': '#", str(r["features"]))) for sid, r in sorted(rows.items())]


def test_member_chunks_give_the_stories_one_read_gives(tmp_path, monkeypatch):
    whole, whole_reads = _fill(str(tmp_path / "a.db"), 10_000, monkeypatch)
    chunked, chunk_reads = _fill(str(tmp_path / "b.db"), 4, monkeypatch)
    assert len(whole_reads) == 1 and whole_reads[0] == 8 * 3  # the stored members of all eight stories at once
    # a story of six members is bigger than the chunk: alone; the members read per chunk never pile up
    assert len(chunk_reads) == 8 and max(chunk_reads) == 3
    assert sum(chunk_reads) == whole_reads[0]
    got = _stories(chunked)
    assert got == _stories(whole)
    assert len(got) == 8 and all(len(m) == 6 for _, m, *_ in got)
    assert all(t.startswith(f"{PLACES[int(m[0][1])]} votes for") for _, m, t, *_ in got)
    whole.close()
    chunked.close()


def test_story_chunks_keep_order_and_bound_size():
    stories = [story_assign.Story(f"s{k}", {"members": {}}) for k in range(5)]
    members = {"s0": ["a"] * 3, "s1": ["b"] * 3, "s2": ["c"] * 9, "s3": ["d"], "s4": []}
    story_assign.MEMBER_CHUNK, before = 4, story_assign.MEMBER_CHUNK
    try:
        chunks = story_assign._story_chunks(stories, members)
    finally:
        story_assign.MEMBER_CHUNK = before
    assert [[st.id for st in c] for c in chunks] == [["s0"], ["s1"], ["s2"], ["s3", "s4"]]
