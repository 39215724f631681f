"""Training rows for the learned scorer: features of every candidate and labels from the reference.

For each Multi-News cluster the articles go through the same stages as at run time (cleaning,
candidates, vectors, features), so the model learns on exactly what it will see. The label is
membership in the greedy extractive oracle (the whole sentences that together maximise ROUGE-1 +
ROUGE-2 F1 against the reference, with ROUGE's own tokenizer and stemmer). Per-sentence ROUGE
precision and graded relevance labels (LambdaRank) were tried and did no better on held-out
clusters (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.config import Settings
from newsbrief.evaluate.multinews import Cluster, cluster_articles, reference_sentences
from newsbrief.evaluate.rouge import ngram_f1, ngrams, tokens
from newsbrief.pipeline import prepare
from newsbrief.summarize.base import Candidate, build_candidates, tfidf_vectors
from newsbrief.summarize.features import candidate_features


@dataclass
class ClusterRows:
    features: np.ndarray  # (candidates, FEATURES)
    labels: np.ndarray  # (candidates,): 1.0 for oracle sentences


def cluster_rows(cluster: Cluster, settings: Settings, embedder=None, oracle_words: int = 260) -> ClusterRows | None:
    """Features and labels of one cluster's candidates; None when it has no candidate."""
    candidates = build_candidates(prepare(cluster_articles(cluster), settings), settings)
    if not candidates:
        return None
    texts = [c.sentence.text for c in candidates]
    embeddings = embedder.encode(texts) if embedder is not None else None
    features = candidate_features(candidates, tfidf_vectors(texts), embeddings)
    reference = tokens(" ".join(reference_sentences(cluster.summary)))
    return ClusterRows(features, candidate_labels(candidates, reference, oracle_words))


def candidate_labels(candidates: Sequence[Candidate], reference: list[str], oracle_words: int) -> np.ndarray:
    """1.0 for the candidates the greedy oracle picks, else 0.0."""
    sentence_tokens = [tokens(c.sentence.text) for c in candidates]
    labels = np.zeros(len(candidates), dtype=np.float32)
    labels[greedy_oracle(sentence_tokens, ngrams(reference, 1), ngrams(reference, 2), oracle_words)] = 1.0
    return labels


def greedy_oracle(sentence_tokens: Sequence[list[str]], ref1: Counter, ref2: Counter, words: int) -> list[int]:
    """Indices of the greedy extractive oracle (ROUGE-1 + ROUGE-2 F1), whole sentences within `words`."""
    chosen: list[int] = []
    best_score, used = 0.0, 0
    selected1, selected2 = Counter(), Counter()
    while True:
        best = None
        for i, toks in enumerate(sentence_tokens):
            if i in chosen or used + len(toks) > words or not toks:
                continue
            c1, c2 = selected1 + ngrams(toks, 1), selected2 + ngrams(toks, 2)
            score = ngram_f1(c1, ref1) + ngram_f1(c2, ref2)
            if score > best_score:
                best_score, best = score, (i, c1, c2)
        if best is None:
            return chosen
        i, selected1, selected2 = best
        chosen.append(i)
        used += len(sentence_tokens[i])


def build_dataset(clusters: Iterable[Cluster], settings: Settings, embedder=None) -> tuple[np.ndarray, np.ndarray]:
    """(features, labels) of every candidate of many clusters, in order."""
    rows = [r for r in (cluster_rows(c, settings, embedder) for c in clusters) if r is not None]
    return np.concatenate([r.features for r in rows]), np.concatenate([r.labels for r in rows])
