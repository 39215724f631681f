"""Load on the newsroom service: 2,000 mixed API requests from 8 concurrent clients on loopback.

    python benchmarks/bench_service.py [--requests 2000] [--clients 8] [--db URL]

Ingests the news-cluster demo set plus the bundled example into a fresh SQLite store (or uses
--db), starts `newsbrief serve` in a subprocess, warms the brief cache of the stories it will ask
for (not timed), then fires the requests and prints throughput, p50/p99 latency and errors.
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
    parser.add_argument("--clients", type=int, default=8)
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
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([*cli, "serve", "--db", db, "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        run(base, args, ingest_s)
    finally:
        server.terminate()
        server.wait(10)


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stories?limit=1").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def run(base: str, args, ingest_s: float) -> None:
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
        with httpx.Client(base_url=base, timeout=120) as c:
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

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    all_ms = sorted(x * 1000 for _, x in latencies)
    result = {
        "requests": len(latencies), "clients": args.clients, "seconds": round(wall, 2),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(_pct(all_ms, 50), 1), "p99_ms": round(_pct(all_ms, 99), 1), "max_ms": round(all_ms[-1], 1),
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "ingest_s": round(ingest_s, 1), "warm_briefs_s": round(warm_s, 1), "stories_warmed": len(picked),
    }
    print(f"{'kind':<11} {'n':>5} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in sorted({k for k, _ in latencies}):
        ms = sorted(x * 1000 for k, x in latencies if k == kind)
        print(f"{kind:<11} {len(ms):>5} {_pct(ms, 50):>8.1f} {_pct(ms, 99):>8.1f}")
    print(json.dumps(result))
    if errors:
        raise SystemExit(1)


def _pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


if __name__ == "__main__":
    main()
