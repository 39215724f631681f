"""Candidate features: one row per candidate, finite, and blind to capitalisation."""

import dataclasses

import numpy as np
import pytest

from newsbrief.config import Settings
from newsbrief.embed import load_embedder
from newsbrief.model import Article
from newsbrief.summarize.base import build_candidates, tfidf_vectors
from newsbrief.summarize.features import FEATURES, candidate_features

from tests.conftest import document


@pytest.fixture(scope="module")
def seed_articles(seed_paths):
    from newsbrief.clean.article import clean_article

    return [clean_article(Article(id=p.name, text=p.read_text(encoding="utf-8"))) for p in seed_paths]


def features_of(articles):
    candidates = build_candidates(document(articles), Settings())
    texts = [c.sentence.text for c in candidates]
    return candidates, candidate_features(candidates, tfidf_vectors(texts), load_embedder().encode(texts))


def test_one_finite_row_per_candidate(seed_articles):
    candidates, matrix = features_of(seed_articles)
    assert matrix.shape == (len(candidates), len(FEATURES))
    assert np.isfinite(matrix).all()


def test_features_do_not_depend_on_capitalisation(seed_articles):
    candidates, original = features_of(seed_articles)
    lowered = [dataclasses.replace(c, sentence=dataclasses.replace(c.sentence, text=c.sentence.text.lower()))
               for c in candidates]
    texts = [c.sentence.text for c in lowered]
    lower = candidate_features(lowered, tfidf_vectors(texts), load_embedder().encode(texts))
    assert np.allclose(original, lower, atol=1e-5)


def test_the_first_body_sentence_is_marked_first(seed_articles):
    candidates, matrix = features_of(seed_articles)
    first = matrix[:, FEATURES.index("is_first")]
    assert {c.article_index for c, f in zip(candidates, first) if f} == {0, 1}


def test_no_candidates_give_an_empty_matrix():
    assert candidate_features([], np.zeros((0, 3))).shape == (0, len(FEATURES))
