"""Training rows: oracle labels and features built through the run-time stages."""

import numpy as np

from newsbrief.config import Settings
from newsbrief.evaluate.multinews import load_clusters
from newsbrief.evaluate.rouge import ngrams, tokens
from newsbrief.learn.dataset import cluster_rows, greedy_oracle
from newsbrief.summarize.features import FEATURES


def oracle(sentences, reference, words=100):
    ref = tokens(reference)
    return greedy_oracle([tokens(s) for s in sentences], ngrams(ref, 1), ngrams(ref, 2), words)


def test_oracle_picks_the_sentence_the_reference_repeats():
    sentences = ["The weather was mild on Sunday.", "Rebels withdrew from the northern districts of Aleppo."]
    assert oracle(sentences, "Rebels withdrew from the northern districts of Aleppo, a fighter said.") == [1]


def test_oracle_keeps_to_the_word_budget():
    sentences = ["Rebels withdrew from the northern districts of Aleppo.", "Rebels withdrew."]
    assert oracle(sentences, "Rebels withdrew from the northern districts of Aleppo.", words=3) == [1]


def test_oracle_picks_nothing_without_overlap():
    assert oracle(["Completely unrelated words here."], "Rebels withdrew from Aleppo.") == []


def test_cluster_rows_have_one_binary_label_per_feature_row(multinews_val):
    clusters = list(load_clusters(multinews_val, limit=3))
    assert len(clusters) == 3
    for cluster in clusters:
        rows = cluster_rows(cluster, Settings())
        assert rows.features.shape == (len(rows.labels), len(FEATURES))
        assert set(np.unique(rows.labels)) <= {0.0, 1.0} and rows.labels.sum() >= 1
