"""Issue 16 end to end, through the commands and the API a newsroom uses: follow a loopback feed of
real pages, publish the stories as Atom, correct one through the API, restart, follow again."""

from __future__ import annotations

import feedparser
import pytest
from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.service.app import create_app
from newsbrief.store import Store
from tests.service.conftest import key_headers
from tests.service.feed_server import FeedServer, benchmark_pages, rss

pytestmark = pytest.mark.slow  # a few seconds: real pages, cleaned, embedded and grouped


def feed_of(server: FeedServer, pages) -> str:
    items = []
    for number, (_, html, _) in enumerate(pages):
        server.page(f"/news/{number}.html", html)
        items.append({"title": f"Story {number}", "link": server.url(f"/news/{number}.html"),
                      "description": "<p>Only the first lines.</p>"})
    return server.feed("/feed.xml", rss("Loopback News", items))


def app_client(db: str, **headers) -> TestClient:
    return TestClient(create_app(Settings(db=db, warm_briefs=0)), raise_server_exceptions=False, headers=headers)


def test_follow_publish_correct_restart_follow(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_DELAY", "0")  # every source is on one loopback host
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_PRIVATE_ADDRESSES", "1")  # which is a private address
    db = f"sqlite:///{tmp_path / 'news.db'}"
    pages = benchmark_pages(4)
    with FeedServer() as server:
        feed = feed_of(server, pages[:3])
        assert cli("sources", "add", feed, "--db", db).exit_code == 0
        first = cli("follow", "--once", "--db", db)
        assert first.exit_code == 0, first.stderr
        store = Store(db)
        assert store.counts()[0] == 3
        for number, (_, _, gold) in enumerate(pages[:3]):  # each entry stored once, with its page's full text
            longest = max(gold.splitlines(), key=len)
            assert longest[:200] in store.article(server.url(f"/news/{number}.html")).article.text

        before = len(server.requests)
        assert cli("follow", "--once", "--db", db).exit_code == 0
        again = [hit for hit in server.requests[before:] if hit.path != "/robots.txt"]
        assert [hit.path for hit in again] == ["/feed.xml"] and again[0].headers.get("if-none-match")
        assert store.counts()[0] == 3

        headers = key_headers(db)
        with app_client(db, **headers) as client:
            atom = feedparser.parse(client.get("/stories.atom").content)
            assert not atom.bozo and len(atom.entries) == store.counts()[1]
            one, other = [s.id for s in store.stories()[1]][:2]
            with app_client(db) as anonymous:  # no key
                refused = anonymous.post(f"/api/stories/{one}/merge", json={"stories": [other]})
                assert refused.status_code == 401 and store.story(other) is not None
            assert client.post(f"/api/stories/{one}/merge", json={"stories": [other]}).status_code == 200
        merged = store.story(one).size

        feed_of(server, pages)  # a new entry appears
        assert cli("follow", "--once", "--db", db).exit_code == 0
        with app_client(db, **headers) as restarted:
            assert store.counts()[0] == 4
            assert store.story(other) is None and store.successor(other) == one
            assert restarted.get(f"/api/stories/{one}").json()["article_count"] >= merged
            ids = {e.id for e in feedparser.parse(restarted.get("/stories.atom").content).entries}
            assert any(one in entry for entry in ids) and not any(other in entry for entry in ids)
