"""Order-dependence of briefs: the same articles in file order, reversed and shuffled.

    python benchmarks/bench_order.py [--min-articles 3] [--events N] [--no-facts]

Briefs (Markdown, with facts unless `--no-facts`) every Giveme5W1H event with at least
`--min-articles` articles three times: in file order, reversed, and shuffled (seed 1), and
counts the events whose briefs are not identical. A brief must be a function of the set of
articles; each differing event is a defect. The first lines that differ are printed for each.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "giveme5w1h-news-cluster" / "news_cluster.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-articles", type=int, default=3)
    parser.add_argument("--events", type=int, default=None, help="the first N such events only")
    parser.add_argument("--no-facts", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from newsbrief.config import Settings
    from newsbrief.ingest.records import article_from_record
    from newsbrief.output.markdown import brief_to_markdown
    from newsbrief.pipeline import brief_articles

    settings = Settings(facts=not args.no_facts)
    events: dict[int, list] = defaultdict(list)
    with DATA.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            article = article_from_record(record, source=f"news_cluster.jsonl:{number}", default_id=str(number),
                                          path="news_cluster.jsonl", settings=settings)
            events[record["event_id"]].append(article)
    chosen = [(e, a) for e, a in sorted(events.items()) if len(a) >= args.min_articles][:args.events]
    differing = 0
    started = time.perf_counter()
    for event, articles in chosen:
        shuffled = articles[:]
        random.Random(1).shuffle(shuffled)
        briefs = [brief_to_markdown(brief_articles(order, settings)) for order in (articles, articles[::-1], shuffled)]
        if len(set(briefs)) > 1:
            differing += 1
            first, *others = [b.splitlines() for b in briefs]
            other = next(o for o in others if o != first)
            line = next(i for i, (x, y) in enumerate(zip(first, other + [""] * len(first))) if x != y)
            print(f"event {event} ({len(articles)} articles) differs at line {line + 1}:\n  {first[line][:110]}\n"
                  f"  {other[line][:110] if line < len(other) else '(missing)'}")
    print(f"\n{differing} of {len(chosen)} events with >= {args.min_articles} articles give a different brief "
          f"when their articles come in another order ({'no facts' if args.no_facts else 'with facts'}; "
          f"{time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
