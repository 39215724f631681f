"""Stories briefed by the pipeline: syndicated copies cited once, updates that say only what is new."""

from __future__ import annotations

from dataclasses import replace

from newsbrief.config import Settings
from newsbrief.dedup.sentences import near_copy_groups
from newsbrief.ingest import read_inputs
from newsbrief.pipeline import article_sentences, brief_stories, clean_articles, update_brief
from newsbrief.stories import group_stories

DEBRIS_A = "Advertisement\n\nGet breaking news alerts and special reports. Sign up here.\n\n"
DEBRIS_B = "Come out to the York JCC on March 21 for the FOX43 Blood Drive!\n\n"


def test_exact_copies_with_different_debris_are_one_syndicated_group(tmp_path, seed_paths):
    body = seed_paths[1].read_text(encoding="utf-8")
    (tmp_path / "outlet-a.txt").write_text(DEBRIS_A + body, encoding="utf-8")
    (tmp_path / "outlet-b.txt").write_text(DEBRIS_B + body + "\n\nAdvertisement\n", encoding="utf-8")
    articles, _ = read_inputs([str(tmp_path)], Settings())
    cleaned, _ = clean_articles(articles, [])
    [story] = brief_stories(cleaned, Settings())
    [group] = story.syndicated
    assert (group.original, group.copies) == (cleaned[0].id, (cleaned[1].id,))
    assert [s.also_published_by for s in story.brief.sources] == [(cleaned[1].id,)]


def test_a_story_brief_cites_each_syndicated_copy_once(tmp_path, aleppo):
    copy = replace(aleppo[0], id="copy-of-earlier", outlet="Other Outlet")
    [story] = brief_stories([*aleppo, copy], Settings())
    assert {s.article_id for s in story.brief.sources} == {aleppo[0].id, aleppo[1].id}
    assert next(s for s in story.brief.sources if s.article_id == aleppo[0].id).also_published_by == ("Other Outlet",)


def test_the_update_after_the_later_article_holds_only_what_the_earlier_lacked(aleppo):
    earlier, later = aleppo
    [story] = group_stories(aleppo)
    update = update_brief(story, earlier.published)
    assert update is not None and update.sentences
    assert {span.article_id for s in update.sentences for span in s.sources} == {later.id}
    old = [s.text for s in article_sentences(earlier)]
    for sentence in update.sentences:
        groups = near_copy_groups(old + [sentence.text], 0.75)
        assert all(len(g) == 1 or len(old) not in g for g in groups), sentence.text


def test_an_update_since_the_latest_article_is_empty(aleppo):
    [story] = group_stories(aleppo)
    assert update_brief(story, aleppo[1].published) is None


def test_an_update_since_a_brief_leaves_out_what_the_brief_said(aleppo):
    [first] = brief_stories(aleppo[:1], Settings())
    [story] = group_stories(aleppo)
    update = update_brief(story, first.brief)
    assert update is not None
    assert not {s.text for s in update.sentences} & {s.text for s in first.brief.sentences}


def test_briefing_stories_says_what_it_is_doing(aleppo, unrelated):
    said = []
    stories = brief_stories([*aleppo, replace(unrelated, published=aleppo[0].published)], Settings(), progress=said.append)
    assert said[0] == f"grouping {len(aleppo) + 1} articles into stories"
    assert said[1:] == [f"briefing story {n} of {len(stories)}" for n in range(1, len(stories) + 1)]
