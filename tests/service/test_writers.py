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
    real_restore, real_embed = StoryTracker.restore, StoryTracker._embed_restored
    monkeypatch.setattr(store, "write", write)
    monkeypatch.setattr(StoryTracker, "restore", lambda self, *a, **k: (replayed_inside.append(bool(writing)),
                                                                        real_restore(self, *a, **k))[1])
    monkeypatch.setattr(StoryTracker, "_embed_restored", lambda self: (replayed_inside.append(bool(writing) and bool(self._unembedded)),
                                                                       real_embed(self))[1])
    result = Ingestor(store, Settings(db=db)).add(articles[-1])
    assert result.status == ADDED
    assert len(replayed_inside) >= len(articles) - 1 and not any(replayed_inside)
