"""The example articles, dated as published (the earlier one first), cleaned; an unrelated article."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from newsbrief.config import Settings
from newsbrief.ingest import read_inputs
from newsbrief.ingest.records import article_from_record
from newsbrief.pipeline import clean_articles
from tests.conftest import shared_path

# 001 reports the push of late November; 000, two weeks later, "more than three-quarters" taken.
PUBLISHED = {"001": date(2016, 11, 28), "000": date(2016, 12, 12)}


@pytest.fixture(scope="session")
def aleppo(seed_paths):
    """[earlier, later] example articles, cleaned and dated."""
    articles, _ = read_inputs([str(p) for p in seed_paths], Settings())
    cleaned, _ = clean_articles(articles, [])
    dated = [replace(a, published=PUBLISHED[a.path.rsplit("/", 1)[1][:3]]) for a in cleaned]
    return sorted(dated, key=lambda a: a.published)


@pytest.fixture(scope="session")
def unrelated():
    """A Giveme5W1H article about another event (a Tesla Roadster sent to Mars)."""
    path = shared_path("data", "giveme5w1h-news-cluster", "news_cluster.jsonl")
    with open(path, encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if "Tesla" in (r["title"] or ""))
    article = article_from_record(record, source=str(path), default_id="tesla", path=str(path), settings=Settings())
    return clean_articles([article], [])[0][0]
