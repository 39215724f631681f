"""The quality gate: precision and recall of figures, sources and speakers on the annotated set."""

from pathlib import Path

import pytest

from newsbrief.evaluate.facts import Score, evaluate, load_annotations, load_articles, names_agree
from tests.conftest import shared_path

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "facts" / "annotations.jsonl"
# floors just below the values measured on the whole set (benchmarks/RESULTS.md)
FLOORS = {"figures": (0.97, 0.98), "figure sources": (0.97, 0.98), "quotes": (0.98, 0.98), "quote speakers": (0.97, 0.95)}


@pytest.mark.parametrize("predicted, gold, aliases, agree", [
    ("the Slidell police", "Slidell police", [], True),
    ("police", "Slidell police", [], True),
    ("Syria Civil Defence (White Helmets)", "White Helmets", [], True),
    ("US State Department", "spokesperson", ["State Department"], True),
    ("CNN", "civilians", [], False),
    (None, "SANA", [], False),
])
def test_names_agree_by_their_words(predicted, gold, aliases, agree):
    assert names_agree(predicted, gold, aliases) is agree


def test_scores():
    score = Score(correct=8, predicted=10, gold=16)
    assert (score.precision, score.recall) == (0.8, 0.5)


def test_the_annotation_set_is_big_enough_and_checkable():
    records = load_annotations(ANNOTATIONS)
    scopes = [r for r in records if r["type"] == "scope"]
    annotated = [r for r in records if r["type"] in ("figure", "quote")]
    assert len({s["event_id"] for s in scopes}) >= 10 and len(annotated) >= 40
    for record in annotated:
        assert (record.get("text") or record["quote"]) in record["sentence"]


@pytest.fixture(scope="module")
def evaluation():
    cluster = shared_path("data", "giveme5w1h-news-cluster", "news_cluster.jsonl")
    records = load_annotations(ANNOTATIONS)
    articles = load_articles(cluster, {r["article_id"] for r in records})
    return evaluate(records, articles)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_quality_stays_above_the_floors(evaluation, measure):
    score = dict(evaluation.rows())[measure]
    floor_p, floor_r = FLOORS[measure]
    assert score.precision >= floor_p and score.recall >= floor_r, (measure, score, evaluation.errors[:10])
