"""/api/sources: list, follow (a feed or a front page), stop following."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.service.app import create_app
from newsbrief.store import Store
from newsbrief.store.keys import create_key
from tests.ingest.pages import web_page
from tests.service.feed_server import FeedServer, front_page, rss


@pytest.fixture
def server():
    with FeedServer() as running:
        running.feed("/feed.xml", rss("Loopback News", [{"title": "A", "link": "/a", "description": "s"}]))
        running.page("/", front_page("/feed.xml"))
        running.page("/plain.html", web_page())
        yield running


@pytest.fixture
def client(tmp_path):
    """A client over a new store, with an API key: writes need one."""
    settings = Settings(db=f"sqlite:///{tmp_path / 'news.db'}", warm_briefs=0, follow_delay=0, follow_retries=0,
                        follow_private_addresses=True)  # the server is on loopback
    store = Store(settings.db)
    headers = {"Authorization": f"Bearer {create_key(store, 'editor')}"}
    with TestClient(create_app(settings, store), headers=headers, raise_server_exceptions=False) as made:
        yield made


def test_a_feed_is_followed_and_listed(server, client):
    response = client.post("/api/sources", json={"url": server.url("/feed.xml"), "every": 15})
    assert response.status_code == 201
    source = response.json()
    assert (source["feed_url"], source["title"], source["every"], source["next_fetch"]) == (
        server.url("/feed.xml"), "Loopback News", 15, None)
    assert client.get("/api/sources").json()["sources"] == [source]


def test_a_front_page_is_followed_through_its_feed_and_only_once(server, client):
    first = client.post("/api/sources", json={"url": server.url("/")})
    again = client.post("/api/sources", json={"url": server.url("/feed.xml")})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["feed_url"] == server.url("/feed.xml") and again.json()["id"] == first.json()["id"]
    assert first.json()["every"] == Settings().follow_every


def test_following_a_source_again_with_an_interval_sets_it(server, client):
    first = client.post("/api/sources", json={"url": server.url("/feed.xml"), "every": 15}).json()
    again = client.post("/api/sources", json={"url": server.url("/feed.xml"), "every": 5})
    same = client.post("/api/sources", json={"url": server.url("/feed.xml")})
    assert (again.status_code, again.json()["id"], again.json()["every"]) == (200, first["id"], 5)
    assert same.json()["every"] == 5  # no interval given: kept
    assert client.get("/api/sources").json()["sources"][0]["articles_added"] == 0


def test_a_private_address_is_refused_unless_the_setting_allows_it(server, tmp_path):
    settings = Settings(db=f"sqlite:///{tmp_path / 'news.db'}", warm_briefs=0, follow_delay=0, follow_retries=0)
    store = Store(settings.db)
    headers = {"Authorization": f"Bearer {create_key(store, 'editor')}"}
    with TestClient(create_app(settings, store), headers=headers) as client:
        response = client.post("/api/sources", json={"url": server.url("/feed.xml")})
    assert response.status_code == 422 and "non-public address" in response.json()["detail"]
    assert server.requests == []


def test_a_page_without_a_feed_is_a_422_saying_why(server, client):
    response = client.post("/api/sources", json={"url": server.url("/plain.html")})
    assert response.status_code == 422 and "no feed found" in response.json()["detail"]


@pytest.mark.parametrize("body", [{"url": "ftp://example.com/feed"}, {"url": "https://x.example/", "every": 0}, {}])
def test_a_bad_source_is_a_422(client, body):
    response = client.post("/api/sources", json=body)
    assert response.status_code == 422 and "\n" not in response.json()["detail"]


def test_a_source_is_removed_once(server, client):
    source_id = client.post("/api/sources", json={"url": server.url("/feed.xml")}).json()["id"]
    assert client.delete(f"/api/sources/{source_id}").status_code == 204
    gone = client.delete(f"/api/sources/{source_id}")
    assert gone.status_code == 404 and gone.json()["detail"] == f"no source {source_id}"
    assert client.get("/api/sources").json() == {"sources": []}
