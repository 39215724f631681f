"""Labelled story data for the grouping benchmarks: articles with their gold story, and rated pairs.

Readers for the staged sets (see each folder's README under ../shared/data/):
- Multi-News: the articles of N clusters shuffled together, the cluster is the story;
- Giveme5W1H news_cluster: 383 full articles, `event_id` is the story;
- UCI News Aggregator subset: headlines only, `STORY` is the story;
- SemEval-2022 Task 8 en-en pairs: `overall` 1 (very similar) .. 4 (very dissimilar).
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from newsbrief.evaluate.multinews import load_clusters
from newsbrief.config import Settings
from newsbrief.ingest.records import article_from_record
from newsbrief.model import Article


@dataclass(frozen=True)
class LabelledArticles:
    articles: list[Article]
    stories: list[str]  # the gold story of each article


@dataclass(frozen=True)
class RatedPair:
    a: Article
    b: Article
    overall: float  # 1 = very similar .. 4 = very dissimilar
    narrative: float  # the same scale, for what the two tell (the kind of story)


def multinews_mix(path: Path, clusters: int, seed: int) -> LabelledArticles:
    """The articles of `clusters` random clusters, shuffled together (`seed` picks and shuffles)."""
    found = [(Article(id=f"{c.id}/{i}", text=doc), c.id)
             for c in load_clusters(path, limit=clusters, seed=seed) for i, doc in enumerate(c.documents)]
    random.Random(seed).shuffle(found)
    return LabelledArticles([a for a, _ in found], [s for _, s in found])


def without_dates(data: LabelledArticles, seed: int = 0) -> LabelledArticles:
    """The set with its dates removed and its articles shuffled: what a grouping gets from pages
    that state no date (or from a feed that drops them), in no helpful order."""
    pairs = [(replace(a, published=None), s) for a, s in zip(data.articles, data.stories)]
    random.Random(seed).shuffle(pairs)
    return LabelledArticles([a for a, _ in pairs], [s for _, s in pairs])


def giveme5w1h(path: Path) -> LabelledArticles:
    """Read as `newsbrief brief` reads the file; a record with no text stays, as an empty article."""
    articles, stories = [], []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            article = article_from_record(record, source=f"{path}:{number}", default_id=str(record["id"]),
                                          path=str(path), settings=Settings())
            articles.append(article if isinstance(article, Article) else Article(id=str(record["id"]), text=""))
            stories.append(str(record["event_id"]))
    return LabelledArticles(articles, stories)


def uci_headlines(path: Path) -> LabelledArticles:
    articles, stories = [], []
    with open(path, encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            day = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, tz=timezone.utc).date()
            articles.append(Article(id=row["ID"], text=row["TITLE"], title=row["TITLE"], url=row["URL"],
                                    outlet=row["PUBLISHER"], published=day))
            stories.append(row["STORY"])
    return LabelledArticles(articles, stories)


def semeval_pairs(path: Path) -> list[RatedPair]:
    pairs = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            pairs.append(RatedPair(Article(id=record["id1"], text=record["text1"]),
                                   Article(id=record["id2"], text=record["text2"]), float(record["overall"]),
                                   float(record["narrative"])))
    return pairs
