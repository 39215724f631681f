"""A writer and a server at once on one SQLite store: a first write's replay must not lock others out.

    python benchmarks/bench_writers.py [--stored 1000] [--code PATH]

Fills a store with the first N Multi-News training articles (one ingest, not timed), then starts
two fresh `newsbrief ingest` processes one second apart, each adding 2 articles of its own, and,
two seconds in, `newsbrief serve`, which opens (and migrates) the store at start-up. A fresh
ingest replays the store into its story tracker before its first write: the table says when
each finished, and when the server first answered `GET /api/stories` (or that it exited, as it
does after the 30 s busy timeout when a write transaction holds the store that long).
`--code` runs another checkout's newsbrief, for a before/after row.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import REPO, write_slices  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=1000)
    parser.add_argument("--code", type=Path, default=REPO)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nb-writers-"))
    inputs = write_slices(folder, {"stored": args.stored, "first": 2, "second": 2})
    db = f"sqlite:///{folder / 'news.db'}"
    env = {**os.environ, "PYTHONPATH": str(args.code), "NEWSBRIEF_CONFIG": os.devnull}
    cli = [sys.executable, "-m", "newsbrief.cli", "ingest", "--db", db]
    subprocess.run([*cli, str(inputs["stored"])], env=env, check=True, capture_output=True)
    probe = _LockProbe(folder / "news.db")
    started = time.perf_counter()
    first = subprocess.Popen([*cli, str(inputs["first"])], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    second = subprocess.Popen([*cli, str(inputs["second"])], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    served = _server_ready_after(env, db, started)
    rows = [("serve", 2.0, served[0], served[1], [served[2]])]
    for name, process, start in (("first ingest", first, 0.0), ("second ingest", second, 1.0)):
        out, err = process.communicate()
        rows.append((name, start, time.perf_counter() - started, process.returncode, (out + err).strip().splitlines()[-1:]))
    probe.stop()
    print(f"code: {args.code}; store of {args.stored:,} articles; longest wait for the write lock "
          f"(BEGIN IMMEDIATE every 0.2 s from a third connection): {probe.longest:.1f} s"
          + (f"; {len(probe.failures)} failed: {probe.failures[0]}" if probe.failures else ""))
    print("| writer | started at | ended at | exit | last line |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, start, end, code, last in rows:
        print(f"| {name} | {start:.0f} s | {end:.1f} s | {code} | {last[0][:110] if last else ''} |")


class _LockProbe:
    """Takes and releases the store's write lock every 0.2 s; `longest`: the longest wait for it."""

    def __init__(self, path: Path):
        import sqlite3
        import threading

        self.longest = 0.0
        self.failures: list[str] = []
        self._done = threading.Event()
        self._conn = sqlite3.connect(str(path), timeout=120, isolation_level=None, check_same_thread=False)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import sqlite3

        while not self._done.is_set():
            asked = time.perf_counter()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute("ROLLBACK")
            except sqlite3.Error as err:
                self.failures.append(str(err))
            self.longest = max(self.longest, time.perf_counter() - asked)
            time.sleep(0.2)

    def stop(self) -> None:
        self._done.set()
        self._thread.join(130)


def _server_ready_after(env: dict, db: str, started: float) -> tuple[float, object, str]:
    """(seconds since `started` when the server first answered, its exit code or "running", a note)."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "serve", "--db", db, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            if server.poll() is not None:
                return time.perf_counter() - started, server.returncode, server.stderr.read().strip()[-110:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=1) as response:
                    return time.perf_counter() - started, "running", f"answered {response.status}"
            except OSError:
                time.sleep(0.1)
        return time.perf_counter() - started, "running", "no answer in 120 s"
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
