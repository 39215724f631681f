"""Disagreement precision on real multi-article stories, against the hand judgments in
tests/data/facts/disagreements.jsonl (procedure in the README there)."""

import json
from pathlib import Path

import pytest

from newsbrief.clean.article import clean_article
from newsbrief.facts import extract_facts
from newsbrief.evaluate.disagreements import disagreement_pairs, event_stories, judge, load_judgments
from tests.conftest import document, shared_path

JUDGMENTS = Path(__file__).resolve().parents[1] / "data" / "facts" / "disagreements.jsonl"


def _events(split: str) -> list[int]:
    records = [json.loads(line) for line in JUDGMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted({r["event_id"] for r in records if r["split"] == split})


def test_every_judgment_has_a_label_and_a_reason():
    lines = JUDGMENTS.read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        record = json.loads(line)
        assert isinstance(record["label"], bool) and record["reason"] and record["split"] in ("tuning", "untouched")


@pytest.fixture(scope="module")
def tuning_pairs():
    cluster = shared_path("data", "giveme5w1h-news-cluster", "news_cluster.jsonl")
    stories = event_stories(cluster, _events("tuning"))
    return [pair for event, articles in stories.items()
            for pair in disagreement_pairs(event, extract_facts(document([clean_article(a) for a in articles], cleaned=False)))]


def test_every_disagreement_reported_on_the_tuning_events_has_been_judged(tuning_pairs):
    unjudged = judge(tuning_pairs, load_judgments(JUDGMENTS)).unjudged
    assert not unjudged, "judge these pairs and add them to disagreements.jsonl: " + "; ".join(
        f"{p.event_id} {p.counts}: {p.a.text} / {p.b.text}" for p in unjudged)


def test_disagreements_on_the_tuning_events_are_right(tuning_pairs):
    judged = judge(tuning_pairs, load_judgments(JUDGMENTS))
    assert judged.precision >= 0.9 and judged.right >= 4
