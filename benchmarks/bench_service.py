"""Load on the newsroom service: mixed API requests from 8, 32, 64 concurrent clients on loopback.

    python benchmarks/bench_service.py [--requests 2000] [--clients 8,32,64] [--threads N]
                                       [--during-ingest N] [--db URL]

Ingests the news-cluster demo set plus the bundled example into a fresh SQLite store (or uses
--db), starts `newsbrief serve` in a subprocess (`--threads`: its `server_threads`), warms the
brief cache of the stories it will ask for (not timed), then, for each number of clients, fires
the requests and prints throughput, p50/p99 latency and errors, per kind and in one table.
`--during-ingest N`: each run also has `newsbrief ingest` add N new Multi-News articles to the
store while it runs, so the story pages are served while stories change.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "giveme5w1h-news-cluster" / "news_cluster.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", default="8,32,64", help="comma-separated numbers of concurrent clients")
    parser.add_argument("--threads", type=int, default=None, help="the server's server_threads")
    parser.add_argument("--during-ingest", type=int, default=0, help="articles ingested during each run")
    parser.add_argument("--stories", type=int, default=40, help="stories whose pages are requested")
    parser.add_argument("--db", default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSBRIEF_CONFIG": os.devnull}
    db = args.db or "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix="nb-bench-"), "news.db")
    cli = [sys.executable, "-m", "newsbrief.cli"]
    t = time.perf_counter()
    subprocess.run([*cli, "ingest", str(DATA), str(REPO / "examples" / "aleppo"), "--db", db], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    ingest_s = time.perf_counter() - t
    key = subprocess.run([*cli, "keys", "create", f"bench-{os.getpid()}-{time.time_ns()}", "--db", db], check=True,
                         env=env, capture_output=True, text=True).stdout.strip()  # the POSTs need an API key
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server_env = env if args.threads is None else {**env, "NEWSBRIEF_SERVER_THREADS": str(args.threads)}
    server = subprocess.Popen([*cli, "serve", "--db", db, "--port", str(port)], env=server_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    counts = [int(n) for n in args.clients.split(",")]
    feeds = _ingest_inputs(args.during_ingest, len(counts))
    rows = []
    try:
        _wait(base)
        for clients, feed in zip(counts, feeds):
            writer = None
            if feed is not None:
                writer = subprocess.Popen([*cli, "ingest", str(feed), "--db", db], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            rows.append(run(base, args, ingest_s, clients, key))
            if writer is not None:
                rows[-1]["ingest_done"] = writer.poll() is not None
                writer.wait()
    finally:
        server.terminate()
        server.wait(10)
    print(f"\nthreads: {args.threads or 'default'}; ingest during each run: {args.during_ingest} articles")
    print("| clients | requests | throughput | p50 | p99 | story page p99 | story JSON p99 | errors |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['clients']} | {r['requests']:,} | {r['throughput_rps']:.0f} req/s | {r['p50_ms']:.1f} ms | "
              f"{r['p99_ms']:.0f} ms | {r['p99_by_kind'].get('page-story', float('nan')):.0f} ms | "
              f"{r['p99_by_kind'].get('story', float('nan')):.0f} ms | {r['errors']} |")
    if any(r["errors"] for r in rows):
        raise SystemExit(1)


def _ingest_inputs(n: int, runs: int) -> list[Path | None]:
    """A JSONL file of n new Multi-News articles per run (none when n is 0)."""
    if not n:
        return [None] * runs
    from bench_ingest import write_slices

    folder = Path(tempfile.mkdtemp(prefix="nb-bench-feed-"))
    return list(write_slices(folder, {f"run{k}": n for k in range(runs)}).values())


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stories?limit=1").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def run(base: str, args, ingest_s: float, clients: int, key: str) -> dict:
    rng = random.Random(args.seed)
    with httpx.Client(base_url=base, timeout=120) as c:
        stories = c.get("/api/stories", params={"limit": 100}).json()["stories"]
        stories += c.get("/api/stories", params={"limit": 100, "offset": 100}).json()["stories"]
        picked = rng.sample(stories, min(args.stories, len(stories)))
        t = time.perf_counter()
        for s in picked:  # warm the brief cache (briefs are computed once per story version)
            c.get(f"/api/stories/{s['id']}")
        warm_s = time.perf_counter() - t
        articles = c.get("/api/articles", params={"limit": 100}).json()["articles"]
        existing = c.get(f"/api/articles/{articles[0]['id']}").json()
    outlets = sorted({o for s in stories for o in s["outlets"]})
    words = ["police", "Trump", "fire", "storm", "Korea", "election", "court", "Aleppo", "flight", "ship"]
    duplicate = {k: existing[k] for k in ("id", "title", "outlet", "text")}

    def request() -> tuple[str, str, dict]:
        r = rng.random()
        s = rng.choice(picked)
        if r < 0.20:
            return "list", "GET", {"url": "/api/stories", "params": {"limit": 20, "offset": rng.randrange(0, 140)}}
        if r < 0.30:
            return "filter", "GET", {"url": "/api/stories", "params": {"outlet": rng.choice(outlets), "q": rng.choice(words)}}
        if r < 0.55:
            return "story", "GET", {"url": f"/api/stories/{s['id']}"}
        if r < 0.60:
            return "new", "GET", {"url": f"/api/stories/{s['id']}/new", "params": {"since": s["first"] or "2017-01-01"}}
        if r < 0.72:
            return "search", "GET", {"url": "/api/articles", "params": {"q": rng.choice(words)}}
        if r < 0.82:
            return "article", "GET", {"url": f"/api/articles/{rng.choice(articles)['id']}"}
        if r < 0.88:
            return "page-list", "GET", {"url": "/"}
        if r < 0.96:
            return "page-story", "GET", {"url": f"/stories/{s['id']}"}
        return "post-dup", "POST", {"url": "/api/articles", "json": duplicate}

    plan = [request() for _ in range(args.requests)]
    queue = iter(enumerate(plan))
    lock = threading.Lock()
    latencies: list[tuple[str, float]] = []
    errors: Counter = Counter()

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120, headers={"authorization": f"Bearer {key}"}) as c:
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                _, (kind, method, kwargs) = item
                t0 = time.perf_counter()
                try:
                    status = c.request(method, **kwargs).status_code
                except httpx.HTTPError as err:
                    status = type(err).__name__
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append((kind, elapsed))
                    if not (isinstance(status, int) and status < 400):
                        errors[f"{kind}:{status}"] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    all_ms = sorted(x * 1000 for _, x in latencies)
    result = {
        "requests": len(latencies), "clients": clients, "seconds": round(wall, 2),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(_pct(all_ms, 50), 1), "p99_ms": round(_pct(all_ms, 99), 1), "max_ms": round(all_ms[-1], 1),
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "ingest_s": round(ingest_s, 1), "warm_briefs_s": round(warm_s, 1), "stories_warmed": len(picked),
    }
    result["p99_by_kind"] = {}
    print(f"\n{clients} clients")
    print(f"{'kind':<11} {'n':>5} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in sorted({k for k, _ in latencies}):
        ms = sorted(x * 1000 for k, x in latencies if k == kind)
        result["p99_by_kind"][kind] = _pct(ms, 99)
        print(f"{kind:<11} {len(ms):>5} {_pct(ms, 50):>8.1f} {_pct(ms, 99):>8.1f}")
    print(json.dumps(result))
    return result


def _pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


if __name__ == "__main__":
    main()
