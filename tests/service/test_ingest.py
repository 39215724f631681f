"""The ingestor's batches: several articles to one write transaction, the decisions of one at a time."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsbrief.config import Settings
from newsbrief.service.ingest import ADDED, DUPLICATE, REJECTED, Ingestor
from newsbrief.store import Store
from tests.stories.test_corrections import SPLIT_UP, TRAM, event_articles


def stored_rows(db: str) -> list[tuple]:
    return [(s.article.id, s.seq, s.story_id, s.copy_of) for s in Store(db).articles_after(0)]


@pytest.fixture
def articles():
    return event_articles(TRAM, 4) + event_articles(SPLIT_UP, 4)


def test_batches_store_what_one_at_a_time_stores(tmp_path, articles):
    one, batched = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'batched.db'}"
    Ingestor(Store(one), Settings(db=one)).add_many(articles, batch=1)
    results = Ingestor(Store(batched), Settings(db=batched)).add_many(articles, batch=5)
    assert [r.status for r in results] == [ADDED] * len(articles)
    assert stored_rows(batched) == stored_rows(one)


def test_the_same_id_twice_in_a_batch_is_decided_after_the_first_is_stored(tmp_path, articles):
    db = f"sqlite:///{tmp_path / 'news.db'}"
    first = articles[0]
    again = replace(articles[1], id=first.id, outlet="Other Wire")  # another text under a taken id
    results = Ingestor(Store(db), Settings(db=db)).add_many([first, replace(first), again], batch=32)
    assert [r.status for r in results] == [ADDED, DUPLICATE, ADDED]
    assert results[2].id == f"{first.id}@Other-Wire" and "already stored with another text" in results[2].note


def test_an_article_the_stages_choke_on_is_rejected_and_the_rest_of_its_batch_stored(tmp_path, articles, monkeypatch):
    db = f"sqlite:///{tmp_path / 'news.db'}"
    ingestor = Ingestor(Store(db), Settings(db=db))
    ingestor.warm_up()
    tracker_add = type(ingestor._tracker).add

    def choke(self, article, **kwargs):
        if article.id == articles[2].id:
            raise ValueError("a text no stage expected")
        return tracker_add(self, article, **kwargs)

    monkeypatch.setattr(type(ingestor._tracker), "add", choke)
    results = ingestor.add_many(articles[:5], batch=5)
    assert [r.status for r in results] == [ADDED, ADDED, REJECTED, ADDED, ADDED]
    assert results[2].reason == "internal error: ValueError: a text no stage expected"
    assert [row[0] for row in stored_rows(db)] == [a.id for a in articles[:5] if a.id != articles[2].id]
