"""Grouping into stories: one story per event, copies collapsed, updates that say only what is new."""

from __future__ import annotations

from dataclasses import replace

from newsbrief.config import Settings
from newsbrief.ingest import read_inputs
from newsbrief.pipeline import clean_articles
from newsbrief.segment.sentences import segment_article
from newsbrief.dedup.sentences import near_copy_groups
from newsbrief.stories import group_stories, update_brief

DEBRIS_A = "Advertisement\n\nGet breaking news alerts and special reports. Sign up here.\n\n"
DEBRIS_B = "Come out to the York JCC on March 21 for the FOX43 Blood Drive!\n\n"


def test_the_example_articles_land_in_one_story(aleppo):
    stories = group_stories(aleppo, brief=False)
    assert [len(s.articles) for s in stories] == [2]


def test_an_unrelated_article_opens_a_story_of_its_own(aleppo, unrelated):
    stories = group_stories([*aleppo, replace(unrelated, published=aleppo[0].published)], brief=False)
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    alone = next(s for s in stories if len(s.articles) == 1)
    assert alone.articles[0].id == unrelated.id


def test_exact_copies_with_different_debris_are_one_syndicated_group(tmp_path, seed_paths):
    body = seed_paths[1].read_text(encoding="utf-8")
    (tmp_path / "outlet-a.txt").write_text(DEBRIS_A + body, encoding="utf-8")
    (tmp_path / "outlet-b.txt").write_text(DEBRIS_B + body + "\n\nAdvertisement\n", encoding="utf-8")
    articles, _ = read_inputs([str(tmp_path)], Settings())
    cleaned, _ = clean_articles(articles, [])
    [story] = group_stories(cleaned)
    [group] = story.syndicated
    assert (group.original, group.copies) == (cleaned[0].id, (cleaned[1].id,))
    assert [s.also_published_by for s in story.brief.sources] == [(cleaned[1].id,)]


def test_a_story_brief_cites_each_syndicated_copy_once(tmp_path, aleppo):
    copy = replace(aleppo[0], id="copy-of-earlier", outlet="Other Outlet")
    [story] = group_stories([*aleppo, copy])
    assert {s.article_id for s in story.brief.sources} == {aleppo[0].id, aleppo[1].id}
    assert next(s for s in story.brief.sources if s.article_id == aleppo[0].id).also_published_by == ("Other Outlet",)


def test_the_update_after_the_later_article_holds_only_what_the_earlier_lacked(aleppo):
    earlier, later = aleppo
    [story] = group_stories(aleppo, brief=False)
    update = update_brief(story, earlier.published)
    assert update is not None and update.sentences
    assert {span.article_id for s in update.sentences for span in s.sources} == {later.id}
    old = [s.text for s in segment_article(earlier)]
    for sentence in update.sentences:
        groups = near_copy_groups(old + [sentence.text], 0.75)
        assert all(len(g) == 1 or len(old) not in g for g in groups), sentence.text


def test_an_update_since_the_latest_article_is_empty(aleppo):
    [story] = group_stories(aleppo, brief=False)
    assert update_brief(story, aleppo[1].published) is None


def test_an_update_since_a_brief_leaves_out_what_the_brief_said(aleppo):
    [first] = group_stories(aleppo[:1])
    [story] = group_stories(aleppo, brief=False)
    update = update_brief(story, first.brief)
    assert update is not None
    assert not {s.text for s in update.sentences} & {s.text for s in first.brief.sentences}


def test_stories_come_with_a_label_and_a_timeline_in_publication_order(aleppo):
    [story] = group_stories(list(reversed(aleppo)), brief=False)
    assert story.label
    assert [e.article_id for e in story.timeline] == [a.id for a in aleppo]
    assert (story.first_published, story.last_published) == (aleppo[0].published, aleppo[1].published)


def test_grouping_says_what_it_is_doing(aleppo, unrelated):
    said = []
    stories = group_stories([*aleppo, replace(unrelated, published=aleppo[0].published)], progress=said.append)
    assert said[0] == f"grouping {len(aleppo) + 1} articles into stories"
    assert said[1:] == [f"briefing story {n} of {len(stories)}" for n in range(1, len(stories) + 1)]


def test_a_label_from_the_text_skips_a_menu_line_and_a_title_of_debris():
    from newsbrief.model import Article
    from newsbrief.stories.story import story_label

    text = ("| Dec 30 2007 | | Make a Donation |\n"
            "Firefighters battled a blaze at a warehouse in the city's port district overnight.\n")
    assert story_label([Article("a", text)]).startswith("Firefighters battled a blaze")
    assert story_label([Article("a", text, title="Advertisement")]).startswith("Firefighters")
