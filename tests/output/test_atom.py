"""The Atom feeds (`newsbrief.output.atom`): valid for feedparser, absolute links, escaped content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import feedparser

from newsbrief.model import Article, Brief, BriefSentence, Source, SourceSpan, Story
from newsbrief.output.atom import FeedEntry, stories_feed, story_feed

BASE = "https://news.example.org/"


@dataclass(frozen=True)
class Row:  # the fields of `store.StoryRow` a feed reads
    id: str
    label: str
    updated_at: datetime
    revision: int = 0
    last_seq: int = 7


def story(story_id: str, *days: int, text: str = "The storm hit the coast.") -> Story:
    articles = tuple(Article(id=f"{story_id}/{d}", text=text, title=f"Title {d}", outlet="AP", published=date(2024, 3, d))
                     for d in days)
    return Story(id=story_id, label="Storm", articles=articles, brief=brief_of(articles))


def brief_of(articles) -> Brief:
    sources = tuple(Source(n, a.id, outlet=a.outlet, title=a.title, published=a.published) for n, a in enumerate(articles, 1))
    last = articles[-1]
    return Brief(title=None, sentences=(BriefSentence(last.text, (SourceSpan(last.id, 0, 5),)),), sources=sources,
                 articles=tuple(articles))


def entry(story_id="s1", days=(5,), updated=datetime(2024, 3, 5, 12, 0), **kwargs) -> FeedEntry:
    return FeedEntry(Row(story_id, "Storm <b>hits</b>", updated), story(story_id, *days, **kwargs))


def test_the_stories_feed_parses_without_a_fault():
    feed = feedparser.parse(stories_feed([entry("s1"), entry("s2", updated=datetime(2024, 3, 6, 8, 30))], BASE))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.id == "https://news.example.org/stories.atom"
    assert feed.feed.updated == "2024-03-06T08:30:00Z"  # the latest entry's
    assert [e.id for e in feed.entries] == ["https://news.example.org/stories/s1", "https://news.example.org/stories/s2"]
    assert feed.entries[0].title == "Storm <b>hits</b>"  # a title is text: shown as written
    assert feed.feed.author == "newsbrief"


def test_citations_link_absolutely_to_the_cited_sentence_of_the_article_page():
    content = feedparser.parse(stories_feed([entry("s 1")], BASE)).entries[0].content[0].value
    assert ('href="https://news.example.org/articles/s%201%2F5?story=s+1&amp;start=0&amp;end=5#s-0"' in content
            and ">[1]</a>" in content)
    assert 'href="https://news.example.org/articles/s%201%2F5">Title 5</a>' in content  # the source list


def test_a_story_feed_entry_is_one_version_of_the_story():
    one = feedparser.parse(story_feed(entry(), BASE))
    assert not one.bozo
    assert one.feed.id == "https://news.example.org/stories/s1.atom"
    assert one.entries[0].id == "https://news.example.org/stories/s1#version-0-7"
    grown = FeedEntry(Row("s1", "Storm", datetime(2024, 3, 6), last_seq=9), story("s1", 5))
    assert feedparser.parse(story_feed(grown, BASE)).entries[0].id.endswith("#version-0-9")


def test_what_is_new_cites_by_the_story_source_numbers():
    whole = story("s1", 4, 5)
    news = brief_of(whole.articles[1:])  # the update's own [1] is the story's [2]
    content = feedparser.parse(story_feed(FeedEntry(Row("s1", "Storm", datetime(2024, 3, 5)), whole, news), BASE)
                               ).entries[0].content[0].value
    assert "New on 2024-03-05:" in content
    assert content.count(">[2]</a>") == 2 and ">[1]</a>" not in content


def test_untrusted_text_stays_text_in_the_content():
    content = feedparser.parse(stories_feed([entry(text="<script>alert(1)</script> said the mayor.")], BASE)
                               ).entries[0].content[0].value
    assert "<script" not in content and "&lt;script&gt;" in content


def test_an_empty_feed_is_valid():
    feed = feedparser.parse(stories_feed([], BASE))
    assert not feed.bozo and feed.entries == [] and feed.feed.updated
