"""The incremental tracker: arrival order decides, state can be replayed, old stories retire."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np

from newsbrief.config import Settings
from newsbrief.stories import StoryTracker
from newsbrief.model import Article
from newsbrief.stories.tracker import Restored, default_profiler


def test_adding_one_at_a_time_equals_adding_in_a_batch(aleppo, unrelated):
    articles = [*aleppo, unrelated]
    one_by_one = StoryTracker()
    singles = [one_by_one.add(a) for a in articles]
    assert singles == StoryTracker().add_many(articles)


def test_the_second_example_joins_the_first_examples_story(aleppo):
    tracker = StoryTracker()
    first, second = tracker.add_many(aleppo)
    assert first.new_story and not second.new_story
    assert second.story_id == first.story_id


def test_restored_decisions_rebuild_the_same_stories(aleppo, unrelated):
    original = StoryTracker()
    decisions = original.add_many([*aleppo, unrelated])
    replayed = StoryTracker()
    articles = {a.id: a for a in [*aleppo, unrelated]}
    for d in decisions:
        replayed.restore(articles[d.article_id], d.story_id, d.copy_of)
    assert replayed.story_of == original.story_of


def test_a_restored_tracker_decides_the_next_article_like_the_original(aleppo, unrelated):
    original = StoryTracker()
    decisions = original.add_many([aleppo[0], unrelated])
    replayed = StoryTracker()
    for article, d in zip([aleppo[0], unrelated], decisions):
        replayed.restore(article, d.story_id, d.copy_of)
    assert replayed.add(aleppo[1]) == original.add(aleppo[1])
    np.testing.assert_array_equal(replayed._rows, original._rows)


def test_restoring_embeds_only_the_articles_of_stories_still_active(aleppo, unrelated):
    embedded = []
    profiler = default_profiler()
    embed = profiler.embed
    profiler.embed = lambda articles: embedded.extend(a.id for a in articles) or embed(articles)
    tracker = StoryTracker(Settings(max_active_stories=1), profiler=profiler)
    tracker.restore(aleppo[0], "s-aleppo")
    tracker.restore(unrelated, "s-tesla")  # the cap retires the Aleppo story
    tracker.consolidate()
    assert embedded == [unrelated.id]


def test_adding_an_article_twice_changes_nothing(aleppo):
    tracker = StoryTracker()
    first = tracker.add(aleppo[0])
    again = tracker.add(aleppo[0])
    assert again.story_id == first.story_id and len(tracker.stories) == 1
    assert tracker.stories[first.story_id].article_ids == [aleppo[0].id]


def test_a_story_older_than_the_window_takes_no_new_article(aleppo):
    tracker = StoryTracker(Settings(story_window_days=3))
    first = tracker.add(aleppo[0])
    late = replace(aleppo[1], published=aleppo[0].published + timedelta(days=30))
    assert tracker.add(late).story_id != first.story_id
    assert not tracker.stories[first.story_id].active


def test_the_active_set_never_exceeds_its_cap(aleppo, unrelated):
    tracker = StoryTracker(Settings(max_active_stories=1))
    tracker.add_many([aleppo[0], unrelated])
    assert tracker.active_stories == 1


def test_a_restore_without_text_loads_only_the_articles_of_stories_still_active(aleppo, unrelated):
    asked = []
    articles = {a.id: a for a in [aleppo[0], unrelated]}
    tracker = StoryTracker(Settings(max_active_stories=1))
    for article, story in ((aleppo[0], "s-aleppo"), (unrelated, "s-tesla")):  # the cap retires Aleppo
        tracker.restore(Article(article.id, ""), story, text_later=True)
    tracker.ready(load=lambda ids: asked.extend(ids) or {i: Restored(articles[i]) for i in ids})
    assert asked == [unrelated.id]
    assert tracker.stories["s-tesla"].centroid.size == 1


def test_a_failed_load_leaves_the_restored_articles_waiting(aleppo):
    tracker = StoryTracker()
    tracker.restore(Article(aleppo[0].id, ""), "s-aleppo", text_later=True)
    try:
        tracker.ready(load=lambda ids: {})
    except LookupError:
        pass
    assert tracker._restored  # nothing was counted half-way: a later ready() can still load them
    tracker.ready(load=lambda ids: {i: Restored(aleppo[0]) for i in ids})
    assert tracker.stories["s-aleppo"].centroid.size == 1


def test_a_tracker_that_forgets_retired_stories_decides_like_one_that_keeps_them(aleppo, unrelated):
    articles = [aleppo[0], unrelated, aleppo[1]]
    keeping = StoryTracker(Settings(max_active_stories=1))
    forgetting = StoryTracker(Settings(max_active_stories=1), keep_retired=False)
    assert forgetting.add_many(articles) == keeping.add_many(articles)


def test_a_forgotten_story_keeps_only_its_id(aleppo, unrelated):
    tracker = StoryTracker(Settings(max_active_stories=1), keep_retired=False)
    first, second = tracker.add_many([aleppo[0], unrelated])  # the cap retires the Aleppo story
    assert list(tracker.stories) == [second.story_id]
    assert aleppo[0].id not in tracker.story_of
    tracker.restore(aleppo[1], first.story_id)  # a later decision for it: the store keeps it
    assert list(tracker.stories) == [second.story_id]


def test_a_long_story_looks_for_copies_among_its_latest_articles_only(aleppo, monkeypatch):
    monkeypatch.setattr("newsbrief.stories.tracker.COPY_WINDOW", 2)
    tracker = StoryTracker(Settings(story_threshold=1e-9))  # every article joins the one story
    edition = [replace(aleppo[0], id=f"edition-{i}", text=f"{aleppo[0].text}\n\nUpdate {i}: more to follow.")
               for i in range(4)]
    tracker.add_many(edition)
    assert len(tracker.copies) == 2 and len(tracker.stories) == 1


def test_a_long_story_keeps_its_heaviest_terms(aleppo, monkeypatch):
    monkeypatch.setattr("newsbrief.stories.tracker.MAX_STORY_TERMS", 40)
    tracker = StoryTracker()
    tracker.add_many(aleppo)
    (story,) = tracker.stories.values()
    assert len(story.centroid.terms) <= 40
    assert set(tracker._postings) <= set(story.centroid.terms)
