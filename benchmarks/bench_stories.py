"""Story grouping against gold stories, side by side with a TF-IDF + agglomerative baseline.

    python benchmarks/bench_stories.py [--sets multinews200 multinews1000 giveme5w1h giveme5w1h-undated uci
                                               semeval same-kind stream]

For each labelled set: BCubed precision/recall/F1, adjusted Rand index, stories found and
articles per second, for newsbrief's incremental grouping (articles cleaned first, fed in
publication order where dates exist, else in the shuffled order) and for the baseline (TF-IDF
cosine, average link, distance threshold chosen on 200 *other* Multi-News validation clusters).
`semeval`: Pearson r of `similarity()` (and of plain TF-IDF cosine) against the human `overall`
score, sign-adjusted (1 = very similar). `giveme5w1h-undated`: the same articles without their
dates, shuffled (pages that state no date). `same-kind`: how often `same_story`'s model joins
two articles of different events that read alike — for each Giveme5W1H article its 3 nearest
articles (by embedding) of other events in the same category (two New Year's Eves, two missile
launches), and the SemEval pairs judged dissimilar overall (>= 3) but alike in narrative (<= 2.5:
the same kind of story about another event) or whose embeddings are close (cosine >= 0.4) —
beside how often it joins each article's 3 nearest of its own event and the SemEval pairs judged
very similar (overall <= 1.5). `stream`: the incremental mode over 10,000 articles, with
articles/s and resident memory along the way (run it alone: `--sets stream`, so the memory is
the stream's own). Needs the `bench` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.config import Settings
from newsbrief.evaluate.clustering import score_clustering
from newsbrief.evaluate.storydata import (LabelledArticles, giveme5w1h, multinews_mix, semeval_pairs, uci_headlines,
                                          without_dates)
from newsbrief.pipeline import clean_articles
from newsbrief.stories import StoryTracker, group_stories, similarity

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
GIVEME = DATA / "giveme5w1h-news-cluster" / "news_cluster.jsonl"
SEMEVAL = DATA / "semeval2022-task8-news-similarity" / "en_en_pairs.jsonl"
VAL = DATA / "multinews" / "val.jsonl.gz"
TUNE_SEED = 99  # the baseline's threshold is tuned on clusters drawn with this seed, disjoint from the sets


def newsbrief_grouping(data: LabelledArticles) -> tuple[list[str], float]:
    start = time.perf_counter()
    cleaned, _ = clean_articles(data.articles, [])
    story_of = {a.id: story.id for story in group_stories(cleaned, Settings()) for a in story.articles}
    labels = [story_of.get(a.id, f"empty:{a.id}") for a in data.articles]  # emptied by cleaning: alone
    return labels, time.perf_counter() - start


def tfidf_agglomerative(data: LabelledArticles, threshold: float) -> tuple[list[str], float]:
    start = time.perf_counter()
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title or ''} {a.text}" for a in data.articles]).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold)
    labels = model.fit_predict(vectors)
    return [str(x) for x in labels], time.perf_counter() - start


def tuned_baseline_threshold() -> float:
    tune = multinews_mix(VAL, 200, seed=TUNE_SEED)
    best = max(np.arange(0.5, 1.0, 0.025),
               key=lambda t: score_clustering(tfidf_agglomerative(tune, t)[0], tune.stories).f1)
    return float(best)


def report(name: str, data: LabelledArticles, threshold: float) -> None:
    for system, (labels, seconds) in (("newsbrief", newsbrief_grouping(data)),
                                      ("tfidf-agglomerative", tfidf_agglomerative(data, threshold))):
        s = score_clustering(labels, data.stories)
        print(f"| {name} | {system} | {len(data.articles)} | {len(set(data.stories))} | {s.clusters} | "
              f"{s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** | {s.ari:.3f} | {len(data.articles) / seconds:,.0f} |")


def semeval() -> None:
    pairs = semeval_pairs(SEMEVAL)
    gold = np.array([p.overall for p in pairs])
    ours = np.array([similarity(p.a, p.b) for p in pairs])
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit([t for p in pairs for t in (p.a.text, p.b.text)])
    a, b = vectorizer.transform([p.a.text for p in pairs]), vectorizer.transform([p.b.text for p in pairs])
    tfidf = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    print("\n| SemEval-2022 Task 8 en-en (354 pairs) | Pearson r (sign-adjusted) |\n|---|---:|")
    print(f"| newsbrief similarity() | **{-np.corrcoef(ours, gold)[0, 1]:.3f}** |")
    print(f"| TF-IDF cosine | {-np.corrcoef(tfidf, gold)[0, 1]:.3f} |")


def same_kind(nearest: int = 3) -> None:
    import json

    from newsbrief.clean.article import clean_article
    from newsbrief.learn.stories import cleaned
    from newsbrief.stories.pairmodel import load_model, pair_features
    from newsbrief.stories.tracker import default_profiler

    model, profiler = load_model(), default_profiler()

    def joined(pairs) -> str:  # the share of (profile, profile) pairs the model calls one story
        return f"{np.mean(model.predict(np.array([pair_features(a, b) for a, b in pairs]))):.1%}"

    category = {str(r["id"]): r["category"] for r in map(json.loads, GIVEME.open(encoding="utf-8"))}
    data = cleaned(giveme5w1h(GIVEME))
    articles, events = data.articles, data.stories
    profiles = profiler.profiles(articles)
    dense = np.array([p.dense for p in profiles])
    closeness = dense @ dense.T
    found = {"an other event": [], "the same event": []}
    for i, a in enumerate(articles):
        order = np.argsort(-closeness[i])
        found["an other event"] += [(profiles[i], profiles[j]) for j in [
            j for j in order if events[j] != events[i] and category[articles[j].id] == category[a.id]][:nearest]]
        found["the same event"] += [(profiles[i], profiles[j]) for j in [
            j for j in order if events[j] == events[i] and j != i][:nearest]]
    print("\n| same-kind pairs | pairs | joined by the story model |\n|---|---:|---:|")
    for kind, pairs in found.items():
        print(f"| Giveme5W1H, {nearest} nearest of {kind} (same category) | {len(pairs)} | {joined(pairs)} |")
    rated = [(p, *profiler.profiles([clean_article(p.a), clean_article(p.b)])) for p in semeval_pairs(SEMEVAL)]
    for label, keep in (("SemEval judged dissimilar overall (>= 3), alike in narrative (<= 2.5)",
                         lambda p, a, b: p.overall >= 3 and p.narrative <= 2.5),
                        ("SemEval judged dissimilar overall (>= 3), embeddings >= 0.4",
                         lambda p, a, b: p.overall >= 3 and float(a.dense @ b.dense) >= 0.4),
                        ("SemEval judged very similar (overall <= 1.5)", lambda p, a, b: p.overall <= 1.5)):
        pairs = [(a, b) for p, a, b in rated if keep(p, a, b)]
        print(f"| {label} | {len(pairs)} | {joined(pairs)} |")


def stream(total: int = 10_000) -> None:
    from newsbrief.evaluate.multinews import load_clusters
    from newsbrief.model import Article

    articles = []
    for cluster in load_clusters(DATA / "multinews" / "train.jsonl.gz"):
        articles.extend(Article(id=f"{cluster.id}/{i}", text=d) for i, d in enumerate(cluster.documents))
        if len(articles) >= total * 1.1:  # some are only debris
            break
    articles = clean_articles(articles, [])[0][:total]
    tracker = StoryTracker(Settings(max_active_stories=1000))
    tracker.add_many(articles[:1])  # load the models before the clock starts
    print(f"\n{len(articles):,} cleaned Multi-News training articles, max_active_stories=1000; "
          f"RSS with the articles and models loaded: {_rss_mb():,.0f} MB")
    print("\n| articles added | articles/s (so far) | active stories | RSS MB | RSS growth MB |\n|---:|---:|---:|---:|---:|")
    base = _rss_mb()
    start = time.perf_counter()
    for i in range(1, len(articles), 100):  # arrival in small batches, as a feed delivers them
        tracker.add_many(articles[i:i + 100])
        done = min(i + 100, len(articles))
        if done % 1000 < 100 or done == len(articles):
            print(f"| {done:,} | {done / (time.perf_counter() - start):,.0f} | {tracker.active_stories} | "
                  f"{_rss_mb():,.0f} | {_rss_mb() - base:+,.0f} |")


def _rss_mb() -> float:
    """Current (not peak) resident memory of this process."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+",
                        default=["multinews200", "multinews1000", "giveme5w1h", "giveme5w1h-undated", "uci", "semeval",
                                 "same-kind", "stream"])
    args = parser.parse_args()
    threshold = tuned_baseline_threshold()
    print(f"baseline distance threshold (tuned on 200 other val clusters): {threshold:.3f}\n")
    print("| set | system | articles | gold stories | found | BCubed P | BCubed R | BCubed F1 | ARI | articles/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.sets:
        if name.startswith("multinews"):
            report(name, multinews_mix(VAL, int(name.removeprefix("multinews")), seed=2026), threshold)
        elif name == "giveme5w1h":
            report(name, giveme5w1h(GIVEME), threshold)
        elif name == "giveme5w1h-undated":
            report(name, without_dates(giveme5w1h(GIVEME)), threshold)
        elif name == "uci":
            report(name, uci_headlines(DATA / "uci-news-aggregator-subset" / "uci-news-aggregator.first6366.csv"), threshold)
    if "semeval" in args.sets:
        semeval()
    if "same-kind" in args.sets:
        same_kind()
    if "stream" in args.sets:
        stream()


if __name__ == "__main__":
    main()
