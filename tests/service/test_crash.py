"""Kill -9 an ingest of 2,000 articles at a random point, re-run it: the store is the same as
after an uninterrupted run — every article exactly once, in the same stories."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest

from tests.conftest import REPO
from tests.service.conftest import cluster_records, write_jsonl

N = 2000


def variations(n: int) -> list[dict]:
    """n short articles: the news-cluster articles cut to their first paragraphs, each repeated
    with other paragraphs and later dates (so the copies form stories of their own)."""
    records = cluster_records(400)
    out = []
    k = 0
    while len(out) < n:
        for r in records:
            paragraphs = [p for p in r["text"].split("\n") if p.strip()]
            if len(paragraphs) < 2:
                continue
            chosen = paragraphs[k % len(paragraphs):][:3] or paragraphs[:3]
            published = date.fromisoformat(r["date_publish"][:10]) + timedelta(days=30 * k) if r.get("date_publish") else None
            out.append({"id": f"{r['id']}~{k}", "title": r["title"], "source": r["source_domain"], "url": r["url"],
                        "published": published.isoformat() if published else None, "text": "\n".join(chosen)[:1500]})
            if len(out) == n:
                break
        k += 1
    return out


def ingest(path, db, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSBRIEF_CONFIG": os.devnull}
    return subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "ingest", str(path), "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, **kwargs)


def snapshot(path) -> tuple[list, list]:
    with sqlite3.connect(path) as conn:
        articles = conn.execute("SELECT id, seq, story_id, copy_of FROM articles ORDER BY seq").fetchall()
        stories = conn.execute("SELECT id, label, size, first, last, outlets FROM stories ORDER BY id").fetchall()
    return articles, stories


def count(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_kill_9_during_ingest_then_rerun_converges(tmp_path):
    data = write_jsonl(tmp_path / "articles.jsonl", variations(N))
    reference, crashed = tmp_path / "reference.db", tmp_path / "crashed.db"

    done = ingest(data, f"sqlite:///{reference}")
    out, err = done.communicate(timeout=600)
    assert done.returncode == 0, err.decode()
    kept = count(reference)  # a few variations are only debris and are skipped
    assert kept > N * 0.9

    kill_at = random.Random(os.environ.get("NEWSBRIEF_CRASH_SEED")).randint(N // 10, N * 9 // 10)
    victim = ingest(data, f"sqlite:///{crashed}")
    deadline = time.monotonic() + 600
    while count(crashed) < kill_at and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert victim.poll() is None, "the ingest finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    stored_at_kill = count(crashed)
    assert 0 < stored_at_kill < kept

    rerun = ingest(data, f"sqlite:///{crashed}")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert f"added {kept - stored_at_kill} articles ({stored_at_kill} already stored" in out.decode()

    articles, stories = snapshot(crashed)
    assert len({a[0] for a in articles}) == len(articles) == kept  # every article exactly once
    assert sum(s[2] for s in stories) == kept
    assert (articles, stories) == snapshot(reference)  # the same store as an uninterrupted run
    print(f"killed at {stored_at_kill}/{kept} articles; after the re-run: {kept} articles in {len(stories)} stories, "
          "identical to the uninterrupted run")
