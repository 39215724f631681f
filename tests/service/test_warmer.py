"""The background builder of changed stories' briefs (`serve`)."""

from __future__ import annotations

import sqlite3
import time

from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.model import Article
from newsbrief.service.app import BriefWarmer, Newsroom, create_app
from newsbrief.store import Store
from tests.service.conftest import XSS_TEXT, key_headers


def _copy(filled_db: str, tmp_path) -> str:
    """A copy of the session's store (its write-ahead log included) to add articles to."""
    path = tmp_path / "news.db"
    with sqlite3.connect(filled_db.removeprefix("sqlite:///")) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    return f"sqlite:///{path}"


def _cached_ids(newsroom: Newsroom) -> set[str]:
    return {key[0] for key in newsroom._stories}


def test_the_warmer_builds_the_latest_changed_stories_once(filled_db, tmp_path):
    db = _copy(filled_db, tmp_path)
    newsroom = Newsroom(Settings(db=db, warm_briefs=3), Store(db))
    warmer = BriefWarmer(newsroom)
    latest = [row.id for row in newsroom.store.changed_stories(0, 3)]
    assert warmer.warm_once() == 3
    assert _cached_ids(newsroom) == set(latest)
    assert warmer.warm_once() == 0  # nothing changed since


def test_a_story_that_takes_an_article_is_built_again_and_only_it(filled_db, tmp_path):
    db = _copy(filled_db, tmp_path)
    newsroom = Newsroom(Settings(db=db, warm_briefs=3), Store(db))
    warmer = BriefWarmer(newsroom)
    warmer.warm_once()
    result = newsroom.ingestor.add(_article())
    built_before = set(newsroom._stories)
    assert warmer.warm_once() == 1
    (new_key,) = set(newsroom._stories) - built_before
    assert new_key[0] == result.story_id


def test_serve_builds_a_posted_articles_story_in_the_background(filled_db, tmp_path):
    db = _copy(filled_db, tmp_path)
    app = create_app(Settings(db=db, warm_briefs=2))
    with TestClient(app, headers=key_headers(db)) as client:
        newsroom = app.state.newsroom
        story_id = client.post("/api/articles", json=_article_json()).json()["results"][0]["story_id"]
        deadline = time.monotonic() + 60
        while story_id not in _cached_ids(newsroom) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert story_id in _cached_ids(newsroom)
        warmer = newsroom.warmer
    assert not warmer._thread.is_alive() and newsroom.warmer is None  # stopped with the app


def _article_json() -> dict:
    return {"id": "storm-1", "title": "Storm floods coastal towns", "outlet": "Test Post", "text": XSS_TEXT * 3}


def _article():
    return Article(**{**_article_json(), "id": "storm-2"})


def test_a_changed_story_is_served_as_built_while_its_new_brief_is_built_in_the_background(filled_db, tmp_path):
    db = _copy(filled_db, tmp_path)
    newsroom = Newsroom(Settings(db=db, warm_briefs=3), Store(db))
    newsroom.warmer = warmer = BriefWarmer(newsroom)  # attached, not started: the test turns it
    story_id = newsroom.ingestor.add(_article()).story_id
    before = newsroom.story(story_id)  # nothing built yet: built now
    newsroom.ingestor.add(Article(**{**_article_json(), "id": "storm-3", "outlet": "Other Post"}))
    assert newsroom.story(story_id) is before  # served at once, as built
    assert story_id in warmer._wanted
    warmer.warm_once()
    assert newsroom.story(story_id) is not before and len(newsroom.story(story_id).articles) == len(before.articles) + 1
