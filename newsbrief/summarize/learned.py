"""The learned method: a tree ensemble scores each candidate from its features, then MMR selects.

The scorer was trained on Multi-News (`python -m newsbrief.learn.summarizer`, model card in the README) to
predict how much of a human summary each candidate sentence carries per word. It ships as
`newsbrief/data/summarizer.npz` and runs with numpy alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from newsbrief.embed.static import load_embedder
from newsbrief.errors import NewsbriefError
from newsbrief.summarize.base import Candidate, Summarizer
from newsbrief.summarize.features import FEATURES, candidate_features
from newsbrief.summarize.trees import TreeEnsemble

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "summarizer.npz"


class LearnedSummarizer(Summarizer):
    name = "learned"

    def __init__(self, settings=None, model: TreeEnsemble | None = None, embedder=None):
        super().__init__(settings)
        self.model = model
        self.embedder = embedder

    @property
    def redundancy(self) -> float:
        """The MMR trade-off tuned with the model (stored in its metadata)."""
        return float((self.model or load_model()).metadata.get("redundancy", 0.5))

    def score(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> np.ndarray:
        model = self.model or load_model()
        embedder = self.embedder or load_embedder()
        embeddings = embedder.encode([c.sentence.text for c in candidates])
        return model.predict(candidate_features(candidates, vectors, embeddings))


@cache
def load_model(path: str | None = None) -> TreeEnsemble:
    """The packaged scorer (or the one at `path`), loaded once per process."""
    path = Path(path) if path else MODEL_PATH
    if not path.is_file():
        raise NewsbriefError(f"learned summarizer model missing: {path} (retrain it with `python -m newsbrief.learn.summarizer`)")
    model = TreeEnsemble.load(path)
    if model.feature_names != FEATURES:
        raise NewsbriefError(f"{path} was trained on other features; retrain it with `python -m newsbrief.learn.summarizer`")
    return model
