"""The store on SQLite and PostgreSQL: migrations, idempotent ingest, the same stories either way."""

from __future__ import annotations

import sqlite3

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.files import read_inputs
from newsbrief.model import Article
from newsbrief.service.ingest import ADDED, DUPLICATE, Ingestor
from newsbrief.store import Store, StoreError, resolve_url

from tests.service.conftest import small_input  # noqa: F401


def contents(store: Store) -> tuple[list, list]:
    articles = [(s.article.id, s.seq, s.story_id, s.copy_of) for s in store.articles_after(0)]
    _, stories = store.stories(limit=1000)
    return articles, sorted((s.id, s.label, s.size, s.first, s.last, s.outlets) for s in stories)


@pytest.fixture(scope="module")
def articles(small_input):  # noqa: F811
    found, _ = read_inputs(small_input, Settings())
    return found


def test_ingest_is_idempotent_and_the_same_on_every_database(db_url, articles, tmp_path):
    store = Store(db_url)
    results = Ingestor(store, Settings()).add_many(articles)
    assert sum(r.status == ADDED for r in results) == 42
    first = contents(store)
    again = Ingestor(Store(db_url), Settings()).add_many(articles)  # a new process: rebuilt from the store
    assert {r.status for r in again} <= {DUPLICATE, "rejected"}
    assert contents(store) == first
    assert store.counts() == (42, len(first[1]))
    reference = Store(f"sqlite:///{tmp_path / 'reference.db'}")
    Ingestor(reference, Settings()).add_many(articles)
    assert contents(reference) == first  # PostgreSQL and SQLite group the same way


def test_half_an_ingest_then_the_rest_equals_one_ingest(db_url, articles, tmp_path):
    store = Store(db_url)
    Ingestor(store, Settings()).add_many(articles[:17])
    Ingestor(Store(db_url), Settings()).add_many(articles)  # restart: restore, then continue
    whole = Store(f"sqlite:///{tmp_path / 'whole.db'}")
    Ingestor(whole, Settings()).add_many(articles)
    assert contents(store) == contents(whole)


def test_a_failed_write_stores_nothing_and_the_next_one_recovers(db_url, articles):
    store = Store(db_url)
    ingestor = Ingestor(store, Settings())
    ingestor.add_many(articles[:3])
    with pytest.raises(RuntimeError):
        with store.write() as writer:
            writer.add_article(Article("x", "Some text here."), 99, "sx", None, lambda a: "x")
            raise RuntimeError("crash in the middle")
    assert not store.has_article("x") and store.story("sx") is None
    ingestor.add_many(articles[3:6])
    assert store.counts()[0] == 6


def test_search_and_filters(db_url, articles):
    store = Store(db_url)
    Ingestor(store, Settings()).add_many(articles)
    total, found = store.search("aleppo")
    assert total >= 2 and all("aleppo" in (a.article.text + (a.article.title or "")).lower() for a in found)
    assert store.search("50%_off")[0] == 0
    total, stories = store.stories(limit=100)
    outlet = stories[0].outlets[0]
    n, by_outlet = store.stories(outlet=outlet, limit=100)
    assert 1 <= n <= total and all(outlet in s.outlets for s in by_outlet)


def test_sqlite_is_in_wal_mode(tmp_path):
    Store(f"sqlite:///{tmp_path / 'a.db'}")
    with sqlite3.connect(tmp_path / "a.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"


def test_urls(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_url("") == f"sqlite:///{tmp_path}/newsbrief/newsbrief.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path}/x.db"
    with pytest.raises(StoreError, match="unsupported"):
        resolve_url("mysql://u:secret@h/db")


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
