"""The default unsupervised method: centrality across documents + position, under MMR.

A sentence deserves a place when it is (a) close to what the whole story is about —
the centroid of the articles, each article weighing the same —, (b) echoed by the
other articles — its best match in each other article, averaged —, and (c) early in
its article, where news writing puts what matters (the inverted pyramid).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsbrief.summarize.base import Candidate, Summarizer


class CentroidSummarizer(Summarizer):
    """Weights and MMR trade-off chosen on 1,000 Multi-News train clusters (benchmarks/RESULTS.md)."""

    name = "centroid"
    redundancy = 0.3

    def __init__(self, settings=None, centrality: float = 1.0, support: float = 1.0, position: float = 2.0):
        super().__init__(settings)
        self.centrality = centrality
        self.support = support
        self.position = position

    def score(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> np.ndarray:
        articles = np.array([c.article_index for c in candidates])
        return (
            self.centrality * centrality(vectors, articles)
            + self.support * cross_document_support(vectors, candidates)
            + self.position * position_prior(candidates)
        )


def centrality(vectors: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Cosine of each sentence to the story centroid, built from one unit vector per article."""
    centroid = np.zeros(vectors.shape[1], dtype=vectors.dtype)
    for a in np.unique(articles):
        article_vector = vectors[articles == a].sum(axis=0)
        norm = np.linalg.norm(article_vector)
        if norm > 0:
            centroid += article_vector / norm
    norm = np.linalg.norm(centroid)
    return vectors @ (centroid / norm) if norm > 0 else np.zeros(len(vectors))


def cross_document_support(vectors: np.ndarray, candidates: Sequence[Candidate]) -> np.ndarray:
    """Mean, over the other articles, of the sentence's best cosine match in that article.

    A merged near-copy counts as a perfect match in every article that carries it.
    """
    article_ids = sorted({s.article_id for c in candidates for s in c.copies})
    if len(article_ids) < 2:
        return np.zeros(len(candidates))
    column = {a: i for i, a in enumerate(article_ids)}
    members = np.zeros((len(candidates), len(article_ids)), dtype=bool)
    for row, c in enumerate(candidates):
        for s in c.copies:
            members[row, column[s.article_id]] = True
    similarity = vectors @ vectors.T
    best = np.zeros_like(members, dtype=float)
    for j in range(len(article_ids)):
        rows = members[:, j]
        if rows.any():
            best[:, j] = similarity[:, rows].max(axis=1)
    best[members] = 1.0
    own = members.sum(axis=1)
    return (best.sum(axis=1) - own) / np.maximum(len(article_ids) - own, 1)


def position_prior(candidates: Sequence[Candidate]) -> np.ndarray:
    """1 for an article's first sentence, decaying as 1/sqrt(1 + position)."""
    return np.array([1.0 / np.sqrt(1.0 + c.best_position) for c in candidates])
