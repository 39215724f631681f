"""Reading what following fetches: JSON Feed, a front page's feed links, OPML lists."""

from __future__ import annotations

import json

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.discover import NotAFeed, feed_links, read_feed, read_opml
from newsbrief.ingest.feeds import entry_article


def test_a_json_feed_entry_reads_as_a_feedparser_entry_does():
    data = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "items": [
        {"id": "7", "url": "/news/7", "title": "Storm <b>hits</b>", "content_html": "<p>The storm hit.</p><p>Later.</p>",
         "date_published": "2024-03-04T09:00:00+01:00", "author": {"name": "A. Reporter"}}]}).encode()
    feed = read_feed(data, "https://example.com/feed.json")
    article = entry_article(feed.entries[0], source="x", outlet=feed.title, path=None, settings=Settings())
    assert feed.title == "JSON News"
    assert (article.url, article.title, article.text, article.author, str(article.published)) == (
        "https://example.com/news/7", "Storm hits", "The storm hit.\nLater.", "A. Reporter", "2024-03-04")


def test_a_json_document_that_is_not_a_feed_says_so():
    with pytest.raises(NotAFeed, match="no jsonfeed.org version"):
        read_feed(b'{"items": []}', "https://example.com/x.json")


def test_html_that_a_feed_escaped_twice_is_read_as_html():
    data = (b'<rss version="2.0"><channel><title>T</title><item><link>/a</link>'
            b"<description>&amp;lt;p&amp;gt;Fish &amp;amp;amp; chips&amp;lt;/p&amp;gt;</description></item></channel></rss>")
    entry = read_feed(data, "https://example.com/rss").entries[0]
    assert entry_article(entry, source="x", outlet=None, path=None, settings=Settings()).text == "Fish & chips"


def test_a_page_names_its_feeds_as_absolute_urls():
    page = ('<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" '
            'href="/feed.xml"><link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">'
            '<link rel="alternate" type="text/html" href="/fr/"></head></html>')
    assert feed_links(page, "https://example.com/news/") == ["https://example.com/feed.xml",
                                                             "https://example.com/news/atom.xml"]


def test_an_opml_list_gives_each_feed_once_in_order():
    data = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="News"><outline text="A" xmlUrl="https://a.example/feed"/><outline title="B" xmlUrl="https://b.example/rss"/></outline>
      <outline text="A again" xmlUrl="https://a.example/feed"/><outline text="a folder only"/></body></opml>"""
    assert read_opml(data) == [("https://a.example/feed", "A"), ("https://b.example/rss", "B")]


def test_an_opml_file_that_names_an_external_entity_is_refused_not_read():
    data = (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml><body><outline text="&x;" xmlUrl="https://a.example/feed"/></body></opml>')
    with pytest.raises(NotAFeed, match="with a DTD"):
        read_opml(data)


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "https://evil.example/feed">]>'
    b'<opml><body><outline text="x" xmlUrl="&x;"/></body></opml>',
    '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE opml [<!ENTITY x "https://evil.example/f">]>'
    '<opml><body><outline xmlUrl="&x;"/></body></opml>'.encode("utf-16"),
    b'<!DOCTYPE opml><opml><body><outline xmlUrl="https://a.example/feed"/></body></opml>',
])
def test_an_opml_file_with_a_dtd_is_refused_and_no_entity_expanded(data):
    with pytest.raises(NotAFeed, match=r"^refused: an OPML file with a DTD"):
        read_opml(data)


def test_a_file_that_is_not_opml_says_so():
    with pytest.raises(NotAFeed, match="not an OPML file"):
        read_opml(b"<rss><channel/></rss>")
