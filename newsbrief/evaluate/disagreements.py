"""Precision of reported disagreements, against hand judgments of real multi-article stories.

A reader sees a disagreement as figures side by side ("A vs B", "A → B → C"), so the unit
judged is each adjacent pair of figures in a reported disagreement. A pair is right when both
figures measure the same thing (same counted noun phrase, compatible unit and occasion) and
really differ across sources or dates; `tests/data/facts/disagreements.jsonl` holds the
judgments (written by reading the two sentences) and its README the procedure.

Pairs are keyed by their event and the two figures' words and sentences, order ignored, so a
judgment survives changes to the rules that report the same pair again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsbrief.evaluate.facts import load_articles
from newsbrief.model.facts import Facts, Figure


@dataclass(frozen=True)
class Pair:
    """Two figures a disagreement shows next to each other."""

    event_id: int
    kind: str  # "conflict", "development", "unordered"
    counts: str
    a: Figure
    b: Figure

    @property
    def key(self) -> tuple:
        return pair_key(self.event_id, (self.a.text, self.a.sentence), (self.b.text, self.b.sentence))

    def record(self) -> dict:
        """A judgment record, to be completed with `label` and `reason` by a reader."""
        figure = lambda f: {"text": f.text, "value": f.value, "sentence": f.sentence}  # noqa: E731
        return {"event_id": self.event_id, "kind": self.kind, "counts": self.counts,
                "a": figure(self.a), "b": figure(self.b)}


@dataclass(frozen=True)
class Judged:
    """Reported pairs: right, wrong, and not judged yet (to read before trusting the precision)."""

    right: int
    wrong: int
    unjudged: list[Pair]

    @property
    def precision(self) -> float:
        judged = self.right + self.wrong
        return self.right / judged if judged else 0.0


def pair_key(event_id: int, a: tuple[str, str], b: tuple[str, str]) -> tuple:
    return (event_id, *sorted([a, b]))


def disagreement_pairs(event_id: int, facts: Facts) -> list[Pair]:
    """Every adjacent pair of figures in the story's reported disagreements."""
    return [Pair(event_id, d.kind, d.counts, a, b)
            for d in facts.disagreements for a, b in zip(d.figures, d.figures[1:])]


def load_judgments(path: str | Path) -> dict[tuple, dict]:
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return {pair_key(r["event_id"], (r["a"]["text"], r["a"]["sentence"]), (r["b"]["text"], r["b"]["sentence"])): r
            for r in records}


def event_stories(cluster_path: str | Path, event_ids: Iterable[int]) -> dict[int, list]:
    """The articles of each event of the giveme5w1h news_cluster.jsonl, in file order (uncleaned)."""
    wanted = set(event_ids)
    ids: dict[int, list[str]] = {e: [] for e in wanted}
    with open(cluster_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["event_id"] in wanted:
                ids[record["event_id"]].append(record["id"])
    articles = load_articles(cluster_path, [i for found in ids.values() for i in found])
    return {e: [articles[i] for i in found] for e, found in ids.items()}


def judge(pairs: Iterable[Pair], judgments: dict[tuple, dict]) -> Judged:
    right = wrong = 0
    unjudged = []
    for pair in pairs:
        record = judgments.get(pair.key)
        if record is None:
            unjudged.append(pair)
        elif record["label"]:
            right += 1
        else:
            wrong += 1
    return Judged(right, wrong, unjudged)
