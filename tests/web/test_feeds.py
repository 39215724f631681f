"""The Atom feeds: valid (feedparser finds nothing wrong), absolute links, and beside the story pages."""

from __future__ import annotations

import re
from xml.etree.ElementTree import fromstring

import feedparser

from newsbrief.output.html import citations

ATOM = "{http://www.w3.org/2005/Atom}"


def biggest_story(client) -> dict:
    return max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])


def parsed(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_stories_feed_lists_the_latest_stories_as_the_first_page_does(client):
    feed = parsed(client.get("/stories.atom"))
    latest = client.get("/api/stories").json()["stories"]
    assert [e.title for e in feed.entries] == [s["label"] for s in latest]
    assert [e.id for e in feed.entries] == [f"http://testserver/stories/{s['id']}" for s in latest]


def test_the_feed_has_the_elements_the_atom_spec_requires(client):
    root = fromstring(client.get("/stories.atom").content)
    assert root.tag == ATOM + "feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(ATOM + tag) is not None, tag
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/stories.atom"
    entries = root.findall(ATOM + "entry")
    assert entries
    for entry in entries:
        for tag in ("id", "title", "updated", "content"):
            assert entry.find(ATOM + tag) is not None, tag
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.findtext(ATOM + "updated"))
    assert max(e.findtext(ATOM + "updated") for e in entries) == root.findtext(ATOM + "updated")


def test_entry_citations_link_absolutely_to_the_story_article_pages(client):
    story = biggest_story(client)
    feed = parsed(client.get("/stories.atom"))
    content = next(e for e in feed.entries if e.id.endswith("/" + story["id"])).content[0].value
    cites = re.findall(r'href="(http://testserver/articles/[^"?]+\?story=[^"]+)"[^>]*>\[\d+\]</a>', content)
    assert cites
    built = client.app.state.newsroom.story(story["id"])
    on_the_page = {c["href"] for marks in citations(built.brief, story["id"]) for c in marks}  # the story page's links
    assert {c.replace("&amp;", "&").removeprefix("http://testserver") for c in cites} <= on_the_page


def test_a_story_feed_entry_names_the_story_version(client):
    story = biggest_story(client)
    feed = parsed(client.get(f"/stories/{story['id']}.atom"))
    assert feed.feed.id == f"http://testserver/stories/{story['id']}.atom"
    assert feed.entries[0].id.startswith(f"http://testserver/stories/{story['id']}#version-")
    assert feed.entries[0].link == f"http://testserver/stories/{story['id']}"


def test_story_page_and_story_feed_share_the_path(client):
    story = biggest_story(client)
    page = client.get(f"/stories/{story['id']}")
    assert page.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{story["id"]}.atom"' in page.text  # the page names its feed
    assert client.get(f"/stories/{story['id']}.atom").headers["content-type"].startswith("application/atom+xml")


def test_the_feed_of_an_unknown_story_is_404(client):
    assert client.get("/stories/nope.atom").status_code == 404


def test_untrusted_text_is_escaped_in_the_feed(empty_client):
    from tests.service.conftest import XSS_TEXT, XSS_TITLE

    posted = empty_client.post("/api/articles", json={"id": "xss", "title": XSS_TITLE, "text": XSS_TEXT,
                                                      "outlet": "<b>Outlet</b>", "published": "2024-03-05"})
    story_id = posted.json()["results"][0]["story_id"]
    for path in ("/stories.atom", f"/stories/{story_id}.atom"):
        feed = parsed(empty_client.get(path))
        content = feed.entries[0].content[0].value  # the HTML a reader would show
        assert "<script" not in content and "<img" not in content and "<b>" not in content
        assert "&lt;b&gt;Outlet&lt;/b&gt;" in content


def test_an_empty_store_has_a_valid_empty_feed(tmp_path):
    from fastapi.testclient import TestClient

    from newsbrief.config import Settings
    from newsbrief.service.app import create_app

    with TestClient(create_app(Settings(db=str(tmp_path / "news.db"), warm_briefs=0))) as client:
        feed = parsed(client.get("/stories.atom"))
    assert feed.entries == [] and feed.feed.title
