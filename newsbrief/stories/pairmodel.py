"""Same story or not: three cheap views of two articles weighed by one learned model (the pair model).

The features compare an article with another article, or with a story's centroid (the sum of
its articles' profiles), so the pairwise API and the story grouping use one model:
- cosine of the MiniLM embeddings (meaning);
- cosine of the TF-IDF term weights (the same words);
- the share of the article's names that the other side also mentions.
A logistic model over them is fitted on Multi-News training clusters (same cluster = same story)
by `python -m newsbrief.learn.stories`; its weights and the grouping threshold ship in
`newsbrief/data/stories.json`. The model reads two ways, one a monotone function of the other:
`similarity`, the weighted mean of the cosines (a graded 0-1 "how alike", what users compare),
and `probability`, the logistic P(same story) the grouping thresholds.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsbrief.stories.profile import Centroid, Profile, dense_cosine, sparse_cosine

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "stories.json"
FEATURES = ("dense_cosine", "term_cosine", "shared_names")


@dataclass(frozen=True)
class SimilarityModel:
    """Logistic weights over FEATURES, and the probability at which an article joins a story."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def similarity(self, features: np.ndarray) -> np.ndarray:
        """The weighted mean of the features (cosines and a share): 0 unrelated ... 1 identical."""
        weights = np.asarray(self.weights)
        return np.asarray(features) @ weights / np.abs(weights).sum()

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(same story) for rows of pair features: a logistic function of `similarity`."""
        return 1.0 / (1.0 + np.exp(-(np.asarray(features) @ np.asarray(self.weights) + self.bias)))

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Whether each pair is the same story: its probability reaches the join threshold."""
        return self.probability(features) >= self.threshold

    @property
    def similarity_threshold(self) -> float:
        """The similarity at which the probability reaches the join threshold."""
        logit = math.log(self.threshold / (1.0 - self.threshold))
        return (logit - self.bias) / float(np.abs(np.asarray(self.weights)).sum())

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold}


@cache
def load_model(path: str | None = None) -> SimilarityModel:
    """The packaged model (or the one at `path`), loaded once per process."""
    path = Path(path) if path else MODEL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: model features {data['features']} do not match {list(FEATURES)}")
    return SimilarityModel(tuple(data["weights"]), data["bias"], data["threshold"])


def pair_features(article: Profile, other: Profile | Centroid) -> np.ndarray:
    """The FEATURES of an article against another article or a story centroid."""
    names = article.names
    if isinstance(other, Centroid):
        shared = sum(1 for n in names if other.names.get(n))
    else:
        shared = len(names & other.names)
    return np.array([
        dense_cosine(article.dense, other.dense),
        sparse_cosine(article.terms, other.terms),
        shared / math.sqrt(len(names)) / 3.0 if names else 0.0,
    ])
