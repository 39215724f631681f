"""Retraining the learned summarizer: the steps after the (long) fit run on prepared Documents."""

from __future__ import annotations

from newsbrief.evaluate.multinews import load_clusters
from newsbrief.learn.summarizer import REDUNDANCY_GRID, tune_redundancy
from newsbrief.summarize.learned import load_model


def test_tuning_the_trade_off_scores_every_value_on_held_out_clusters(multinews_val):
    clusters = load_clusters(multinews_val, limit=2)
    best, scores = tune_redundancy(load_model(), clusters)
    assert set(scores) == set(REDUNDANCY_GRID) and best in scores
    assert all(rouge1 > 10 for rouge1, _ in scores.values())
