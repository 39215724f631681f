"""What the learned scorer knows about a candidate sentence: one row of numbers per candidate.

The features describe what editors keep — early sentences, sentences the other articles echo,
sentences near the centre of the story, figures and named sources — and what they drop:
dangling pronouns, truncated sentences, widget text. Every feature is computed on lower-cased
text, because the training corpus (Multi-News) is lower-cased: capitalisation cannot be a signal.

`FEATURES` names the columns; training (`newsbrief.learn.summarizer`) and prediction use this same function.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsbrief.clean.learned import debris_score
from newsbrief.segment.tokens import STOPWORDS, content_words, words
from newsbrief.summarize.base import Candidate
from newsbrief.summarize.centroid import centrality, cross_document_support

FEATURES = (
    "position", "relative_position", "is_first", "position_prior", "best_position",
    "article_order", "is_first_article", "articles", "article_sentences", "article_share",
    "words", "chars_per_word", "numbers", "quote_marks", "starts_with_quote", "starts_with_pronoun",
    "attribution", "ends_sentence", "is_last", "question", "copies",
    "centrality", "support", "mean_similarity", "max_other_similarity", "lead_similarity",
    "centrality_rank", "candidates", "stopword_share", "mean_idf", "debris_score", "parenthesis",
    "embedding_centrality", "embedding_support", "embedding_lead_similarity",
)

_PRONOUNS = frozenset("he she they it his her their its this that these those them we i".split())
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|announced|stated|added)\b")
_QUOTE_MARKS = re.compile("[\"“”«»]")


def candidate_features(candidates: Sequence[Candidate], vectors: np.ndarray, embeddings: np.ndarray | None = None) -> np.ndarray:
    """A (candidates × FEATURES) float32 matrix; `embeddings` are unit sentence vectors, if available."""
    n = len(candidates)
    if n == 0:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    articles = np.array([c.article_index for c in candidates])
    article_count = len(np.unique(articles))
    texts = [c.sentence.text for c in candidates]
    lowered = [t.lower() for t in texts]
    token_lists = [words(t) for t in lowered]
    idf = _cluster_idf(lowered)

    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, 0.0)
    other_article = articles[:, None] != articles[None, :]
    central = centrality(vectors, articles)
    lead_rows = _lead_rows(candidates)

    columns = {
        "position": [c.position for c in candidates],
        "relative_position": [c.position / max(1, c.article_sentences) for c in candidates],
        "is_first": [c.position == 0 for c in candidates],
        "position_prior": [1.0 / math.sqrt(1.0 + c.best_position) for c in candidates],
        "best_position": [c.best_position for c in candidates],
        "article_order": articles / max(1, article_count - 1),
        "is_first_article": articles == 0,
        "articles": [article_count] * n,
        "article_sentences": [c.article_sentences for c in candidates],
        "article_share": _article_share(candidates, articles),
        "words": [len(t.split()) for t in texts],
        "chars_per_word": [len(t) / max(1, len(t.split())) for t in texts],
        "numbers": [sum(w[0].isdigit() for w in ws) for ws in token_lists],
        "quote_marks": [len(_QUOTE_MARKS.findall(t)) for t in texts],
        "starts_with_quote": [bool(_QUOTE_MARKS.match(t)) for t in texts],
        "starts_with_pronoun": [bool(ws) and ws[0] in _PRONOUNS for ws in token_lists],
        "attribution": [len(_ATTRIBUTION.findall(t)) for t in lowered],
        "ends_sentence": [t.rstrip("\"'”’) ")[-1:] in ".!?" for t in texts],
        "is_last": [c.position == c.article_sentences - 1 for c in candidates],
        "question": ["?" in t for t in texts],
        "copies": [c.article_count for c in candidates],
        "centrality": central,
        "support": cross_document_support(vectors, candidates),
        "mean_similarity": similarity.sum(axis=1) / max(1, n - 1),
        "max_other_similarity": np.where(other_article, similarity, 0.0).max(axis=1),
        "lead_similarity": [similarity[i, lead_rows[a]] if lead_rows.get(a, i) != i else 1.0 for i, a in enumerate(articles)],
        "centrality_rank": _rank(central),
        "candidates": [n] * n,
        "stopword_share": [sum(w in STOPWORDS for w in ws) / max(1, len(ws)) for ws in token_lists],
        "mean_idf": [np.mean([idf[w] for w in content_words(t)] or [0.0]) for t in lowered],
        "debris_score": [debris_score(t) or 0.0 for t in lowered],
        "parenthesis": ["(" in t for t in texts],
    }
    columns.update(_embedding_columns(candidates, articles, embeddings, lead_rows))
    return np.column_stack([np.asarray(columns[name], dtype=np.float32) for name in FEATURES])


def _embedding_columns(candidates, articles, embeddings, lead_rows) -> dict:
    n = len(candidates)
    if embeddings is None:
        return {"embedding_centrality": [0.0] * n, "embedding_support": [0.0] * n,
                "embedding_lead_similarity": [0.0] * n}
    similarity = embeddings @ embeddings.T
    return {
        "embedding_centrality": centrality(embeddings, articles),
        "embedding_support": cross_document_support(embeddings, candidates),
        "embedding_lead_similarity": [similarity[i, lead_rows.get(a, i)] for i, a in enumerate(articles)],
    }


def _lead_rows(candidates: Sequence[Candidate]) -> dict[int, int]:
    """For each article, the row of its earliest candidate."""
    rows: dict[int, int] = {}
    for i, c in enumerate(candidates):
        if c.article_index not in rows or c.position < candidates[rows[c.article_index]].position:
            rows[c.article_index] = i
    return rows


def _article_share(candidates: Sequence[Candidate], articles: np.ndarray) -> np.ndarray:
    """The share of the input's candidate words that the sentence's article holds."""
    words_per_article = Counter()
    for c, a in zip(candidates, articles):
        words_per_article[a] += len(c.sentence.text.split())
    total = sum(words_per_article.values()) or 1
    return np.array([words_per_article[a] / total for a in articles])


def _cluster_idf(lowered: Sequence[str]) -> Counter:
    df = Counter(w for t in lowered for w in set(content_words(t)))
    n = len(lowered)
    return Counter({w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()})


def _rank(values: np.ndarray) -> np.ndarray:
    """0 for the highest value, 1 for the lowest."""
    order = np.argsort(-np.asarray(values), kind="stable")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(len(order))
    return ranks / max(1, len(order) - 1)
