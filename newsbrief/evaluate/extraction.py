"""How well extracted text matches a gold article body: the two benchmarks' own scoring methods.

`shingle_scores` reimplements the article-extraction benchmark's metric (Zyte, 2020): `\\w+`
tokens, multisets of 4-token shingles, per-page precision and recall averaged over pages,
F1 the harmonic mean of the averages. A page with an empty prediction counts for recall (0)
but not for precision, as upstream does; a page with no wrong or missing shingle scores 1.

`snippet_scores` reimplements trafilatura's evaluation: each snippet that must appear is a
true positive when found (whitespace-normalised substring), each that must not is a false
positive when found; counts are summed over the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str, n: int = SHINGLE) -> Counter:
    """The multiset of n-token shingles; a text shorter than n tokens is one shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(predicted: str, gold: str) -> tuple[float, float, float]:
    """(TP, FP, FN) shingle counts of one page, normalised to sum to 1."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Mean per-page precision and recall over (predicted, gold) pairs."""
    precisions, recalls = [], []
    for predicted, gold in pairs:
        tp, fp, fn = page_counts(predicted, gold)
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    return Scores(_mean(precisions), _mean(recalls))


def snippet_counts(predicted: str, must: Iterable[str], must_not: Iterable[str]) -> Counter:
    """tp/fn for the snippets that must appear, fp/tn for those that must not."""
    text = _normalise(predicted)
    counts = Counter(tp=0, fn=0, fp=0, tn=0)
    for snippet in must:
        counts["tp" if text and _normalise(snippet) in text else "fn"] += 1
    for snippet in must_not:
        counts["fp" if text and _normalise(snippet) in text else "tn"] += 1
    return counts


def snippet_scores(counts: Counter) -> Scores:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return Scores(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def _normalise(text: str | None) -> str:
    return " ".join((text or "").split())


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
