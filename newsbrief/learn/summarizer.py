"""Retrain the learned summarizer from Multi-News, reproducibly: `python -m newsbrief.learn.summarizer`.

1. Read the first `--clusters` clusters of the train split for training and the last
   `--holdout` clusters of the same split for tuning (the validation split stays untouched).
2. Turn each cluster into candidate features and labels (`learn/dataset.py`), in
   `--workers` processes.
3. Fit LightGBM (binary: is the candidate in the greedy ROUGE oracle?) with a fixed seed and
   deterministic settings, and flatten the trees for numpy (`summarize/trees.py`).
4. Pick the MMR trade-off on the holdout clusters and save model + metadata to `--out`.

Needs the training extras: `pip install -e '.[train]'` (LightGBM, rouge-score) and the data in
`../shared/data/multinews/`. About 15 minutes on 2 cores for 40,000 clusters.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from newsbrief.config import Settings
from newsbrief.embed.static import load_embedder
from newsbrief.evaluate.multinews import Cluster, load_clusters, reference_sentences
from newsbrief.evaluate.multinews import cluster_articles
from newsbrief.evaluate.rouge import fit_budget, rouge
from newsbrief.learn.dataset import build_dataset
from newsbrief.pipeline import prepare
from newsbrief.summarize.features import FEATURES
from newsbrief.summarize.learned import MODEL_PATH
from newsbrief.summarize.learned import LearnedSummarizer
from newsbrief.summarize.trees import TreeEnsemble

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "multinews" / "train.jsonl.gz"
TRAIN_SPLIT_SIZE = 44_972
LIGHTGBM_PARAMS = {
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 63, "min_data_in_leaf": 50,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1,
    "deterministic": True, "force_row_wise": True, "verbose": -1,
}
ROUNDS = 600
REDUNDANCY_GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbrief.learn.summarizer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Multi-News train.jsonl.gz")
    parser.add_argument("--clusters", type=int, default=40_000, help="training clusters, from the start of the split")
    parser.add_argument("--holdout", type=int, default=1_000, help="tuning clusters, from the end of the split")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the Multi-News train split from ../shared/data)", file=sys.stderr)
        return 2
    if args.clusters + args.holdout > TRAIN_SPLIT_SIZE:
        print(f"error: --clusters + --holdout must not exceed {TRAIN_SPLIT_SIZE}", file=sys.stderr)
        return 2

    started = time.time()
    features, labels = build_rows(args.data, 0, args.clusters, args.workers)
    _log(f"{len(features):,} candidates from {args.clusters:,} clusters in {time.time() - started:.0f} s")
    model = fit(features, labels, args.seed, args.workers)
    holdout = list(itertools.islice(load_clusters(args.data), TRAIN_SPLIT_SIZE - args.holdout, None))
    redundancy, scores = tune_redundancy(model, holdout)
    _log(f"redundancy {redundancy}: holdout ROUGE-1/2 {scores[redundancy][0]:.2f}/{scores[redundancy][1]:.2f}")
    metadata = {
        "data": args.data.name, "clusters": args.clusters, "holdout": args.holdout, "seed": args.seed,
        "rounds": ROUNDS, "params": LIGHTGBM_PARAMS, "label": "greedy ROUGE-1+2 oracle membership (260 words)",
        "redundancy": redundancy, "holdout_rouge": {str(k): v for k, v in scores.items()},
    }
    model = dataclasses.replace(model, metadata=metadata)
    model.save(args.out)
    _log(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s")
    return 0


def build_rows(data: Path, start: int, count: int, workers: int):
    """Features and oracle labels of `count` clusters from `start`, built in `workers` processes."""
    shards = [(str(data), start + i, start + count, workers) for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_build_shard, shards))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _build_shard(shard):
    data, first, stop, step = shard
    clusters = itertools.islice(load_clusters(data), first, stop, step)
    return build_dataset(clusters, Settings(), load_embedder())


def fit(features: np.ndarray, labels: np.ndarray, seed: int, workers: int) -> TreeEnsemble:
    import lightgbm  # optional: lightgbm (the train extra)

    params = {**LIGHTGBM_PARAMS, "seed": seed, "num_threads": workers}
    booster = lightgbm.train(params, lightgbm.Dataset(features, labels, feature_name=list(FEATURES)), ROUNDS)
    model = TreeEnsemble.from_lightgbm(booster)
    sample = features[:5000]
    gap = float(np.abs(model.predict(sample) - booster.predict(sample, raw_score=True)).max())
    if gap > 1e-6:
        raise RuntimeError(f"flattened trees disagree with LightGBM by {gap}")
    return model


def tune_redundancy(model: TreeEnsemble, clusters: list[Cluster], words: int = 260):
    """The MMR trade-off with the best holdout ROUGE-1 + ROUGE-2, and every trade-off's scores."""
    prepared = [(prepare(cluster_articles(c), Settings()), reference_sentences(c.summary)) for c in clusters]
    embedder = load_embedder()
    scores = {}
    for redundancy in REDUNDANCY_GRID:
        summarizer = LearnedSummarizer(Settings(words=words, redundancy=redundancy), model=model, embedder=embedder)
        totals = np.zeros(2)
        for doc, reference in prepared:
            summary = [s.text for s in summarizer.summarize(doc)] if doc.articles else []
            result = rouge(fit_budget(summary, words), reference)
            totals += (result["rouge1"], result["rouge2"])
        scores[redundancy] = tuple(round(float(x), 3) for x in totals / len(prepared))
        _log(f"  redundancy {redundancy}: ROUGE-1/2 {scores[redundancy][0]:.2f}/{scores[redundancy][1]:.2f}")
    return max(scores, key=lambda r: sum(scores[r])), scores


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
