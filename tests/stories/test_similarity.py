"""similarity() and same_story(): the pair model the grouping uses, read as a graded score and a verdict."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsbrief.stories import same_story, similarity
from newsbrief.stories.pairmodel import load_model

JOIN = load_model().similarity_threshold  # the similarity at which the grouping puts two articles together


def test_the_example_articles_are_similar_enough_to_group(aleppo):
    assert similarity(*aleppo) > JOIN


def test_the_example_articles_are_the_same_story(aleppo):
    assert same_story(*aleppo)


def test_an_unrelated_article_is_not_the_same_story(aleppo, unrelated):
    assert not same_story(aleppo[0], unrelated)


def test_the_join_similarity_is_where_the_probability_meets_the_threshold():
    model = load_model()
    features = np.array([[model.similarity_threshold] * 3])
    assert abs(model.probability(features)[0] - model.threshold) < 1e-9


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


def test_raw_articles_are_compared_as_cleaned(seed_paths, aleppo):
    from newsbrief.config import Settings
    from newsbrief.ingest import read_inputs

    raw, _ = read_inputs([str(p) for p in seed_paths], Settings())
    raw = sorted(raw, key=lambda a: [c.path for c in aleppo].index(a.path))
    assert raw[0].text != aleppo[0].text  # the seeds carry debris
    assert similarity(*raw) == similarity(*aleppo)


def test_similarity_agrees_with_human_judgments_on_semeval():
    """Pearson r with the SemEval-2022 task 8 en-en Overall score (1 = same story); measured 0.832."""
    from newsbrief.evaluate.storydata import semeval_pairs
    from tests.conftest import shared_path

    pairs = semeval_pairs(shared_path("data", "semeval2022-task8-news-similarity", "en_en_pairs.jsonl"))
    scores = [similarity(p.a, p.b) for p in pairs]
    assert -np.corrcoef(scores, [p.overall for p in pairs])[0, 1] >= 0.82
