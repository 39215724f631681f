"""BCubed and ARI against hand-computed values."""

from __future__ import annotations

import pytest

from newsbrief.evaluate.clustering import score_clustering


def test_a_perfect_clustering_scores_one():
    s = score_clustering(["x", "x", "y"], [1, 1, 2])
    assert (s.precision, s.recall, s.f1, s.ari) == (1.0, 1.0, 1.0, 1.0)


def test_one_big_cluster_has_full_recall_and_low_precision():
    s = score_clustering(["x"] * 4, [1, 1, 2, 2])
    assert s.recall == 1.0 and s.precision == 0.5 and s.ari == 0.0


def test_bcubed_matches_a_hand_computed_example():
    # predicted {a,b,c} {d}; gold {a,b} {c,d}: precision (2/3+2/3+1/3+1)/4, recall (1+1+1/2+1/2)/4
    s = score_clustering([1, 1, 1, 2], ["p", "p", "q", "q"])
    assert s.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert s.recall == pytest.approx(0.75)


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        score_clustering([1, 2], [1])
