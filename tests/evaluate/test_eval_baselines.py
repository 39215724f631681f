"""The reference baselines."""


import pytest

from newsbrief.evaluate.baselines import lead, oracle, tfidf_centroid_mmr
from newsbrief.evaluate.multinews import load_clusters, reference_sentences
from newsbrief.evaluate.rouge import rouge


DOCS = [
    "The river flooded the town on monday. Residents fled to the hills. Schools were closed.",
    "Floods hit the town after heavy rain. The mayor declared an emergency. Aid arrived on tuesday.",
]


def words(sentences):
    return sum(len(s.split()) for s in sentences)


def test_lead_is_round_robin_over_first_sentences():
    assert lead(DOCS, 100) == [
        "The river flooded the town on monday.", "Floods hit the town after heavy rain.",
        "Residents fled to the hills.", "The mayor declared an emergency.",
        "Schools were closed.", "Aid arrived on tuesday.",
    ]
    assert lead(DOCS, 10) == ["The river flooded the town on monday.", "Floods hit the"]


@pytest.mark.parametrize("budget", [5, 12, 1000])
def test_baselines_respect_the_budget(budget):
    for summary in (lead(DOCS, budget), tfidf_centroid_mmr(DOCS, budget), oracle(DOCS, ["The town flooded."], budget)):
        assert words(summary) <= budget


def test_tfidf_centroid_mmr_picks_distinct_sentences():
    summary = tfidf_centroid_mmr(DOCS + [DOCS[0]], 1000)  # every sentence of DOCS[0] twice
    assert len(summary) == 9  # a generous budget takes every sentence once
    assert len(set(summary[:5])) == 5  # MMR takes a copy of a chosen sentence last
    assert tfidf_centroid_mmr([], 50) == [] and lead([], 50) == []


def test_oracle_stops_when_nothing_helps():
    assert oracle(DOCS, ["Aid arrived on tuesday."], 100) == ["Aid arrived on tuesday."]
    assert oracle(DOCS, ["Completely unrelated words."], 100) == []


def test_oracle_beats_lead_on_val_clusters(multinews_val):
    clusters = list(load_clusters(multinews_val, limit=5))
    assert len(clusters) == 5
    for cluster in clusters:
        reference = reference_sentences(cluster.summary)
        docs = list(cluster.documents)
        best, base = rouge(oracle(docs, reference, 260), reference), rouge(lead(docs, 260), reference)
        assert best["rouge1"] + best["rouge2"] >= base["rouge1"] + base["rouge2"]
