"""Rebuild the story-grouping model files from the Multi-News training split (seeded, reproducible).

    python -m newsbrief.learn.stories [--data ../shared/data/multinews/train.jsonl.gz]

1. `data/idf.tsv.gz`: document frequencies of content words over every training article.
2. `data/stories.json`: logistic weights over the pair features, fitted on article pairs of
   1,500 training clusters — each article against its 20 nearest articles, labelled by whether
   they share a cluster (identical texts filed under two clusters are left out: they are noise);
   then the join threshold that maximises BCubed F1 of the grouping (one incremental pass and
   one consolidation pass, as `group_stories` runs them) on the shuffled
   articles of 1,000 other training clusters.
The validation split is never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from newsbrief.config import Settings
from newsbrief.evaluate.clustering import score_clustering
from newsbrief.evaluate.multinews import load_clusters
from newsbrief.evaluate.storydata import LabelledArticles, multinews_mix
from newsbrief.pipeline import clean_articles
from newsbrief.stories.idf import document_frequencies, load_idf, write_idf_table
from newsbrief.stories.pairmodel import MODEL_FILE, SimilarityModel, pair_features
from newsbrief.stories.tracker import StoryTracker, default_profiler

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews" / "train.jsonl.gz"
NEIGHBOURS = 20
THRESHOLDS = np.round(np.arange(0.05, 0.6, 0.025), 3)


def cleaned(data: LabelledArticles) -> LabelledArticles:
    keep = clean_articles(data.articles, [])[0]
    stories = dict(zip((a.id for a in data.articles), data.stories))
    return LabelledArticles(keep, [stories[a.id] for a in keep])


def pair_data(data: LabelledArticles) -> tuple[np.ndarray, np.ndarray]:
    profiles = default_profiler().profiles(data.articles)
    dense = np.array([p.dense for p in profiles])
    closeness = dense @ dense.T
    features, labels = [], []
    for i in range(len(profiles)):
        for j in np.argsort(-closeness[i])[1:NEIGHBOURS + 1]:
            same = data.stories[i] == data.stories[j]
            if not same and closeness[i, j] > 0.98:
                continue  # one text filed under two clusters
            features.append(pair_features(profiles[i], profiles[j]))
            labels.append(float(same))
    return np.array(features), np.array(labels)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 50) -> tuple[np.ndarray, float]:
    """Newton's method on the L2-penalised log loss (no intercept penalty)."""
    design = np.column_stack([x, np.ones(len(x))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2 * len(x))
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


class RememberedProfiler:
    """A profiler that embeds each article once: the threshold search reads them many times."""

    def __init__(self, profiler):
        self.profiler = profiler
        self.embedder = profiler.embedder
        self.known: dict[str, object] = {}

    def profiles(self, articles):
        new = [a for a in articles if a.id not in self.known]
        self.known.update(zip((a.id for a in new), self.profiler.profiles(new)))
        return [self.known[a.id] for a in articles]


def best_threshold(model: SimilarityModel, data: LabelledArticles) -> tuple[float, float]:
    scores = {}
    profiler = RememberedProfiler(default_profiler())
    for threshold in THRESHOLDS:
        tracker = StoryTracker(Settings(story_threshold=float(threshold)), model=model, profiler=profiler)
        tracker.add_many(data.articles)
        tracker.consolidate()
        scores[float(threshold)] = score_clustering([tracker.story_of[a.id] for a in data.articles], data.stories).f1
    best = max(scores, key=lambda t: (scores[t], -t))
    return best, scores[best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip-idf", action="store_true", help="keep the current IDF table")
    args = parser.parse_args()
    if not args.skip_idf:
        df, n = document_frequencies(doc for c in load_clusters(args.data) for doc in c.documents)
        write_idf_table(df, n)
        load_idf.cache_clear()
        print(f"idf table: {n} documents")
    x, y = pair_data(cleaned(multinews_mix(args.data, 1500, seed=1)))
    weights, bias = fit_logistic(x, y)
    print(f"pairs: {len(y)} ({int(y.sum())} same story); weights {np.round(weights, 3)} bias {bias:.3f}")
    model = SimilarityModel(tuple(round(float(w), 4) for w in weights), round(bias, 4), 0.5)
    threshold, f1 = best_threshold(model, cleaned(multinews_mix(args.data, 1000, seed=2)))
    print(f"threshold {threshold} (BCubed F1 {f1:.3f} on 1,000 training clusters)")
    model = SimilarityModel(model.weights, model.bias, threshold)
    MODEL_FILE.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
