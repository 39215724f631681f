"""The labelled story sets the grouping benchmarks read."""

from __future__ import annotations

from datetime import date

from newsbrief.evaluate.storydata import LabelledArticles, semeval_pairs, without_dates
from newsbrief.model import Article
from tests.conftest import shared_path


def test_a_set_without_dates_keeps_every_article_and_its_story():
    data = LabelledArticles([Article(id=str(i), text="t", published=date(2020, 1, i + 1)) for i in range(5)],
                            list("aabbc"))
    undated = without_dates(data)
    assert sorted(zip((a.id for a in undated.articles), undated.stories)) == list(zip("01234", "aabbc"))
    assert all(a.published is None for a in undated.articles)


def test_semeval_pairs_carry_the_narrative_judgment():
    pairs = semeval_pairs(shared_path("data", "semeval2022-task8-news-similarity", "en_en_pairs.jsonl"))
    assert len(pairs) == 354 and all(1.0 <= p.narrative <= 4.0 for p in pairs)
