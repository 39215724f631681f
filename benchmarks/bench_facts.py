"""Quality and speed of `extract_facts`, printed as Markdown tables.

1. Quality: precision/recall of figures, figure sources, quotes and quote speakers against the
   hand annotations in `tests/data/facts/` (per split and overall; see the README there).
2. Speed: every giveme5w1h event with at least 10 articles, as a 10-article story (its first 10
   articles, cleaned beforehand): warm in-process median of `--repeat` runs of `extract_facts`,
   with the spaCy NER and without it (`entity_model=""`, the capitalisation fallback).
3. Disagreement precision: every adjacent pair of figures the story's disagreements show,
   on the judged giveme5w1h events (`tests/data/facts/disagreements.jsonl`), per split.
4. Cold start: wall time of the CLI in a fresh process on the bundled example, with and without
   facts (median of 3).

    python benchmarks/bench_facts.py
    python benchmarks/bench_facts.py --no-quality --repeat 9
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CLUSTER = REPO.parent / "shared" / "data" / "giveme5w1h-news-cluster" / "news_cluster.jsonl"
ANNOTATIONS = REPO / "tests" / "data" / "facts" / "annotations.jsonl"
JUDGMENTS = REPO / "tests" / "data" / "facts" / "disagreements.jsonl"


def quality() -> list[str]:
    from newsbrief.evaluate.facts import evaluate, load_annotations, load_articles

    records = load_annotations(ANNOTATIONS)
    articles = load_articles(CLUSTER, {r["article_id"] for r in records})
    rows = ["| split | events | articles | measure | precision | recall | F1 | correct / predicted / gold |",
            "|---|---:|---:|---|---:|---:|---:|---|"]
    for split in ("tuning", "heldout", "final", "blind", None):
        result = evaluate(records, articles, split=split)
        for name, score in result.rows():
            rows.append(f"| {split or 'all'} | {result.events} | {result.articles} | {name} | {score.precision:.3f} | "
                        f"{score.recall:.3f} | {score.f1:.3f} | {score.correct} / {score.predicted} / {score.gold} |")
    return rows


def disagreement_precision() -> list[str]:
    from newsbrief.clean.article import clean_article
    from newsbrief.facts import extract_facts
    from newsbrief.evaluate.disagreements import disagreement_pairs, event_stories, judge, load_judgments

    judgments = load_judgments(JUDGMENTS)
    rows = ["| split | events | pairs shown | right | wrong | unjudged | precision |", "|---|---|---:|---:|---:|---:|---:|"]
    for split in ("tuning", "untouched"):
        events = sorted({r["event_id"] for r in judgments.values() if r["split"] == split})
        pairs = [pair for event, articles in event_stories(CLUSTER, events).items()
                 for pair in disagreement_pairs(event, extract_facts(_document([clean_article(a) for a in articles])))]
        judged = judge(pairs, judgments)
        rows.append(f"| {split} | {', '.join(map(str, events))} | {len(pairs)} | {judged.right} | {judged.wrong} | "
                    f"{len(judged.unjudged)} | {f'{judged.precision:.3f}' if judged.right + judged.wrong else '–'} |")
    return rows


def _document(articles):
    from newsbrief.config import Settings
    from newsbrief.pipeline import prepare

    return prepare(articles, Settings(languages=""), cleaned=True)


def stories(size: int = 10) -> list[tuple[int, list]]:
    from newsbrief.clean.article import clean_article
    from newsbrief.model import Article

    events: dict[int, list] = defaultdict(list)
    for line in CLUSTER.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        published = date.fromisoformat(r["date_publish"][:10]) if r.get("date_publish") else None
        events[r["event_id"]].append(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                             outlet=r.get("source_domain"), published=published))
    return [(event, [clean_article(a) for a in articles[:size]])
            for event, articles in sorted(events.items()) if len(articles) >= size]


def speed(repeat: int) -> list[str]:
    from newsbrief.config import Settings
    from newsbrief.facts import extract_facts

    settings, fallback = Settings(), Settings(entity_model="")
    found = stories()
    extract_facts(_document(found[0][1][:1]), settings)  # warm-up: spaCy import and model load
    rows = ["| event | articles | words | median s (spaCy NER) | ms / article | median s (no NER) |",
            "|---:|---:|---:|---:|---:|---:|"]
    medians = []
    for event, articles in found:
        words = sum(len(a.text.split()) for a in articles)
        doc = _document(articles)  # the facts stage only: the Document is built once, before it
        timed = _median(lambda: extract_facts(doc, settings), repeat)
        rules = _median(lambda: extract_facts(doc, fallback), repeat)
        medians.append((timed, words))
        rows.append(f"| {event} | {len(articles)} | {words:,} | {timed:.3f} | {1000 * timed / len(articles):.0f} | {rules:.3f} |")
    seconds = statistics.median(t for t, _ in medians)
    words = statistics.median(w for _, w in medians)
    per_word = statistics.median(t / w for t, w in medians) * 1000
    rows.append(f"| **median of {len(medians)} stories** | 10 | {words:,.0f} | **{seconds:.3f}** | "
                f"{100 * seconds:.0f} | |")
    rows.append("")
    rows.append(f"About {per_word:.3f} ms per word of article text, median over the stories.")
    return rows


def cold_start() -> list[str]:
    command = [sys.executable, "-m", "newsbrief.cli"]
    rows = ["| command | wall s (median of 3) |", "|---|---:|"]
    for args in (["brief", "examples/aleppo/"], ["brief", "examples/aleppo/", "--no-facts"],
                 ["facts", "examples/aleppo/"]):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command + args, cwd=REPO, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        rows.append(f"| `newsbrief {' '.join(args)}` | {statistics.median(times):.2f} |")
    return rows


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per story (median)")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    if not CLUSTER.exists():
        sys.exit(f"needs {CLUSTER} (the shared data folder beside the repository)")
    if not args.no_quality:
        print("\n".join(quality()), end="\n\n")
        print("\n".join(disagreement_precision()), end="\n\n")
    if not args.no_timing:
        print("\n".join(speed(args.repeat)), end="\n\n")
        print("\n".join(cold_start()))


if __name__ == "__main__":
    main()
