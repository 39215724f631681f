"""Ingest of a JSONL backfill: throughput, peak memory and time to the first stored article.

    python benchmarks/bench_ingest.py [--sizes 1000,4000] [--repeat K] [--code PATH]
    python benchmarks/bench_ingest.py --read-only --sizes 20000 --repeat 5
    python benchmarks/bench_ingest.py --short --sizes 440000 --trace 60

Writes the first N Multi-News training articles (one record per article, ~430-word clusters
split into their documents) to a JSONL file, runs `newsbrief ingest` on it into a fresh SQLite
store in a subprocess, and prints one row per size: seconds, articles/s, the subprocess's peak
RSS, and how long until the store held its first article (polled every 0.1 s). `--code` runs
another checkout's newsbrief (for before/after rows).

`--short` makes each record a passage of two sentences of an article (a feed of ledes: about
440,000 records fit in the training split), written gzipped; `--trace S` prints, every S seconds,
the articles stored so far and the subprocess's resident memory (flat memory is the point).

`--read-only` measures the reading stage alone, on the same records: the articles streamed one
at a time, as `ingest` consumes them (`iter_inputs`), against collected into one list first
(`read_inputs`, how `ingest` read before it streamed): peak RSS and seconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "data" / "multinews" / "train.jsonl.gz"


def write_records(path: Path, n: int, repeat: int = 1) -> int:
    """The first n training articles as JSONL records (each text `repeat` times over: a big raw
    record whose repeats the cleaner drops); their total characters."""
    chars = written = 0
    with gzip.open(TRAIN, "rt", encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for cluster_no, line in enumerate(source):
            for doc_no, text in enumerate(json.loads(line)["documents"]):
                text = "\n\n".join([text] * repeat)
                out.write(json.dumps({"id": f"mn{cluster_no}-{doc_no}", "text": text}) + "\n")
                chars += len(text)
                written += 1
                if written == n:
                    return chars
    return chars


def write_short_records(path: Path, n: int) -> int:
    """n passages of two sentences each (at least 80 characters) from the training articles, as
    gzipped JSONL; their total characters."""
    chars = written = 0
    with gzip.open(TRAIN, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as out:
        for cluster_no, line in enumerate(source):
            for doc_no, text in enumerate(json.loads(line)["documents"]):
                sentences = re.split(r"(?<=[.!?])\s+", text)
                for start in range(0, len(sentences), 2):
                    passage = " ".join(sentences[start:start + 2]).strip()
                    if len(passage) < 80:
                        continue
                    out.write(json.dumps({"id": f"mn{cluster_no}-{doc_no}-{start}", "text": passage}) + "\n")
                    chars += len(passage)
                    written += 1
                    if written == n:
                        return chars
    raise SystemExit(f"only {written:,} passages in {TRAIN}")


def trace_memory(pid: int, db: Path, every: float, done: threading.Event) -> None:
    """Print the stored count and the resident memory of process `pid` every `every` seconds."""
    started = time.perf_counter()

    def sample():
        while not done.wait(every):
            try:
                rss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                           if line.startswith("VmRSS:"))
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                    stored = conn.execute("select count(*) from articles").fetchone()[0]
            except (OSError, StopIteration, sqlite3.Error):
                continue
            print(f"  {time.perf_counter() - started:7.0f} s  {stored:9,} stored  {rss / 1024:6.0f} MB",
                  file=sys.stderr, flush=True)

    threading.Thread(target=sample, daemon=True).start()


def write_slices(folder: Path, sizes: dict[str, int]) -> dict[str, Path]:
    """Consecutive slices of the training articles as JSONL files `folder/NAME.jsonl`, in the order given."""
    everything = folder / "all.jsonl"
    write_records(everything, sum(sizes.values()))
    lines = everything.read_text(encoding="utf-8").splitlines(keepends=True)
    paths, start = {}, 0
    for name, size in sizes.items():
        paths[name] = folder / f"{name}.jsonl"
        paths[name].write_text("".join(lines[start:start + size]), encoding="utf-8")
        start += size
    return paths


def first_article_after(db: Path, started: float, done: threading.Event) -> list[float]:
    found: list[float] = []

    def poll():
        while not done.is_set() and not found:
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as conn:
                    if conn.execute("select count(*) from articles").fetchone()[0]:
                        found.append(time.perf_counter() - started)
            except sqlite3.Error:
                pass
            time.sleep(0.1)

    threading.Thread(target=poll, daemon=True).start()
    return found


READ = """
import resource, sys, time
from newsbrief.config import Settings
from newsbrief.ingest import files
started = time.perf_counter()
if sys.argv[2] == "stream":
    n = sum(1 for _ in files.iter_inputs([sys.argv[1]], Settings()))
