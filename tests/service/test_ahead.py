"""The parts of the next articles computed in worker threads: the same store, in the same order."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from newsbrief.config import Settings
from newsbrief.model import Article, Rejected
from newsbrief.service import ahead
from newsbrief.service.ahead import computed_ahead
from newsbrief.service.ingest import ADDED, DUPLICATE, REJECTED, Ingestor
from newsbrief.store import Store
from newsbrief.stories.tracker import default_profiler
from tests.stories.test_corrections import SPLIT_UP, TRAM, event_articles


def stored(path) -> tuple[list, list]:
    """Every stored column of the articles, and the story rows but the time they were written."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select id, seq, story_id, copy_of, title, outlet, language, path, text, embedding, "
                            "embedder, signature from articles order by seq").fetchall()
        stories = conn.execute("select id, label, size, first, last, outlets, last_seq, revision from stories "
                               "order by id").fetchall()
    return rows, stories


def ingestor_at(path, threads: int | None = None) -> Ingestor:
    db = f"sqlite:///{path}"
    return Ingestor(Store(db), Settings(db=db), default_profiler(threads=threads) if threads else None)


@pytest.fixture
def articles():
    tram, split_up = event_articles(TRAM, 4), event_articles(SPLIT_UP, 4)
    return [
        *tram,
        replace(tram[0], id="syndicated-copy", outlet="Another Wire"),  # joins by its copy signature
        Article(id="menu", text="Advertisement\nShare this article\nAdvertisement"),  # nothing left once cleaned
        split_up[0],
        replace(split_up[0]),  # the same id again, inside the read-ahead
        replace(split_up[1], id=tram[1].id),  # an id taken by another text: stored under a qualified id
        replace(split_up[2], id="feeds/item.txt", path="feeds/item.txt"),  # an id that is a path: a text hash
        split_up[3],
    ]


def test_computed_ahead_stores_what_the_ingestor_computing_alone_stores(tmp_path, articles):
    alone = ingestor_at(tmp_path / "alone.db")
    expected = alone.add_many(articles)
    ahead_ingestor = ingestor_at(tmp_path / "ahead.db", threads=1)
    results = list(ahead_ingestor.add_stream(computed_ahead(articles, ahead_ingestor, depth=3)))
    assert results == expected
    assert {r.status for r in results} == {ADDED, DUPLICATE, REJECTED}
    assert stored(tmp_path / "ahead.db") == stored(tmp_path / "alone.db")


def test_items_come_back_in_input_order_with_the_unreadable_ones_between(tmp_path, articles):
    unreadable = Rejected("broken.json", "read", "not JSON")
    items = [articles[0], unreadable, *articles[1:4]]
    out = list(computed_ahead(items, ingestor_at(tmp_path / "news.db", threads=1), depth=2))
    assert [item for item, _ in out] == items
    assert out[1][1] is None and all(parts.profile is not None for _, parts in out if parts is not None)


def test_an_article_whose_preparation_fails_goes_on_without_parts(tmp_path, articles, monkeypatch):
    clean = ahead.clean_articles

    def choke(batch, rejected):
        if batch[0].id == articles[1].id:
            raise RuntimeError("a text no stage expected")
        return clean(batch, rejected)

    monkeypatch.setattr(ahead, "clean_articles", choke)
    parts = [computed for _, computed in computed_ahead(articles[:3], ingestor_at(tmp_path / "news.db", threads=1))]
    assert parts[1] is None and parts[0] is not None and parts[2] is not None


def test_an_article_already_stored_is_not_computed_again(tmp_path, articles):
    ingestor = ingestor_at(tmp_path / "news.db", threads=1)
    ingestor.add_many(articles[:1])
    parts = [computed for _, computed in computed_ahead(articles[:2], ingestor)]
    assert parts[0] is None and parts[1] is not None


def test_the_articles_read_before_a_failing_input_are_handed_on_first(tmp_path, articles):
    def failing():
        yield from articles[:3]
        raise OSError("the disk went away")

    got = []
    with pytest.raises(OSError, match="the disk went away"):
        for item, _ in computed_ahead(failing(), ingestor_at(tmp_path / "news.db", threads=1)):
            got.append(item)
    assert got == articles[:3]


def test_the_read_ahead_stops_at_its_share_of_text(tmp_path, articles, monkeypatch):
    monkeypatch.setattr(ahead, "MAX_AHEAD_CHARS", 1)  # each article alone is over it: one at a time
    read = []

    def counted():
        for article in articles[:4]:
            read.append(article.id)
            yield article

    for n, _ in enumerate(computed_ahead(counted(), ingestor_at(tmp_path / "news.db", threads=1)), start=1):
        assert len(read) == n  # never more read than handed on
