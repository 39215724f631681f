"""Lead: the articles' first sentences, round-robin (the classic news baseline)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsbrief.summarize.base import Candidate, Summarizer


class LeadSummarizer(Summarizer):
    name = "lead"
    redundancy = 1.0  # round-robin order, no redundancy control

    def score(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> np.ndarray:
        """First sentences of every article, then second sentences, ... in article order."""
        return -np.array([c.position * len(candidates) + c.article_index for c in candidates], dtype=float)
