"""Following a simulated day of news: 50 sources, 2,000 entries, polled every 30 minutes, in one process.

A loopback HTTP server (`tests/service/feed_server.py`) serves 50 RSS feeds; entry i (a distinct
Multi-News validation article) is published at i/2000 of the day, on source i % 50, and each
feed lists its latest 20 entries. Half the sources carry the full text in the feed; the other
half only a summary, so the follower fetches and extracts each entry's page (a web page made
of the article). The follower polls at each half hour of simulated time (`run_once(now=...)`:
48 rounds), against a new SQLite store, with the default settings except `follow_delay=0` and
`follow_private_addresses` (every source is on one loopback host, standing for 50). Prints a
Markdown table: wall time, requests (feeds, 304s, pages), bytes received, articles stored, peak memory.

    python benchmarks/bench_follow.py [--sources 50] [--entries 2000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "data" / "multinews" / "val.jsonl.gz"
DAY = datetime(2024, 3, 4, tzinfo=UTC)
FEED_SIZE = 20


def articles(n: int) -> list[str]:
    found = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            for text in json.loads(line)["documents"]:
                if 600 < len(text) < 20_000:
                    found.append(text)
                    if len(found) == n:
                        return found
    raise SystemExit(f"{DATA}: only {len(found)} usable articles")


def page(title: str, text: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip()) if "\n" in text else \
        "".join(f"<p>{escape(s)}.</p>" for s in text.split(". ") if s.strip())
    menu = "".join(f'<li><a href="/{name}">{name.title()}</a></li>' for name in ("world", "politics", "sport"))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body><nav><ul>{menu}</ul></nav><main><article><h1>{escape(title)}</h1>{body}</article></main>"
            "<footer>Copyright Example News</footer></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--entries", type=int, default=2000)
    args = parser.parse_args()

    from newsbrief.config import Settings
    from newsbrief.service.follow import Follower
    from newsbrief.store import Store
    from newsbrief.store.sources import add_source
    from tests.service.feed_server import FeedServer, rss

    texts = articles(args.entries)
    published = [DAY + timedelta(seconds=i * 86400 / args.entries) for i in range(args.entries)]
    folder = tempfile.mkdtemp(prefix="bench-follow-")
    settings = Settings(db=f"sqlite:///{folder}/news.db", follow_delay=0, follow_private_addresses=True)  # loopback
    store = Store(settings.db)
    rounds = [DAY + timedelta(minutes=30 * (r + 1)) for r in range(48)]
    with FeedServer() as server:
        for s in range(args.sources):
            server.feed(f"/s{s}/feed.xml", rss(f"Source {s}", []))
            add_source(store, server.url(f"/s{s}/feed.xml"), server.url(f"/s{s}/feed.xml"), every=30, now=DAY)
        follower = Follower(store, settings)
        start, added, not_modified, failed = time.perf_counter(), 0, 0, 0
        for now in rounds:
            for s in range(args.sources):  # what each source has published by now
                mine = [i for i in range(s, args.entries, args.sources) if published[i] <= now][-FEED_SIZE:]
                items = []
                for i in reversed(mine):
                    title = f"Story {i}: " + " ".join(texts[i].split()[:8])
                    link = server.url(f"/s{s}/news/{i}.html")
                    item = {"title": title, "link": link, "date": format_datetime(published[i], usegmt=True),
                            "description": " ".join(texts[i].split()[:40])}
                    if s % 2:
                        server.page(f"/s{s}/news/{i}.html", page(title, texts[i]))
                    else:
                        item["content"] = "".join(f"<p>{escape(p)}</p>" for p in texts[i].split("\n") if p.strip())
                    items.append(item)
                server.feed(f"/s{s}/feed.xml", rss(f"Source {s}", items))
            report = follower.run_once(now=now)
            added += report.added
            not_modified += sum(p.status == "304" for p in report.polled)
            failed += sum(p.status in ("error", "partial") for p in report.polled)
        seconds = time.perf_counter() - start
        follower.stop()
        paths = [hit.path for hit in server.requests]
    feeds = sum(p.endswith("feed.xml") for p in paths)
    pages = sum(p.endswith(".html") for p in paths)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stored = store.counts()[0]
    print(f"| sources | entries | rounds | wall s | requests (feeds / 304 / pages / robots) | MB received | "
          f"articles stored | failed polls | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| {args.sources} | {args.entries} | {len(rounds)} | {seconds:.1f} | {len(paths)} ({feeds} / {not_modified} / "
          f"{pages} / {sum(p == '/robots.txt' for p in paths)}) | {follower.fetcher.bytes / 1e6:.1f} | "
          f"{stored} (added {added}) | {failed} | {peak:.0f} |")


if __name__ == "__main__":
    main()
