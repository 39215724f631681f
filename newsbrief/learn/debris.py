"""Train the learned debris scorer from Multi-News with weak labels; writes only weights.

    python -m newsbrief.learn.debris [train.jsonl.gz] [--out newsbrief/data/debris_weights.npz]

Labels (no hand annotation):
1. debris: a sentence that recurs verbatim in at least MIN_CLUSTERS different story clusters
   (page furniture is shared across sites; news sentences are not), or one a named rule flags;
2. body: a sentence seen in exactly one cluster that no rule flags.
Then a logistic regression over `learned.features` is fitted with AdaGrad and L2 (fixed seed).
The output holds hashed weights only, never Multi-News text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import numpy as np

from newsbrief.clean import boilerplate, learned

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews" / "train.jsonl.gz"
MIN_CLUSTERS = 5
MIN_WORDS = 4
MAX_BODY = 600_000
SEED = 13
_KEY = re.compile(r"[^a-z0-9]+")
# A recurring "sentence" that ends in an abbreviation is a splitting artefact ("washington (ap) - the u.s."), not debris.
_ABBREVIATION_END = re.compile(
    r"(?:\b[a-z]|u\.s|gov|sen|rep|jan|feb|mar|apr|aug|sept?|oct|nov|dec|st|mr|mrs|ms|dr|jr|sr|inc|co|corp|ltd|gen|lt|sgt"
    r"|col|capt|calif|fla|ariz|tex|mass|conn|ore|wash|ill|mich|minn|wis|pa|va|tenn|ky|mo|ga|ala|la|okla|colo|n\.y|d\.c|no|vs|ft)\.$"
)


def sentences(document: str):
    for sentence in boilerplate.split_sentences(boilerplate.normalise(document)):
        if sentence.count(" ") + 1 >= MIN_WORDS:
            yield sentence


def key(sentence: str) -> str:
    return _KEY.sub(" ", sentence).strip()


def count_clusters(path: Path) -> dict[str, int]:
    """How many distinct clusters each sentence occurs in."""
    seen: dict[str, tuple[str, int]] = {}
    for record in _records(path):
        for document in record["documents"]:
            for sentence in sentences(document):
                k = key(sentence)
                last, n = seen.get(k, ("", 0))
                if last != record["id"]:
                    seen[k] = (record["id"], n + 1)
    return {k: n for k, (_, n) in seen.items()}


def weak_labels(path: Path, clusters: dict[str, int]) -> tuple[list[str], np.ndarray]:
    debris, body = {}, []
    for record in _records(path):
        for document in record["documents"]:
            for sentence in sentences(document):
                k = key(sentence)
                n = clusters[k]
                if boilerplate.rule_reason(sentence):
                    debris.setdefault(k, sentence)
                elif n >= MIN_CLUSTERS and not _ABBREVIATION_END.search(sentence):
                    debris.setdefault(k, sentence)
                elif n == 1:
                    body.append(sentence)
    rng = np.random.default_rng(SEED)
    if len(body) > MAX_BODY:
        body = [body[i] for i in sorted(rng.choice(len(body), MAX_BODY, replace=False))]
    texts = list(debris.values()) + body
    return texts, np.array([1] * len(debris) + [0] * len(body), dtype=np.float64)


def fit(texts: list[str], labels: np.ndarray, epochs: int = 4, batch: int = 2048, rate: float = 0.2, l2: float = 1e-6):
    """Logistic regression by minibatch AdaGrad; positives re-weighted to balance the classes."""
    rows = [learned.features(t) for t in texts]
    lengths = np.array([len(r) for r in rows])
    flat = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lengths.sum()))
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    size = 1 << learned.BITS
    weights, bias = np.zeros(size), 0.0
    g2_w, g2_b = np.full(size, 1e-8), 1e-8
    pos_weight = (labels == 0).sum() / max(1, (labels == 1).sum())
    sample_weight = np.where(labels == 1, pos_weight, 1.0)
    rng = np.random.default_rng(SEED)
    for _ in range(epochs):
        order = rng.permutation(len(texts))
        for start in range(0, len(order), batch):
            chosen = order[start:start + batch]
            idx = np.concatenate([flat[offsets[i]:offsets[i + 1]] for i in chosen])
            row = np.repeat(np.arange(len(chosen)), lengths[chosen])
            z = bias + np.bincount(row, weights=weights[idx], minlength=len(chosen))
            error = (1 / (1 + np.exp(-z)) - labels[chosen]) * sample_weight[chosen] / len(chosen)
            grad = np.bincount(idx, weights=error[row], minlength=size) + l2 * weights
            g2_w += grad * grad
            weights -= rate * grad / np.sqrt(g2_w)
            g2_b += error.sum() ** 2
            bias -= rate * error.sum() / np.sqrt(g2_b)
    return weights, bias


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=learned.WEIGHTS_PATH)
    args = parser.parse_args(argv)
    clusters = count_clusters(args.data)
    texts, labels = weak_labels(args.data, clusters)
    print(f"{int(labels.sum())} debris and {int((labels == 0).sum())} body sentences")
    weights, bias = fit(texts, labels)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, weights=weights.astype(np.float16), bias=np.float64(bias), bits=np.int64(learned.BITS))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


def _records(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


if __name__ == "__main__":
    main()
