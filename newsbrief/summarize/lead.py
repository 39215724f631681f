"""Lead: the articles' first sentences, round-robin (the classic news baseline)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsbrief.summarize.base import Candidate, Summarizer


class LeadSummarizer(Summarizer):
    name = "lead"
    penalise_redundancy = False

    def score(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> np.ndarray:
        """First sentences of every article, then second sentences, ... in article order."""
        ordinal: dict[int, int] = {}
        ranks = []
        for c in candidates:  # candidates come in article order, then sentence order
            ordinal[c.article_index] = ordinal.get(c.article_index, -1) + 1
            ranks.append(ordinal[c.article_index] * len(candidates) + c.article_index)
        return -np.array(ranks, dtype=float)
