"""A writer's first write replays the store before it opens its write transaction, not inside
it: a second writer or the server is never locked out while it catches up."""

from __future__ import annotations

from contextlib import contextmanager

from newsbrief.config import Settings
from newsbrief.ingest.files import read_inputs
from newsbrief.service.ingest import ADDED, Ingestor
from newsbrief.stories.tracker import StoryTracker
from newsbrief.store import Store
from tests.service.conftest import cluster_records, write_jsonl


def test_the_replay_of_a_first_write_happens_outside_the_write_transaction(tmp_path, monkeypatch):
    records = cluster_records(30)
    articles, _ = read_inputs([write_jsonl(tmp_path / "a.jsonl", records)], Settings())
    db = "sqlite:///" + str(tmp_path / "news.db")
    Ingestor(Store(db), Settings(db=db)).add_many(articles[:-1])

    store = Store(db)
    writing = []
    real_write = store.write

    @contextmanager
    def write():
        with real_write() as writer:
            writing.append(True)
            try:
                yield writer
            finally:
                writing.pop()

    replayed_inside = []
    real_restore, real_embed = StoryTracker.restore, StoryTracker._count_restored
    monkeypatch.setattr(store, "write", write)
    monkeypatch.setattr(StoryTracker, "restore", lambda self, *a, **k: (replayed_inside.append(bool(writing)),
                                                                        real_restore(self, *a, **k))[1])
    monkeypatch.setattr(StoryTracker, "_count_restored", lambda self, *a: (replayed_inside.append(bool(writing) and bool(self._restored)),
                                                                       real_embed(self, *a))[1])
    result = Ingestor(store, Settings(db=db)).add(articles[-1])
    assert result.status == ADDED
    assert len(replayed_inside) >= len(articles) - 1 and not any(replayed_inside)


def _ingested(tmp_path, n: int = 30):
    records = cluster_records(n)
    articles, _ = read_inputs([write_jsonl(tmp_path / "a.jsonl", records)], Settings())
    db = "sqlite:///" + str(tmp_path / "news.db")
    return articles, db


def test_each_stored_article_keeps_its_embedding_and_the_model_that_made_it(tmp_path):
    articles, db = _ingested(tmp_path)
    Ingestor(Store(db), Settings(db=db)).add_many(articles)
    rows = list(Store(db).articles_after(0))
    assert rows and all(r.embedding is not None and len(r.embedding) == 384 * 4 for r in rows)
    assert {r.embedder for r in rows} == {StoryTracker(Settings()).embedder} and rows[0].embedder.startswith("minilm-")


def test_a_restart_embeds_only_the_new_article_and_decides_as_one_run_would(tmp_path, monkeypatch):
    articles, db = _ingested(tmp_path)
    one_run_db = "sqlite:///" + str(tmp_path / "one-run.db")
    one_run = Ingestor(Store(one_run_db), Settings(db=one_run_db)).add_many(articles)
    Ingestor(Store(db), Settings(db=db)).add_many(articles[:-1])

    from newsbrief.stories.profile import Profiler

    embedded = []
    real = Profiler.embed
    monkeypatch.setattr(Profiler, "embed", lambda self, batch: (embedded.append(len(batch)), real(self, batch))[1])
    last = Ingestor(Store(db), Settings(db=db)).add(articles[-1])
    assert embedded == [1]  # the new article; the stored ones come back with their vectors
    assert (last.story_id, last.new_story, last.copy_of) == (one_run[-1].story_id, one_run[-1].new_story, one_run[-1].copy_of)


def test_a_store_without_embeddings_is_replayed_by_embedding_its_articles(tmp_path, monkeypatch):
    import sqlite3

    articles, db = _ingested(tmp_path)
    one_run_db = "sqlite:///" + str(tmp_path / "one-run.db")
    one_run = Ingestor(Store(one_run_db), Settings(db=one_run_db)).add_many(articles)
    Ingestor(Store(db), Settings(db=db)).add_many(articles[:-1])
    with sqlite3.connect(tmp_path / "news.db") as conn:  # as a store written before embeddings were kept
        conn.execute("UPDATE articles SET embedding = NULL, embedder = NULL")
    last = Ingestor(Store(db), Settings(db=db)).add(articles[-1])
    assert (last.story_id, last.new_story, last.copy_of) == (one_run[-1].story_id, one_run[-1].new_story, one_run[-1].copy_of)


def test_a_restart_reads_the_stored_copy_signatures_instead_of_shingling_the_texts_again(tmp_path, monkeypatch):
    from newsbrief.stories import tracker

    articles, db = _ingested(tmp_path)
    Ingestor(Store(db), Settings(db=db)).add_many(articles[:-1])
    shingled = []
    real = tracker.minhash
    monkeypatch.setattr(tracker, "minhash", lambda text: (shingled.append(text), real(text))[1])
    assert Ingestor(Store(db), Settings(db=db)).add(articles[-1]).status == ADDED
    assert shingled == []
