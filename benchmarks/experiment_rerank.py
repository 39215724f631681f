"""Experiment: does a summary-level re-ranker (as MatchSum does) beat the learned method's greedy MMR?

For each Multi-News *train* cluster the shipped scorer rates the candidates, then a pool of
candidate summaries is drawn: greedy MMR at several trade-offs and budgets, and the default
summary with one or two of its first four sentences banned. Each summary gets summary-level
features (its sentence scores, length, redundancy, how much of the cluster's shared words and
bigrams it covers, closeness to the cluster's centre) and its ROUGE-1 + ROUGE-2 against the
reference. A LightGBM model trained on clusters the scorer never saw picks one summary per
held-out cluster. Printed: ROUGE of the default summary, of the re-ranked pick, and of the best
summary in each pool (the ceiling of any re-ranker over these pools). Validation stays untouched.

    python benchmarks/experiment_rerank.py                  # about 4 minutes on 2 cores
    python benchmarks/experiment_rerank.py --train 4000 --test 500

Needs the `train` extra (LightGBM, rouge-score) and ../shared/data/multinews/train.jsonl.gz.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsbrief.learn.summarizer import DEFAULT_DATA, TRAIN_SPLIT_SIZE

SCORER_CLUSTERS = 40_000  # the shipped scorer was trained on the first 40,000 train clusters
WORDS = 260  # the Multi-News budget of the issue
TRADE_OFFS = (0.2, 0.3, 0.5, 0.6, 0.7, 0.85, 1.0)
BUDGETS = (200, 230, 245)
PARAMS = {"learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 50, "feature_fraction": 0.8,
          "bagging_fraction": 0.8, "bagging_freq": 1, "seed": 1, "deterministic": True, "verbose": -1}


def candidate_summaries(summarizer, candidates, vectors, scores) -> list[tuple[int, ...]]:
    """Distinct sets of candidate indices: the default summary first, then the variants."""
    from newsbrief.summarize.learned import LearnedSummarizer

    def mmr(settings, banned=()):
        keep = [i for i in range(len(candidates)) if i not in banned]
        if not keep:
            return []
        chooser = LearnedSummarizer(settings, model=summarizer.model)
        return [keep[i] for i in chooser.select([candidates[i] for i in keep], vectors[keep], scores[keep])]

    settings = summarizer.settings
    picked = mmr(settings)  # in the order MMR picked them: the first ones are the most relevant
    pool = [picked]
    pool += [mmr(replace(settings, redundancy=lam)) for lam in TRADE_OFFS]
    pool += [mmr(replace(settings, words=words)) for words in BUDGETS]
    pool += [mmr(settings, banned={i}) for i in picked[:4]]
    pool += [mmr(settings, banned=set(pair)) for pair in itertools.combinations(picked[:4], 2)]
    return [s for s in dict.fromkeys(tuple(sorted(p)) for p in pool) if s]


def summary_features(chosen, context) -> list[float]:
    """Summary-level features of one candidate summary (indices into the cluster's candidates)."""
    chosen = list(chosen)
    relevance, raw, vectors, embeddings = (context[k][chosen] for k in ("relevance", "raw", "vectors", "embeddings"))
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, 0.0)
    k = len(chosen)
    words = set().union(*(context["words"][i] for i in chosen))
    bigrams = set().union(*(context["bigrams"][i] for i in chosen))
    positions = [context["positions"][i] for i in chosen]
    return [
        relevance.sum(), relevance.mean(), relevance.min(), raw.sum(), raw.mean(), raw.min(),
        k, context["lengths"][chosen].sum(), similarity.max() if k > 1 else 0.0, similarity.sum() / max(1, k * (k - 1)),
        _cosine(vectors.sum(0), context["centre"]), _cosine(embeddings.sum(0), context["embedding_centre"]),
        _coverage(words, context["shared_words"]), _coverage(bigrams, context["shared_bigrams"]),
        len({context["articles"][i] for i in chosen}) / context["article_count"], np.mean(positions), min(positions),
        context["article_count"], len(context["lengths"]), context["lengths"].sum(),
    ]


