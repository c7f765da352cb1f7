"""The centralities that pick a changed story's title: computed a chunk of stories at a time
(``MEMBER_CHUNK`` members), so that a batch touching many big stories holds one chunk's member vectors
(the stories are exactly those computed all at once); and only for the members that may take the title
(the story's lead, the leads of stories folded into it and its new members), so that a grown story
costs in its new members, not in its size."""
from __future__ import annotations

from fixtures.corpus.build import make_record, save_and_link
from fixtures.corpus.stories import stored_stories

from newsdesk.config import load_settings
from newsdesk.corpus import story_assign
from newsdesk.store import open_store, schema

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


def _forget_leads(store) -> None:
    """Stories as stored before leads were kept: the next batch scores all their members."""
    rows = store.table_rows("stories")
    with store.engine.begin() as conn:
        for r in rows:
            f = {k: v for k, v in r["features"].items() if k != "lead"}
            conn.execute(schema.stories.update().where(schema.stories.c.id == r["id"]).values(features=f))


def _fill(db: str, member_chunk: int, monkeypatch, leads: bool = False) -> tuple[object, list[int]]:
    """Three reports of each happening, then three more of each in a second batch; the member vectors
    each read of the second batch asked for are counted. Without ``leads``, the stories of the first
    batch are made to look stored before leads were kept."""
    monkeypatch.setattr(story_assign, "MEMBER_CHUNK", member_chunk)
    store, settings = open_store(db), load_settings(db=db, workers=1)
    first = [_article(i, n) for i in range(len(PLACES)) for n in range(3)]
    save_and_link(store, first, settings)
    if not leads:
        _forget_leads(store)
    reads: list[int] = []
    vectors = store.story_vectors
    monkeypatch.setattr(store, "story_vectors", lambda ids: reads.append(len(set(ids))) or vectors(ids))
    second = [_article(i, n) for i in range(len(PLACES)) for n in range(3, 6)]
    save_and_link(store, second, settings)
    monkeypatch.undo()
    return store, reads


def test_member_chunks_give_the_stories_one_read_gives(tmp_path, monkeypatch):
    whole, whole_reads = _fill(str(tmp_path / "a.db"), 10_000, monkeypatch)
    chunked, chunk_reads = _fill(str(tmp_path / "b.db"), 4, monkeypatch)
    assert len(whole_reads) == 1 and whole_reads[0] == 8 * 3  # the stored members of all eight stories at once
    # a story of six members is bigger than the chunk: alone; the members read per chunk never pile up
    assert len(chunk_reads) == 8 and max(chunk_reads) == 3
    assert sum(chunk_reads) == whole_reads[0]
    got = stored_stories(chunked)
    assert got == stored_stories(whole)
    assert len(got) == 8 and all(len(m) == 6 for _, m, *_ in got)
    assert all(t.startswith(f"{PLACES[int(m[0][1])]} votes for") for _, m, t, *_ in got)
    whole.close()
    chunked.close()


def test_a_grown_story_scores_its_lead_and_new_members_only(tmp_path, monkeypatch):
    store, reads = _fill(str(tmp_path / "l.db"), 10_000, monkeypatch, leads=True)
    assert reads == [8]  # one stored member per story (its lead), not all three
    leads = {r["id"]: r["features"]["lead"] for r in store.table_rows("stories")}
    titles = {r["id"]: r["title"] for r in store.table_rows("stories")}
    members = {r["id"]: r["articles"] for r in store.story_export_rows()}
    for sid, lead in leads.items():
        assert lead in members[sid]
        assert titles[sid].endswith(f"report {lead.split('-')[1]}")  # the title is the lead's
    store.close()


def test_the_lead_is_the_most_central_scored_member(tmp_path, monkeypatch):
    """What a grown story's title comes down to: the most central of its lead and new members, as the
    full computation over every member would pick when the lead was the most central before."""
    with_leads, _ = _fill(str(tmp_path / "a.db"), 10_000, monkeypatch, leads=True)
    without, _ = _fill(str(tmp_path / "b.db"), 10_000, monkeypatch)
    a = {r["id"]: (r["title"], r["features"]["lead"]) for r in with_leads.table_rows("stories")}
    b = {r["id"]: (r["title"], r["features"]["lead"]) for r in without.table_rows("stories")}
    assert a == b  # here the old leads stayed ahead of the other old members, so both agree
    with_leads.close()
    without.close()


def test_story_chunks_keep_order_and_bound_size():
    stories = [story_assign.Story(f"s{k}", {"members": {}}) for k in range(5)]
    members = {"s0": ["a"] * 3, "s1": ["b"] * 3, "s2": ["c"] * 9, "s3": ["d"], "s4": []}
    story_assign.MEMBER_CHUNK, before = 4, story_assign.MEMBER_CHUNK
    try:
        chunks = story_assign._story_chunks(stories, members)
    finally:
        story_assign.MEMBER_CHUNK = before
    assert [[st.id for st in c] for c in chunks] == [["s0"], ["s1"], ["s2"], ["s3", "s4"]]


def test_a_folded_story_hands_its_lead_or_its_members_to_the_title_choice():
    from newsdesk.corpus.stories import Clusterer, Story
    from newsdesk.corpus.story_merge import fold

    def story(sid: str, members: list[str], lead: str | None) -> Story:
        notes = {a: {"date": None, "source": "none", "place": None, "event": None, "copy": False} for a in members}
        f = {"terms": {"vote": 1.0}, "members": notes, "date": None, "end_date": None}
        if lead:
            f["lead"] = lead
        return Story(sid, f)

    cl = Clusterer([], {"#docs": 10}, load_settings())
    keep, led, unled = story("k", ["a", "b"], "a"), story("g", ["c", "d"], "d"), story("h", ["e", "f"], None)
    for st in (keep, led, unled):
        cl.stories[st.id] = st
    fold(cl, keep, led)
    assert keep.rivals == {"d"}  # the folded story's lead, not its other members
    fold(cl, keep, unled)
    assert keep.rivals == {"d", "e", "f"}  # no lead kept: each of its members may take the title
    assert keep.features["lead"] == "a" and set(keep.features["members"]) == set("abcdef")
