"""Scores of a clustering against gold labels: BCubed precision/recall/F1 and the adjusted Rand index.

BCubed (Bagga & Baldwin 1998; Amigó et al. 2009) averages, over items, the share of an item's
predicted cluster that shares its gold label (precision) and the share of its gold cluster that
shares its predicted cluster (recall). ARI is Hubert & Arabie's chance-corrected Rand index.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True)
class ClusteringScores:
    precision: float
    recall: float
    f1: float
    ari: float
    clusters: int  # predicted


def score_clustering(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusteringScores:
    """Scores of `predicted` labels against `gold` labels (one of each per item)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        raise ValueError("nothing to score")
    pairs = Counter(zip(predicted, gold))
    in_predicted = Counter(predicted)
    in_gold = Counter(gold)
    n = len(gold)
    precision = sum(count * count / in_predicted[p] for (p, _), count in pairs.items()) / n
    recall = sum(count * count / in_gold[g] for (_, g), count in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClusteringScores(precision, recall, f1, adjusted_rand_index(pairs, in_predicted, in_gold, n),
                            len(in_predicted))


def adjusted_rand_index(pairs: Counter, in_predicted: Counter, in_gold: Counter, n: int) -> float:
    index = sum(comb(c, 2) for c in pairs.values())
    predicted_pairs = sum(comb(c, 2) for c in in_predicted.values())
    gold_pairs = sum(comb(c, 2) for c in in_gold.values())
    expected = predicted_pairs * gold_pairs / comb(n, 2) if n > 1 else 0.0
    maximum = (predicted_pairs + gold_pairs) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
