"""Local vs Ray engine: `stories --no-briefs` and `ingest` throughput, per-stage cost, memory.

    python benchmarks/bench_scale.py [--n 2000] [--shards 4] [--workers 1,2] [--db URL]

Writes the first N Multi-News training articles (one record per article) as `--shards` JSONL
files, then runs, each in a fresh subprocess: the local engine, and the Ray engine on a local
cluster with 1 and 2 embedding actors (`--workers`). Per run: the grouping (`stories --no-briefs`:
read, clean, profile, sign, decide) and the ingest into a fresh store (SQLite in a temporary
folder, or a new database on `--db postgresql://.../postgres`), as articles/s; Ray's start-up
(cluster and actor pool) is reported apart. Then the per-article cost of each stage (the
actors' own timings, and the driver's decisions and writes), the driver's peak RSS and the
largest RSS of one embedding actor (`ray::MapWorker`, sampled every 0.2 s).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "data" / "multinews" / "train.jsonl.gz"


def write_shards(folder: Path, n: int, shards: int) -> list[str]:
    """The first n training articles, dealt into `shards` consecutive files."""
    records = []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as source:
        for cluster_no, line in enumerate(source):
            for doc_no, text in enumerate(json.loads(line)["documents"]):
                records.append(json.dumps({"id": f"mn{cluster_no}-{doc_no}", "text": text}))
            if len(records) >= n:
                break
    records = records[:n]
    size = -(-n // shards)
    paths = []
    for k in range(shards):
        path = folder / f"part-{k:03d}.jsonl"
        path.write_text("".join(r + "\n" for r in records[k * size:(k + 1) * size]), encoding="utf-8")
        paths.append(str(path))
    return paths


class ActorMemory:
    """The largest RSS (MiB) of one embedding actor process, sampled while it runs."""

    def __init__(self):
        self.peak, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.2):
            out = subprocess.run(["ps", "-eo", "rss,args"], capture_output=True, text=True).stdout
            for line in out.splitlines()[1:]:
                rss, _, args = line.strip().partition(" ")
                if "MapWorker" in args and rss.isdigit():
                    self.peak = max(self.peak, int(rss) / 1024)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def one(engine: str, workers: int, paths: list[str], db: str) -> dict:
    """One engine's run, in this process: times (s), per-stage seconds per article, memory."""
    from newsbrief.config import Settings
    from newsbrief.model import Rejected
    from newsbrief.service.ingest import Ingestor
    from newsbrief.store import Store
    from newsbrief.stories.story import group_stories

    settings = Settings(db=db)
    result: dict = {"engine": engine, "workers": workers}
    stage = {}
    if engine == "local":
        from newsbrief.ingest import iter_inputs, read_inputs
        from newsbrief.pipeline import clean_articles

        start = time.perf_counter()
        articles, _ = read_inputs(paths, settings)
        cleaned = clean_articles(articles, [])[0]
        group_stories(cleaned, settings)
        result["stories_s"] = time.perf_counter() - start
        result["articles"] = len(cleaned)
        ingestor = Ingestor(Store(db), settings)
        start = time.perf_counter()
        for item in iter_inputs(paths, settings):
            if not isinstance(item, Rejected):
                ingestor.add(item)
        result["ingest_s"] = time.perf_counter() - start
        result["actor_mib"] = None
    else:
        from newsbrief.scale import connect, prepared
        from newsbrief.service.ingest import Computed

        start = time.perf_counter()
        with connect(None, workers), ActorMemory() as memory:
            result["ray_start_s"] = time.perf_counter() - start
            start = time.perf_counter()
            items = list(prepared(paths, settings, workers=workers))
            result["prepare_s"] = time.perf_counter() - start
            kept = [i for i in items if i.cleaned is not None]
            decide = time.perf_counter()
            group_stories([i.cleaned for i in kept], settings, profiles=[i.profile for i in kept],
                          signatures=[i.signature for i in kept])
            stage["decide (driver)"] = (time.perf_counter() - decide) / len(kept)
            result["stories_s"] = time.perf_counter() - start
            result["articles"] = len(kept)
            for item in kept:
                for name, seconds in item.seconds.items():
                    if name != "worker":
                        stage[name] = stage.get(name, 0.0) + seconds / len(kept)
            ingestor = Ingestor(Store(db), settings)
            start, writing = time.perf_counter(), 0.0
            for item in prepared(paths, settings, workers=workers):
                if not isinstance(item.item, Rejected):
                    t = time.perf_counter()
                    ingestor.add(item.item, Computed(item.cleaned, None, item.profile, item.signature))
                    writing += time.perf_counter() - t
            result["ingest_s"] = time.perf_counter() - start
            stage["decide + write (driver, ingest)"] = writing / len(kept)
        result["actor_mib"] = memory.peak
    result["stage_ms"] = {k: v * 1000 for k, v in stage.items()}
    result["driver_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def new_db(base: str | None, folder: Path, name: str) -> str:
    if not base:
        return f"sqlite:///{folder / (name + '.db')}"
    import psycopg

    db = "nb_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    return base.rsplit("/", 1)[0] + "/" + db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--db", help="postgresql://.../postgres: each run in a new database there (default: SQLite)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # engine:workers:db:paths.json, in a subprocess
    args = parser.parse_args()
    if args.one:
        engine, workers, db, listing = args.one.split("|")
        print(json.dumps(one(engine, int(workers), json.loads(Path(listing).read_text()), db)))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    paths = write_shards(folder, args.n, args.shards)
    listing = folder / "paths.json"
    listing.write_text(json.dumps(paths))
    runs = [("local", 1)] + [("ray", int(w)) for w in args.workers.split(",")]
    rows = []
    for engine, workers in runs:
        db = new_db(args.db, folder, f"{engine}{workers}")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        out = subprocess.run([sys.executable, __file__, "--one", f"{engine}|{workers}|{db}|{listing}"],
                             capture_output=True, text=True, env=env, cwd=REPO)
        if out.returncode:
            sys.exit(out.stderr[-3000:])
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{args.n:,} Multi-News train articles in {args.shards} JSONL shards; store: {'PostgreSQL' if args.db else 'SQLite'}; "
          f"{os.cpu_count()} CPUs\n")
    print("| engine | Ray start-up s | stories s | stories articles/s | ingest s | ingest articles/s | driver peak MiB | actor peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        name = "local" if r["engine"] == "local" else f"ray, {r['workers']} worker{'s' * (r['workers'] > 1)}"
        start = f"{r['ray_start_s']:.1f}" if "ray_start_s" in r else "–"
        actor = f"{r['actor_mib']:.0f}" if r["actor_mib"] else "–"
        print(f"| {name} | {start} | {r['stories_s']:.1f} | {r['articles'] / r['stories_s']:.0f} | {r['ingest_s']:.1f} | "
              f"{r['articles'] / r['ingest_s']:.0f} | {r['driver_mib']:.0f} | {actor} |")
    for r in rows:
        if r["stage_ms"]:
            print(f"\nper-article cost, ray with {r['workers']} worker(s) (ms; actors' stages are per actor):")
            print("| stage | ms/article |\n|---|---:|")
            for name, ms in r["stage_ms"].items():
                print(f"| {name} | {ms:.2f} |")


if __name__ == "__main__":
    main()
