"""Editors' corrections on a store of real articles (two events), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsbrief.config import Settings
from newsbrief.model import Article
from newsbrief.stories.corrections import (CorrectionError, delete_articles, merge_stories, move_articles,
                                           split_story)
from newsbrief.service.ingest import ADDED, REJECTED, Ingestor
from newsbrief.store import Store
from tests.service.conftest import cluster_records

TRAM, SPLIT_UP = 74, 56  # Croydon tram derailment; Sarah Silverman and Michael Sheen split


def event_articles(event_id: int, n: int) -> list[Article]:
    records = sorted((r for r in cluster_records(383) if r["event_id"] == event_id), key=lambda r: r["id"])[:n]
    return [Article(id=r["id"], text=r["text"], title=r["title"], url=r["url"], outlet=r["source_domain"])
            for r in records]


@pytest.fixture
def two_events(db_url):
    """A store holding three articles of each event: (store, ingestor, tram story id, split-up story id)."""
    store = Store(db_url)
    ingestor = Ingestor(store, Settings(db=db_url))
    results = ingestor.add_many(event_articles(TRAM, 3) + event_articles(SPLIT_UP, 3))
    assert [r.status for r in results] == [ADDED] * 6
    tram, split_up = {r.story_id for r in results[:3]}, {r.story_id for r in results[3:]}
    assert len(tram) == len(split_up) == 1 and tram != split_up  # the model keeps the two events apart
    return store, ingestor, tram.pop(), split_up.pop()


def test_merge_moves_every_article_and_removes_the_other_story(two_events):
    store, _, tram, split_up = two_events
    done = merge_stories(store, tram, [split_up], by="editor")
    assert {s.story_id for s in store.story_articles(tram)} == {tram} and len(store.story_articles(tram)) == 6
    assert store.story(split_up) is None and store.story(tram).size == 6
    assert store.successor(split_up) == tram
    (made,) = store.corrections(tram)
    assert (made.kind, made.other_id, made.by, made.seq) == ("merge", split_up, "editor", done.seq)


def test_a_correction_moves_the_story_to_a_new_revision(two_events):
    store, _, tram, split_up = two_events
    before = store.story(tram).revision
    merge_stories(store, tram, [split_up])
    assert store.story(tram).revision == before + 1


def test_later_articles_join_the_merged_story_after_a_restart(two_events, db_url):
    store, _, tram, split_up = two_events
    merge_stories(store, tram, [split_up])
    restarted = Ingestor(Store(db_url), Settings(db=db_url))  # a new process: the tracker is rebuilt from the store
    (result,) = restarted.add_many(event_articles(SPLIT_UP, 4)[3:])
    assert result.status == ADDED and result.story_id == tram


def test_a_running_ingestor_sees_a_correction_made_elsewhere(two_events):
    store, ingestor, tram, split_up = two_events
    merge_stories(store, tram, [split_up])  # as another process (CLI, API) would
    (result,) = ingestor.add_many(event_articles(SPLIT_UP, 4)[3:])
    assert result.story_id == tram
    assert ingestor._tracker.story_of[event_articles(SPLIT_UP, 1)[0].id] == tram


def test_split_makes_a_new_story_of_the_listed_articles(two_events):
    store, _, tram, _ = two_events
    first, *rest = [s.article.id for s in store.story_articles(tram)]
    done = split_story(store, tram, rest, by="cli")
    new = done.stories[1]
    assert [s.article.id for s in store.story_articles(new)] == rest
    assert [s.article.id for s in store.story_articles(tram)] == [first]
    assert store.story(new).size == 2 and store.story(tram).size == 1
    assert [c.kind for c in store.corrections(new)] == ["split"]


def test_a_split_must_leave_an_article(two_events):
    store, _, tram, _ = two_events
    ids = [s.article.id for s in store.story_articles(tram)]
    with pytest.raises(CorrectionError, match="at least one article"):
        split_story(store, tram, ids)


def test_a_moved_article_never_rejoins_the_story_it_left(two_events, db_url):
    store, _, tram, split_up = two_events
    moved = store.story_articles(tram)[0].article.id
    move_articles(store, [moved], split_up)
    again = Ingestor(Store(db_url), Settings(db=db_url))
    again.add_many(event_articles(TRAM, 3))  # the same articles ingested again: duplicates, nothing moves back
    assert store.article(moved).story_id == split_up
    assert store.story(split_up).size == 4 and store.story(tram).size == 2


def test_move_to_a_new_story(two_events):
    store, _, tram, _ = two_events
    moved = store.story_articles(tram)[1].article.id
    done = move_articles(store, [moved], None)
    assert done.stories[0] == tram and store.article(moved).story_id == done.stories[-1] != tram


def test_copies_travel_with_their_original(two_events):
    store, ingestor, tram, split_up = two_events
    original = store.story_articles(tram)[0].article
    (copy,) = ingestor.add_many([replace(original, id="copy-of-it", outlet="Syndicator")])
    assert copy.copy_of == original.id
    move_articles(store, [original.id], split_up)
    assert store.article("copy-of-it").story_id == split_up and store.article("copy-of-it").copy_of == original.id


def test_a_copy_moved_alone_is_an_original_where_it_goes(two_events):
    store, ingestor, tram, split_up = two_events
    original = store.story_articles(tram)[0].article
    ingestor.add_many([replace(original, id="copy-of-it", outlet="Syndicator")])
    move_articles(store, ["copy-of-it"], split_up)
    assert store.article("copy-of-it").copy_of is None and store.article(original.id).story_id == tram


def test_a_deleted_article_is_not_stored_again(two_events, db_url):
    store, _, tram, _ = two_events
    gone = store.story_articles(tram)[0].article
    delete_articles(store, [gone.id], by="editor")
    assert store.article(gone.id) is None and store.story(tram).size == 2 and store.is_deleted(gone.id)
    (result,) = Ingestor(Store(db_url), Settings(db=db_url)).add_many(event_articles(TRAM, 1))
    assert result.status == REJECTED and "deleted" in result.reason
    assert store.article(gone.id) is None


def test_deleting_an_original_makes_its_first_copy_the_original(two_events):
    store, ingestor, tram, _ = two_events
    original = store.story_articles(tram)[0].article
    ingestor.add_many([replace(original, id="copy-1", outlet="A"), replace(original, id="copy-2", outlet="B")])
    delete_articles(store, [original.id])
    assert store.article("copy-1").copy_of is None and store.article("copy-2").copy_of == "copy-1"


def test_a_move_from_two_stories_is_listed_by_both(two_events):
    store, _, tram, split_up = two_events
    picked = [store.story_articles(tram)[0].article.id, store.story_articles(split_up)[0].article.id]
    done = move_articles(store, picked, None)
    for story_id in (tram, split_up):
        (made,) = store.corrections(story_id)
        assert made.kind == "move" and made.other_id == done.stories[-1] and len(made.article_ids) == 1


def test_a_story_emptied_by_a_move_leads_to_where_its_articles_went(two_events):
    store, _, tram, split_up = two_events
    move_articles(store, [s.article.id for s in store.story_articles(tram)], split_up)
    assert store.story(tram) is None and store.successor(tram) == split_up


def test_deleting_a_story_s_last_article_removes_the_story(two_events):
    store, _, tram, _ = two_events
    delete_articles(store, [stored.article.id for stored in store.story_articles(tram)])
    assert store.story(tram) is None


@pytest.mark.parametrize("correct, message", [
    (lambda store, tram, other: merge_stories(store, tram, [tram]), "into itself"),
    (lambda store, tram, other: merge_stories(store, tram, [other, "s-none"]), "no story"),
    (lambda store, tram, other: split_story(store, tram, ["not-in-it"]), "has no article"),
    (lambda store, tram, other: move_articles(store, ["nope"], other), "no article"),
    (lambda store, tram, other: move_articles(store, [store.story_articles(tram)[0].article.id], tram), "already"),
    (lambda store, tram, other: delete_articles(store, ["nul\x00id"]), "not an id"),
    (lambda store, tram, other: delete_articles(store, [store.story_articles(tram)[0].article.id, "nope"]), "no article"),
])
def test_a_correction_that_cannot_be_made_changes_nothing(two_events, correct, message):
    store, _, tram, split_up = two_events
    before = [(s.article.id, s.story_id) for s in store.articles_after(0)]
    with pytest.raises(CorrectionError, match=message):
        correct(store, tram, split_up)
    assert [(s.article.id, s.story_id) for s in store.articles_after(0)] == before
    assert store.corrections_made() == 0
