"""RSS and Atom feeds: one article per entry, a Rejected for an entry without text, the rest kept."""

from __future__ import annotations

from datetime import date

from newsbrief.ingest import read_inputs
from newsbrief.ingest.feeds import articles_from_feed
from newsbrief.model import Article, Rejected

from .pages import SETTINGS, STORY, atom, rss

FULL = "".join(f"<p>{p}</p>" for p in STORY)


def read(data: bytes) -> list[Article | Rejected]:
    return list(articles_from_feed(data, source="feed.xml", settings=SETTINGS, path="feed.xml"))


def test_rss_item_becomes_an_article_with_its_metadata():
    [article] = read(rss({"title": "Gains in Aleppo", "link": "https://news.example.com/1", "content": FULL,
                          "pubDate": "Mon, 05 Dec 2016 10:00:00 GMT", "dc:creator": "Jane Roe"}))
    assert (article.id, article.path, article.title, article.url, article.outlet, article.published, article.author) == (
        "feed.xml#1", "feed.xml", "Gains in Aleppo", "https://news.example.com/1", "Example News", date(2016, 12, 5), "Jane Roe")


def test_rss_full_content_wins_over_the_summary_and_loses_its_markup():
    [article] = read(rss({"title": "T", "description": "A teaser.", "content": FULL}))
    assert article.text.split("\n") == STORY


def test_rss_summary_is_the_text_when_there_is_no_content():
    [article] = read(rss({"title": "T", "description": "<p>" + STORY[0] + "</p>"}))
    assert article.text == STORY[0]


def test_atom_entry_becomes_an_article():
    [article] = read(atom({"title": "Gains in Aleppo", "link": "https://news.example.com/2", "content": FULL,
                           "published": "2016-12-05T10:00:00Z", "author": "Jane Roe", "id": "urn:1"}))
    assert (article.title, article.url, article.outlet, article.published, article.author) == (
        "Gains in Aleppo", "https://news.example.com/2", "Example Atom News", date(2016, 12, 5), "Jane Roe")
    assert article.text.split("\n") == STORY


def test_atom_updated_date_is_not_a_publication_date():
    [article] = read(atom({"title": "T", "content": FULL, "updated": "2016-12-06T10:00:00Z", "id": "urn:1"}))
    assert article.published is None


def test_broken_entry_is_reported_and_the_others_are_kept():
    results = read(rss({"title": "First", "content": FULL}, {"title": "Only a title"}, {"title": "Third", "description": STORY[1]}))
    assert [type(r).__name__ for r in results] == ["Article", "Rejected", "Article"]
    assert results[1] == Rejected("feed.xml#2", "ingest", "feed entry has no text")
    assert results[2].text == STORY[1]


def test_invalid_entry_date_leaves_the_date_unknown():
    [article] = read(rss({"title": "T", "content": FULL, "pubDate": "sometime last week"}))
    assert article.published is None


def test_feed_without_entries_is_rejected():
    assert read(rss()) == [Rejected("feed.xml", "ingest", "feed has no entries")]


def test_xml_that_is_not_a_feed_is_rejected():
    [rejected] = read(b"<?xml version='1.0'?><urlset><url><loc>https://x.example</loc></url></urlset>")
    assert rejected.reason.startswith("not an RSS or Atom feed")


def test_entries_read_from_a_file_are_labelled_with_their_language(tmp_path):
    (tmp_path / "feed.xml").write_bytes(rss({"title": "T", "content": FULL}))
    [article], _ = read_inputs([str(tmp_path / "feed.xml")], SETTINGS)
    assert article.language == "en"
