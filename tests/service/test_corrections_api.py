"""Corrections through the API: what each answers, and that a merge survives a restart and later articles."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.service.app import create_app
from newsbrief.service.ingest import Ingestor
from newsbrief.store import Store
from tests.service.conftest import key_headers
from tests.stories.test_corrections import SPLIT_UP, TRAM, event_articles


def stored(db: str) -> tuple[str, str]:
    """Three articles of each of two events in the store at `db`: (tram story, split-up story)."""
    results = Ingestor(Store(db), Settings(db=db)).add_many(event_articles(TRAM, 3) + event_articles(SPLIT_UP, 3))
    return results[0].story_id, results[3].story_id


def client_for(db: str) -> TestClient:
    return TestClient(create_app(Settings(db=db, warm_briefs=0)), raise_server_exceptions=False, headers=key_headers(db))


@pytest.fixture
def newsroom(tmp_path):
    """(client, db, tram story, split-up story) over a new store of two events."""
    db = f"sqlite:///{tmp_path / 'news.db'}"
    tram, split_up = stored(db)
    with client_for(db) as client:
        yield client, db, tram, split_up


def test_merge_answers_what_it_did(newsroom):
    client, _, tram, split_up = newsroom
    response = client.post(f"/api/stories/{tram}/merge", json={"stories": [split_up]})
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "merge" and body["stories"] == [tram] and len(body["articles"]) == 3
    assert client.get(f"/api/stories/{tram}").json()["article_count"] == 6


def test_a_merged_away_story_names_the_story_it_joined(newsroom):
    client, _, tram, split_up = newsroom
    client.post(f"/api/stories/{tram}/merge", json={"stories": [split_up]})
    response = client.get(f"/api/stories/{split_up}")
    assert response.status_code == 404 and f"its articles are in story {tram!r}" in response.json()["detail"]


def test_a_story_lists_its_corrections(newsroom):
    client, _, tram, split_up = newsroom
    client.post(f"/api/stories/{tram}/merge", json={"stories": [split_up]})
    (made,) = client.get(f"/api/stories/{tram}/corrections").json()["corrections"]
    assert made["kind"] == "merge" and made["other_id"] == split_up and len(made["articles"]) == 3


def test_a_merge_stays_after_a_restart_and_later_articles_join_it(newsroom):
    client, db, tram, split_up = newsroom
    client.post(f"/api/stories/{tram}/merge", json={"stories": [split_up]})
    later = event_articles(SPLIT_UP, 4)[3]
    with client_for(db) as restarted:  # a new process over the same store
        response = restarted.post("/api/articles", json={"id": later.id, "text": later.text, "title": later.title})
        assert response.status_code == 201 and response.json()["results"][0]["story_id"] == tram
        assert restarted.get(f"/api/stories/{tram}").json()["article_count"] == 7


def test_split_and_move_to_a_new_story(newsroom):
    client, _, tram, split_up = newsroom
    ids = client.get(f"/api/stories/{tram}").json()["articles"]
    split = client.post(f"/api/stories/{tram}/split", json={"articles": ids[1:]}).json()
    assert split["kind"] == "split" and client.get(f"/api/stories/{split['stories'][1]}").json()["article_count"] == 2
    moved = client.post("/api/moves", json={"articles": [ids[0]], "to": split_up}).json()
    assert moved["stories"] == [tram, split_up] and client.get(f"/api/stories/{split_up}").json()["article_count"] == 4


def test_delete_removes_the_article(newsroom):
    client, _, tram, _ = newsroom
    gone = client.get(f"/api/stories/{tram}").json()["articles"][0]
    assert client.delete(f"/api/articles/{gone}").status_code == 200
    assert client.get(f"/api/articles/{gone}").status_code == 404
    assert client.get(f"/api/stories/{tram}").json()["article_count"] == 2


@pytest.mark.parametrize("method, path, body, status", [
    ("post", "/api/stories/s-none/merge", {"stories": ["{split_up}"]}, 404),
    ("post", "/api/stories/{tram}/merge", {"stories": ["{tram}"]}, 422),
    ("post", "/api/stories/{tram}/split", {"articles": []}, 422),
    ("post", "/api/moves", {"articles": ["no-such-article"], "to": None}, 404),
    ("delete", "/api/articles/no-such-article", None, 404),
])
def test_a_correction_that_cannot_be_made_is_refused_in_one_line(newsroom, method, path, body, status):
    client, _, tram, split_up = newsroom
    fill = lambda text: text.replace("{tram}", tram).replace("{split_up}", split_up)  # noqa: E731
    kwargs = {"json": {k: [fill(v) for v in vs] if isinstance(vs, list) else vs for k, vs in body.items()}} if body else {}
    response = getattr(client, method)(fill(path), **kwargs)
    assert response.status_code == status
    assert "\n" not in response.json()["detail"]
