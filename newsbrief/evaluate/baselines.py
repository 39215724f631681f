"""Reference extractive systems that newsbrief's summarizers are measured against.

Each takes the cluster's documents (plain strings) and a word budget and returns the
summary sentences, already cut to the budget with `fit_budget`. Documents are split
with newsbrief's own sentence splitter, so all systems choose from the same sentences.

- `lead`: round-robin first sentences (1st of each document, then 2nd of each, ...).
- `tfidf_centroid_mmr`: the classic centroid baseline, TF-IDF fit on the cluster's
  sentences, cosine to the centroid, MMR (lambda 0.7), sentences in selection order.
- `oracle`: greedy extractive oracle against the reference (ROUGE-1 + ROUGE-2 F1).
"""

from __future__ import annotations

import re

import numpy as np

from newsbrief.evaluate.multinews import split_text
from newsbrief.evaluate.rouge import fit_budget, ngram_f1, ngrams, tokens

MMR_LAMBDA = 0.7
_TERM = re.compile(r"(?u)\b\w\w+\b")  # words of 2+ characters, like scikit-learn's default


def lead(documents: list[str], words: int) -> list[str]:
    """Round-robin first sentences across documents, cut to `words`."""
    per_document = [split_text(doc) for doc in documents]
    chosen = []
    for position in range(max((len(s) for s in per_document), default=0)):
        chosen.extend(s[position] for s in per_document if position < len(s))
    return fit_budget(chosen, words)


def tfidf_centroid_mmr(documents: list[str], words: int, lam: float = MMR_LAMBDA) -> list[str]:
    """Sentences close to the cluster's TF-IDF centroid, chosen by MMR, cut to `words`."""
    sentences = [s for doc in documents for s in split_text(doc)]
    if not sentences:
        return []
    vectors = _tfidf(sentences)
    centroid = vectors.mean(axis=0)
    norm = np.linalg.norm(centroid)
    relevance = vectors @ (centroid / norm) if norm else np.zeros(len(sentences))
    similarity = vectors @ vectors.T  # rows are L2-normalised: cosine
    chosen: list[int] = []
    redundancy = np.zeros(len(sentences))
    available = np.ones(len(sentences), dtype=bool)
    total = 0
    while total < words and available.any():
        mmr = np.where(available, lam * relevance - (1 - lam) * redundancy, -np.inf)
        best = int(np.argmax(mmr))
        chosen.append(best)
        available[best] = False
        redundancy = np.maximum(redundancy, similarity[best])
        total += len(sentences[best].split())
    return fit_budget([sentences[i] for i in chosen], words)


def oracle(documents: list[str], reference: list[str], words: int) -> list[str]:
    """Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1 of the (budget-cut)
    selection against `reference`, until nothing raises it or the budget is full."""
    sentences = [s for doc in documents for s in split_text(doc)]
    ref_tokens = tokens("\n".join(reference))
    ref_1, ref_2 = ngrams(ref_tokens, 1), ngrams(ref_tokens, 2)
    sentence_tokens = [tokens(s) for s in sentences]

    def score(selection: list[int]) -> float:
        candidate: list[str] = []
        for i, text in zip(selection, fit_budget([sentences[i] for i in selection], words)):
            candidate += sentence_tokens[i] if text == sentences[i] else tokens(text)  # last may be cut
        return ngram_f1(ngrams(candidate, 1), ref_1) + ngram_f1(ngrams(candidate, 2), ref_2)

    chosen: list[int] = []
    best_score = 0.0
    total = 0
    while total < words:
        candidates = [i for i in range(len(sentences)) if i not in chosen]
        if not candidates:
            break
        scores = [score(chosen + [i]) for i in candidates]
        best = max(range(len(candidates)), key=scores.__getitem__)  # the earliest sentence on ties
        if scores[best] <= best_score:
            break
        chosen.append(candidates[best])
        best_score = scores[best]
        total += len(sentences[candidates[best]].split())
    return fit_budget([sentences[i] for i in chosen], words)


def _tfidf(sentences: list[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows (raw term counts, smoothed idf = ln((1+n)/(1+df)) + 1)."""
    docs = [_TERM.findall(s.lower()) for s in sentences]
    vocab: dict[str, int] = {}
    for doc in docs:
        for term in doc:
            vocab.setdefault(term, len(vocab))
    counts = np.zeros((len(docs), max(len(vocab), 1)))
    for row, doc in enumerate(docs):
        for term in doc:
            counts[row, vocab[term]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    weights = counts * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
