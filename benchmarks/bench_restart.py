"""Restart to first write: a fresh process adding one article to a big store.

    python benchmarks/bench_restart.py [--base 2000] [--copies 1,50] [--code PATH]

Ingests the first `--base` Multi-News training articles into a SQLite store (not timed), then
makes bigger stores from it by copying its rows K times (`--copies`) under new ids, story ids
and seqs, each copy dated a week after the last: a store of about K x base articles whose
stories are spread over K weeks, as a newsroom's year would be. Multi-News has no dates, so the
base store alone (K=1) is the worst case: every story is still active. A copy keeps the stored
embedding and copy signature of its original; a restart reuses them as it would its own.

For each store, a fresh Python process (`--code`: another checkout) imports newsbrief, opens the
store, replays it (`Ingestor.warm_up`, what the first write starts with) and adds one new
article; the table gives each part and the process's peak RSS. The write lock is held only for
the last part's transaction.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import REPO, write_slices  # noqa: E402

PROBE = r"""
import json, resource, sys, time
started = time.perf_counter()
from newsbrief.config import Settings
from newsbrief.ingest.files import read_inputs
from newsbrief.service.ingest import Ingestor
from newsbrief.store import Store
from newsbrief.stories.tracker import StoryTracker
db, new = sys.argv[1], sys.argv[2]
settings = Settings(db=db)
articles, _ = read_inputs([new], settings)
ingestor = Ingestor(Store(db), settings)
StoryTracker(settings)  # the models load here, not inside the replay
loaded = time.perf_counter()
ingestor.warm_up()
replayed = time.perf_counter()
result = ingestor.add(articles[0])
written = time.perf_counter()
print(json.dumps({"start-up": loaded - started, "replay": replayed - loaded, "first write": written - replayed,
                  "status": result.status, "active": ingestor._tracker.active_stories,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=2000)
    parser.add_argument("--copies", default="1,50")
    parser.add_argument("--code", type=Path, default=REPO)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nb-restart-"))
    inputs = write_slices(folder, {"base": args.base, "new": 1})
    env = {**os.environ, "PYTHONPATH": str(args.code), "NEWSBRIEF_CONFIG": os.devnull}
    base = folder / "base.db"
    subprocess.run([sys.executable, "-m", "newsbrief.cli", "ingest", "--db", f"sqlite:///{base}",
                    str(inputs["base"])], env=env, check=True, capture_output=True)
    print(f"code: {args.code}; base store: {args.base:,} records ingested")
    print("| stored articles | active stories | start-up | replay | first write | peak RSS |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for copies in (int(k) for k in args.copies.split(",")):
        db = folder / f"x{copies}.db"
        stored = _copied(base, db, copies)
        probe = subprocess.run([sys.executable, "-c", PROBE, f"sqlite:///{db}", str(inputs["new"])],
                               env=env, check=True, capture_output=True, text=True)
        got = json.loads(probe.stdout.strip().splitlines()[-1])
        print(f"| {stored:,} | {got['active']:,} | {got['start-up']:.2f} s | {got['replay']:.2f} s | "
              f"{got['first write']:.2f} s ({got['status']}) | {got['rss']:.0f} MB |")


def _copied(base: Path, db: Path, copies: int) -> int:
    """A store holding the base store's articles `copies` times, copy k dated k weeks after 2025-01-06."""
    db.write_bytes(base.read_bytes())
    with sqlite3.connect(db) as conn:
        n = conn.execute("select max(seq) from articles").fetchone()[0]
        if copies > 1:
            columns = [r[1] for r in conn.execute("pragma table_info(articles)")]
            story_columns = [r[1] for r in conn.execute("pragma table_info(stories)")]
            conn.execute("create temp table a0 as select * from articles")
            conn.execute("create temp table s0 as select * from stories")
            conn.execute("delete from articles")
            conn.execute("delete from stories")
            for k in range(copies):
                day = (date(2025, 1, 6) + timedelta(weeks=k)).isoformat()
                values = {c: c for c in columns} | {
                    "id": f"id || '-{k}'", "story_id": f"story_id || '-{k}'", "seq": f"seq + {k * n}",
                    "copy_of": f"case when copy_of is null then null else copy_of || '-{k}' end",
                    "published": f"'{day}'"}
                conn.execute(f"insert into articles ({', '.join(columns)}) "
                             f"select {', '.join(values[c] for c in columns)} from a0")
                story_values = {c: c for c in story_columns} | {
                    "id": f"id || '-{k}'", "last_seq": f"last_seq + {k * n}", "first": f"'{day}'", "last": f"'{day}'"}
                conn.execute(f"insert into stories ({', '.join(story_columns)}) "
                             f"select {', '.join(story_values[c] for c in story_columns)} from s0")
        return conn.execute("select count(*) from articles").fetchone()[0]


if __name__ == "__main__":
    main()
