"""Speed and quality of newsbrief's briefs, printed as Markdown tables.

1. Speed: `newsbrief.brief(["examples/aleppo/"])` in process (median of warm runs), and one
   cold run of the CLI `newsbrief brief examples/aleppo/` in a fresh process (wall time).
2. Quality: the first N Multi-News validation clusters, summarized at a fixed word budget by
   every system in `newsbrief.evaluate.systems` (newsbrief's methods, lead, TF-IDF centroid
   with MMR, sumy's LexRank/TextRank/LSA/SumBasic, greedy oracle), scored by
   `newsbrief.evaluate.compare`: mean ROUGE-1/2/Lsum F1 (x100, Google rouge-score, stemming
   on), mean summary words, and seconds per cluster, median and mean (summarizing only; ROUGE
   scoring is not timed). `newsbrief evaluate multinews` prints the same table.

    python benchmarks/bench_brief.py --clusters 100 --words 260
    python benchmarks/bench_brief.py --systems lead,tfidf-centroid-mmr,oracle --no-timing
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "multinews" / "val.jsonl.gz"
EXAMPLE = "examples/aleppo/"
STORY_DATA = REPO.parent / "shared" / "data" / "giveme5w1h-news-cluster" / "news_cluster.jsonl"


def story_articles(count: int = 10) -> list:
    """The first `count` articles of the biggest event in giveme5w1h-news-cluster (full-length news)."""
    from collections import Counter

    from newsbrief.config import Settings
    from newsbrief.ingest import read_inputs

    rows = [json.loads(line) for line in STORY_DATA.read_text(encoding="utf-8").splitlines()]
    biggest = Counter(r["event_id"] for r in rows).most_common(1)[0][0]
    wanted = {r["id"] for r in rows if r["event_id"] == biggest}
    articles, _ = read_inputs([str(STORY_DATA)], Settings())
    return [a for a in articles if a.id in wanted][:count]


def time_briefs(repeat: int) -> list[str]:
    """Markdown rows: warm in-process medians per method on the example and a 10-article story,
    and one cold CLI run of the default method."""
    import newsbrief
    from newsbrief.config import Settings
    from newsbrief.config import METHODS

    inputs = {"example (2 articles)": [str(REPO / EXAMPLE)]}
    if STORY_DATA.is_file():
        story = story_articles()
        inputs[f"story ({len(story)} full articles)"] = story
    rows = []
    for label, items in inputs.items():
        # every method without facts (the summarizer alone), then the default method with them
        for method, facts in [(m, False) for m in METHODS] + [(METHODS[0], True)]:
            settings = Settings(facts=facts)
            newsbrief.brief(items, method=method, settings=settings)  # warm-up: imports, model loads, caches
            seconds = []
            for _ in range(repeat):
                start = time.perf_counter()
                brief = newsbrief.brief(items, method=method, settings=settings)
                seconds.append(time.perf_counter() - start)
            what = "with facts" if facts else "no facts"
            rows.append(f"| {label}, `{method}`, {what}, warm | {statistics.median(seconds):.3f} s (median of {repeat}) "
                        f"| {len(brief.sources)} sources, {brief.words} words |")
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
    rows.append(f"| `newsbrief brief {EXAMPLE}` (with facts), cold process | {time.perf_counter() - start:.3f} s | {outcome} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    from newsbrief.errors import NewsbriefError
    from newsbrief.evaluate.compare import MARKDOWN_HEADER, compare, markdown_row, read_clusters
    from newsbrief.evaluate.systems import get_system, system_names

    systems = system_names()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=100, help="first N validation clusters (default 100)")
    parser.add_argument("--words", type=int, default=260, help="word budget of every system (default 260)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Multi-News val.jsonl.gz")
    parser.add_argument(
        "--systems", default=",".join(systems),
        help=f"comma-separated systems to score (default all: {','.join(systems)})",
    )
    parser.add_argument("--repeat", type=int, default=5, help="warm runs timed on the example (default 5)")
    parser.add_argument("--no-timing", action="store_true", help="skip the example timing section")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in systems]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(systems)}")
    if args.clusters < 1 or args.words < 1 or args.repeat < 1:
        parser.error("--clusters, --words and --repeat must be at least 1")
    if not args.data.is_file():
        print(f"error: Multi-News data not found at {args.data} (needs ../shared/data/multinews; "
              "pass --data PATH)", file=sys.stderr)
        return 2
    try:
        for name in names:
            get_system(name)  # a missing optional package (sumy) fails before the timing section
        clusters = read_clusters(args.data, limit=args.clusters)
    except NewsbriefError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2

    if not args.no_timing:
        rows = time_briefs(args.repeat)
        print("## Speed: briefs\n\n| run | time | result |\n| --- | ---: | --- |")
        print("\n".join(rows) + "\n", flush=True)

    print(f"## Quality: Multi-News val, first {len(clusters)} clusters, {args.words}-word budget\n")
    print(MARKDOWN_HEADER, flush=True)
    compare(names, clusters, args.words, progress=lambda result: print(markdown_row(result), flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
