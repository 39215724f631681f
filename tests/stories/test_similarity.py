"""similarity(): the pairwise same-story probability the grouping uses."""

from __future__ import annotations

from dataclasses import replace

from newsbrief.stories import similarity
from newsbrief.stories.pairmodel import load_model

JOIN = load_model().threshold  # the probability at which the grouping puts two articles together


def test_the_example_articles_are_similar_enough_to_group(aleppo):
    assert similarity(*aleppo) > JOIN


def test_an_unrelated_article_is_far_below_the_grouping_threshold(aleppo, unrelated):
    assert similarity(aleppo[0], unrelated) < JOIN / 2


def test_a_copy_scores_one(aleppo):
    assert similarity(aleppo[0], replace(aleppo[0], id="copy")) == 1.0


def test_similarity_is_symmetric(aleppo, unrelated):
    assert abs(similarity(aleppo[0], unrelated) - similarity(unrelated, aleppo[0])) < 1e-6


def test_the_api_function_is_not_shadowed_by_a_submodule(aleppo):
    import newsbrief.stories.tracker  # noqa: F401 - imports every stories submodule
    from newsbrief import stories

    assert callable(stories.similarity)