def cluster_pool(cluster, summarizer, embedder):
    """(features, ROUGE-1, ROUGE-2) of every candidate summary of one cluster; None without candidates."""
    from newsbrief.evaluate.multinews import cluster_articles, reference_sentences
    from newsbrief.evaluate.rouge import ngram_f1, ngrams, tokens
    from newsbrief.pipeline import prepare
    from newsbrief.segment.tokens import content_words
    from newsbrief.summarize.base import _rescale, build_candidates, tfidf_vectors
    from newsbrief.summarize.features import candidate_features

    candidates = build_candidates(prepare(cluster_articles(cluster), summarizer.settings), summarizer.settings)
    if len(candidates) < 2:
        return None
    texts = [c.sentence.text for c in candidates]
    vectors, embeddings = tfidf_vectors(texts), embedder.encode(texts)
    raw = summarizer.model.predict(candidate_features(candidates, vectors, embeddings))
    sentence_tokens = [tokens(t) for t in texts]
    articles_of = [c.article_index for c in candidates]
    word_sets = [set(content_words(t.lower())) for t in texts]
    bigram_sets = [set(itertools.pairwise(t)) for t in sentence_tokens]
    context = {
        "relevance": _rescale(raw), "raw": raw, "vectors": vectors, "embeddings": embeddings,
        "lengths": np.array([c.words for c in candidates]), "articles": articles_of,
        "article_count": len(set(articles_of)), "words": word_sets, "bigrams": bigram_sets,
        "positions": [c.position / max(1, c.article_sentences) for c in candidates],
        "centre": vectors.sum(0), "embedding_centre": embeddings.sum(0),
        "shared_words": _shared(word_sets, articles_of), "shared_bigrams": _shared(bigram_sets, articles_of),
    }
    reference = tokens(" ".join(reference_sentences(cluster.summary)))
    ref1, ref2 = ngrams(reference, 1), ngrams(reference, 2)
    rows = []
    for chosen in candidate_summaries(summarizer, candidates, vectors, raw):
        summary = [w for i in chosen for w in sentence_tokens[i]]
        rows.append((summary_features(chosen, context),
                     100 * ngram_f1(ngrams(summary, 1), ref1), 100 * ngram_f1(ngrams(summary, 2), ref2)))
    return rows


def _shared(sets, articles) -> Counter:
    """Items that at least two articles use, weighted by how many do (all items when none is shared)."""
    per_article = Counter()
    for article in set(articles):
        per_article.update(set().union(*(s for s, a in zip(sets, articles) if a == article)))
    shared = Counter({item: n for item, n in per_article.items() if n >= 2})
    return shared or per_article


def _coverage(items: set, weights: Counter) -> float:
    return sum(weights[i] for i in items if i in weights) / max(1, sum(weights.values()))


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))


def build_pools(shard):
    from newsbrief.config import Settings
    from newsbrief.embed.static import load_embedder
    from newsbrief.evaluate.multinews import load_clusters
    from newsbrief.summarize.learned import LearnedSummarizer, load_model

    data, start, stop, step = shard
    summarizer = LearnedSummarizer(Settings(words=WORDS), model=load_model())
    embedder = load_embedder()
    pools = (cluster_pool(c, summarizer, embedder) for c in itertools.islice(load_clusters(data), start, stop, step))
    return [p for p in pools if p]


def pools_of(data: Path, start: int, stop: int, workers: int):
    with ProcessPoolExecutor(workers) as executor:
        parts = executor.map(build_pools, [(str(data), start + i, stop, workers) for i in range(workers)])
        return [pool for part in parts for pool in part]


def fit_reranker(pools, objective: str):
    import lightgbm

    features = np.array([row[0] for pool in pools for row in pool])
    gains = [np.array([r1 + r2 for _, r1, r2 in pool]) for pool in pools]
    if objective == "lambdarank":  # graded 0..4 by rank within the cluster's pool
        labels = np.concatenate([np.floor(4.999 * np.argsort(np.argsort(g)) / max(1, len(g) - 1)) for g in gains])
        dataset = lightgbm.Dataset(features, labels.astype(int), group=[len(p) for p in pools])
    else:  # regression on the gain relative to the pool's mean
        dataset = lightgbm.Dataset(features, np.concatenate([g - g.mean() for g in gains]))
    return lightgbm.train({**PARAMS, "objective": objective, "num_threads": 2}, dataset, 200)


def reranker_pick(model):
    return lambda pool: int(np.argmax(model.predict(np.array([row[0] for row in pool]))))


def mean_rouge(pools, pick) -> tuple[float, float]:
    chosen = [pool[pick(pool)] for pool in pools]
    return float(np.mean([r[1] for r in chosen])), float(np.mean([r[2] for r in chosen]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--train", type=int, default=16_000, help="re-ranker training clusters, ending where the holdout starts")
    parser.add_argument("--test", type=int, default=1_000, help="held-out clusters: the last ones of the train split")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the Multi-News train split from ../shared/data)", file=sys.stderr)
        return 2
    test_start = TRAIN_SPLIT_SIZE - args.test
    train = pools_of(args.data, test_start - args.train, test_start, args.workers)
    test = pools_of(args.data, test_start, TRAIN_SPLIT_SIZE, args.workers)
    print(f"re-ranker trained on {len(train):,} clusters ({test_start - args.train:,}-{test_start:,} of the train split; "
          f"the sentence scorer saw the first {SCORER_CLUSTERS:,}), tested on {len(test):,} held-out clusters with "
          f"{np.mean([len(p) for p in test]):.1f} candidate summaries each\n")
    rows = [("default (greedy MMR, the shipped selection)", mean_rouge(test, lambda pool: 0))]
    for objective in ("regression", "lambdarank"):
        rows.append((f"re-ranked ({objective})", mean_rouge(test, reranker_pick(fit_reranker(train, objective)))))
    rows.append(("best summary of each pool (ceiling)", mean_rouge(test, lambda pool: max(range(len(pool)), key=lambda i: pool[i][1] + pool[i][2]))))
    print("| summary | ROUGE-1 | ROUGE-2 |\n| --- | ---: | ---: |")
    for name, (r1, r2) in rows:
        print(f"| {name} | {r1:.2f} | {r2:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
