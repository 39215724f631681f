"""Speed and quality of newsbrief's briefs, printed as Markdown tables.

1. Speed: `newsbrief.brief(["examples/aleppo/"])` in process (median of warm runs), and one
   cold run of the CLI `newsbrief brief examples/aleppo/` in a fresh process (wall time).
2. Quality: the first N Multi-News validation clusters, summarized at a fixed word budget by
   newsbrief's methods (centroid, lead) and the reference baselines (lead, TF-IDF centroid
   with MMR, greedy oracle); mean ROUGE-1/2/Lsum F1 (x100, Google rouge-score, stemming on)
   and median seconds per cluster (summarizing only; ROUGE scoring is not timed).

    python benchmarks/bench_brief.py --clusters 100 --words 260
    python benchmarks/bench_brief.py --systems lead,tfidf-centroid-mmr,oracle --no-timing
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "multinews" / "val.jsonl.gz"
EXAMPLE = "examples/aleppo/"

# A system maps (cluster, reference sentences, words) to summary sentences within the budget.
System = Callable[..., list[str]]


def newsbrief_system(method: str) -> System:
    from newsbrief.config import Settings
    from newsbrief.errors import NewsbriefError
    from newsbrief.evaluate.multinews import cluster_articles
    from newsbrief.evaluate.rouge import fit_budget
    from newsbrief.pipeline import brief_articles

    def run(cluster, reference, words):
        try:
            brief = brief_articles(cluster_articles(cluster), Settings(words=words, method=method))
        except NewsbriefError:
            return []  # nothing usable left (e.g. an all-boilerplate cluster): an empty brief
        return fit_budget([s.text for s in brief.sentences], words)

    return run


def baseline_system(name: str) -> System:
    from newsbrief.evaluate import baselines

    if name == "oracle":
        return lambda cluster, reference, words: baselines.oracle(list(cluster.documents), reference, words)
    summarize = {"lead": baselines.lead, "tfidf-centroid-mmr": baselines.tfidf_centroid_mmr}[name]
    return lambda cluster, reference, words: summarize(list(cluster.documents), words)


SYSTEMS: dict[str, Callable[[], System]] = {
    "newsbrief-centroid": lambda: newsbrief_system("centroid"),
    "newsbrief-lead": lambda: newsbrief_system("lead"),
    "lead": lambda: baseline_system("lead"),
    "tfidf-centroid-mmr": lambda: baseline_system("tfidf-centroid-mmr"),
    "oracle": lambda: baseline_system("oracle"),
}


def time_example(repeat: int) -> list[str]:
    """Markdown rows: in-process median over warm runs, and one cold CLI run."""
    import newsbrief

    example = str(REPO / EXAMPLE)
    newsbrief.brief([example])  # warm-up: imports, caches
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        brief = newsbrief.brief([example])
        seconds.append(time.perf_counter() - start)
    rows = [
        f"| `newsbrief.brief([{EXAMPLE!r}])`, warm | {statistics.median(seconds):.3f} s "
        f"(median of {repeat}) | {len(brief.sources)} sources, {brief.words} words |"
    ]
    cli = Path(sys.executable).parent / "newsbrief"
    command = [str(cli)] if cli.exists() else [shutil.which("newsbrief") or "newsbrief"]
    start = time.perf_counter()
    try:
        done = subprocess.run(command + ["brief", EXAMPLE], cwd=REPO, capture_output=True, text=True)
        outcome = f"exit {done.returncode}"
        if done.returncode:
            outcome += ": " + (done.stderr.strip().splitlines() or ["(no message)"])[-1]
    except FileNotFoundError:
        outcome = "no `newsbrief` command on PATH"
    rows.append(f"| `newsbrief brief {EXAMPLE}`, cold process | {time.perf_counter() - start:.3f} s | {outcome} |")
    return rows


def evaluate(names: list[str], data: Path, clusters: int, words: int) -> Iterator[str]:
    """Markdown rows, one per system as it finishes: mean ROUGE and median time per cluster."""
    from newsbrief.evaluate.multinews import load_clusters, reference_sentences
    from newsbrief.evaluate.rouge import ROUGE_TYPES, rouge

    sample = [(c, reference_sentences(c.summary)) for c in load_clusters(data, limit=clusters)]
    for name in names:
        system = SYSTEMS[name]()
        totals = dict.fromkeys(ROUGE_TYPES, 0.0)
        seconds, empty = [], 0
        for cluster, reference in sample:
            start = time.perf_counter()
            summary = system(cluster, reference, words)
            seconds.append(time.perf_counter() - start)
            empty += not summary
            for key, value in rouge(summary, reference).items():
                totals[key] += value
        means = " | ".join(f"{totals[k] / len(sample):.2f}" for k in ROUGE_TYPES)
        yield f"| {name} | {means} | {statistics.median(seconds) * 1000:.1f} | {empty} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=100, help="first N validation clusters (default 100)")
    parser.add_argument("--words", type=int, default=260, help="word budget of every system (default 260)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Multi-News val.jsonl.gz")
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS),
        help=f"comma-separated systems to score (default all: {','.join(SYSTEMS)})",
    )
    parser.add_argument("--repeat", type=int, default=5, help="warm runs timed on the example (default 5)")
    parser.add_argument("--no-timing", action="store_true", help="skip the example timing section")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    if args.clusters < 1 or args.words < 1 or args.repeat < 1:
        parser.error("--clusters, --words and --repeat must be at least 1")
    if not args.data.is_file():
        print(f"error: Multi-News data not found at {args.data} (needs ../shared/data/multinews; "
              "pass --data PATH)", file=sys.stderr)
        return 2

    if not args.no_timing:
        rows = time_example(args.repeat)
        print("## Speed: bundled example\n\n| run | time | result |\n| --- | ---: | --- |")
        print("\n".join(rows) + "\n", flush=True)

    print(f"## Quality: Multi-News val, first {args.clusters} clusters, {args.words}-word budget\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms/cluster (median) | empty |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for row in evaluate(names, args.data, args.clusters, args.words):
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
