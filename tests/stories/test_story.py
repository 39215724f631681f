"""Grouping into stories: one story per event, each with a label and a timeline."""

from __future__ import annotations

from dataclasses import replace

from newsbrief.stories import group_stories


def test_the_example_articles_land_in_one_story(aleppo):
    stories = group_stories(aleppo)
    assert [len(s.articles) for s in stories] == [2]


def test_an_unrelated_article_opens_a_story_of_its_own(aleppo, unrelated):
    stories = group_stories([*aleppo, replace(unrelated, published=aleppo[0].published)])
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    alone = next(s for s in stories if len(s.articles) == 1)
    assert alone.articles[0].id == unrelated.id


def test_stories_come_with_a_label_and_a_timeline_in_publication_order(aleppo):
    [story] = group_stories(list(reversed(aleppo)))
    assert story.label
    assert [e.article_id for e in story.timeline] == [a.id for a in aleppo]
    assert (story.first_published, story.last_published) == (aleppo[0].published, aleppo[1].published)


def test_a_label_from_the_text_skips_a_menu_line_and_a_title_of_debris():
    from newsbrief.model import Article
    from newsbrief.stories.story import story_label

    text = ("| Dec 30 2007 | | Make a Donation |\n"
            "Firefighters battled a blaze at a warehouse in the city's port district overnight.\n")
    assert story_label([Article("a", text)]).startswith("Firefighters battled a blaze")
    assert story_label([Article("a", text, title="Advertisement")]).startswith("Firefighters")