else:
    articles, rejected = files.read_inputs([sys.argv[1]], Settings())
    n = len(articles) + len(rejected)
print(n, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def read_only(n: int, repeat: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="nb-read-"))
    records = folder / "records.jsonl"
    chars = write_records(records, n, repeat)
    print(f"reading {n:,} records, {chars / 1e6:.0f} MB of text")
    print("| how | records | seconds | peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: |")
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSBRIEF_CONFIG": os.devnull}
    for how in ("stream", "list"):
        out = subprocess.run([sys.executable, "-c", READ, str(records), how], env=env, check=True,
                             capture_output=True, text=True).stdout.split()
        print(f"| {'streamed (iter_inputs)' if how == 'stream' else 'one list (read_inputs)'} | {int(out[0]):,} "
              f"| {float(out[1]):.1f} | {float(out[2]):.0f} |")


def run(n: int, code: Path, repeat: int, short: bool = False, trace: float = 0) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="nb-ingest-"))
    records = folder / ("records.jsonl.gz" if short else "records.jsonl")
    chars = write_short_records(records, n) if short else write_records(records, n, repeat)
    db = folder / "news.db"
    env = {**os.environ, "PYTHONPATH": str(code), "NEWSBRIEF_CONFIG": os.devnull}
    done = threading.Event()
    started = time.perf_counter()
    first = first_article_after(db, started, done)
    child = subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "ingest", str(records), "--db", f"sqlite:///{db}"],
                             env=env, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # cwd: `-m` puts it first on the path
    if trace:
        trace_memory(child.pid, db, trace, done)
    out, _ = child.communicate()
    seconds = time.perf_counter() - started
    done.set()
    # the largest waited-for child: each size runs in its own interpreter (main), so it is this one
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"n": n, "mb": chars / 1e6, "seconds": seconds, "rate": n / seconds, "peak": peak,
            "first": first[0] if first else None, "ok": child.returncode == 0, "summary": out.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000")
    parser.add_argument("--code", type=Path, default=REPO, help="the checkout whose newsbrief runs")
    parser.add_argument("--repeat", type=int, default=1, help="each record's text this many times over")
    parser.add_argument("--read-only", action="store_true", help="measure the reading stage alone")
    parser.add_argument("--short", action="store_true", help="records of two sentences each, gzipped")
    parser.add_argument("--trace", type=float, default=0, help="print stored count and memory every S seconds")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_only:
        for n in (int(size) for size in args.sizes.split(",")):
            read_only(n, args.repeat)
        return
    if args.one:
        print(json.dumps(run(args.one, args.code, args.repeat, args.short, args.trace)))
        return
    print(f"code: {args.code}; " + ("two-sentence records" if args.short else f"each text {args.repeat}x"))
    print("| articles | text (MB) | seconds | articles/s | peak RSS (MB) | first article stored after |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(size) for size in args.sizes.split(",")):
        line = subprocess.run([sys.executable, __file__, "--one", str(n), "--code", str(args.code),
                               "--repeat", str(args.repeat), "--trace", str(args.trace)]
                              + (["--short"] if args.short else []),
                              check=True, stdout=subprocess.PIPE, text=True).stdout
        row = json.loads(line)
        first = f"{row['first']:.1f} s" if row["first"] is not None else "—"
        print(f"| {n:,} | {row['mb']:.1f} | {row['seconds']:.1f} | {row['rate']:.0f} | {row['peak']:.0f} | {first} |"
              + ("" if row["ok"] else " (failed)"))


if __name__ == "__main__":
    main()
