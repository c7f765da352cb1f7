"""Story titles pick the member most central to the story; centralities read each member's stored story
vector (migration 0013) instead of re-reading and re-tokenising every member. A store whose members have
no stored vector (linked before 0013) gives the same stories, and its vectors are filled in on the way."""
from __future__ import annotations

from fixtures.corpus.stories import ARTICLES, record
from sqlalchemy import delete

from newsdesk.config import load_settings
from newsdesk.corpus import update_corpus
from newsdesk.store import open_store, schema


def _stories(store):
    rows = store.stories_by_id(store.story_ids())
    for r in rows:
        r["features"] = {k: v for k, v in (r["features"] or {}).items() if k != "opened"}  # a clock stamp
        r.pop("updated_at")
    return rows


def _link_in_two_batches(db, forget_vectors: bool):
    store = open_store(db)
    settings = load_settings(db=db, workers=1)
    names = sorted(ARTICLES)
    for batch in (names[: len(names) // 2], names[len(names) // 2:]):
        for n in batch:
            store.save_record(record(n))
        if forget_vectors:  # as a store linked before story vectors were kept
            with store.engine.begin() as conn:
                conn.execute(delete(schema.story_vectors))
        update_corpus(store, batch, settings)
    return store


def test_stories_member_vectors_stored_and_missing_ones_give_the_same_stories(tmp_path):
    kept = _link_in_two_batches(str(tmp_path / "kept.db"), forget_vectors=False)
    lost = _link_in_two_batches(str(tmp_path / "lost.db"), forget_vectors=True)
    assert _stories(kept) == _stories(lost)
    assigned = {a["id"] for a in kept.list_articles() if a["story_id"]}
    assert set(kept.story_vectors(assigned)) == assigned  # every assigned article has its vector
    # the Moscow story grew in the second batch: its first-batch member was vectorised then; a story
    # nothing joined was not read at all
    assert lost.story_vectors(["moscow_analysis"]) == kept.story_vectors(["moscow_analysis"])
    assert lost.story_vectors(["beijing_2017"]) == {}
    kept.close()
    lost.close()


def test_stories_member_vectors_go_with_a_deleted_article(tmp_path):
    store = _link_in_two_batches(str(tmp_path / "s.db"), forget_vectors=False)
    victim = sorted(ARTICLES)[0]
    assert store.story_vectors([victim])
    store.delete_article(victim)
    assert store.story_vectors([victim]) == {}
    store.close()
