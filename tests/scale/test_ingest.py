"""`newsbrief ingest --engine ray` into PostgreSQL: the store a local ingest leaves, a driver
killed with -9 mid-run and rerun completes it exactly, and articles arriving after a Ray backfill
join the stories they would have joined in one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from newsbrief.config import Settings
from newsbrief.ingest import iter_inputs
from newsbrief.model import Rejected
from newsbrief.service.ingest import Ingestor
from newsbrief.service.scaled import ray_inputs
from newsbrief.store import Store
from tests.conftest import REPO
from tests.scale.conftest import cluster_records, write_jsonl

N = 60


def records() -> list[dict]:
    """News-cluster articles, a syndicated copy of one (another id and outlet), and debris."""
    found = cluster_records(N)
    copy = {**found[3], "id": "copy-of-3", "source_domain": "copies.example", "text": found[3]["text"] + "\nShare this."}
    return found[:20] + [copy, {"id": "debris", "text": "Advertisement"}] + found[20:]


def snapshot(url: str) -> tuple[list, list]:
    with psycopg.connect(url) as conn:
        articles = conn.execute("SELECT id, seq, story_id, copy_of, md5(text), md5(embedding), md5(signature) "
                                "FROM articles ORDER BY seq").fetchall()
        stories = conn.execute("SELECT id, label, size, first, last, outlets FROM stories ORDER BY id").fetchall()
    return articles, stories


def local_ingest(paths, url: str) -> None:
    settings = Settings(db=url)
    ingestor = Ingestor(Store(url), settings)
    for item in iter_inputs(paths, settings):
        if not isinstance(item, Rejected):
            ingestor.add(item)


def ray_ingest(paths, url: str) -> int:
    """Ingest on Ray; how many articles the actors skipped as stored already."""
    settings = Settings(db=url)
    ingestor = Ingestor(Store(url), settings)
    skipped = 0
    for item, computed in ray_inputs(paths, settings, workers=2):
        if not isinstance(item, Rejected):
            ingestor.add(item, computed)
            skipped += computed is None
    return skipped


def count(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:  # the schema is not created yet
        return 0


@pytest.fixture(scope="module")
def wire(tmp_path_factory) -> str:
    return str(write_jsonl(tmp_path_factory.mktemp("wire") / "wire.jsonl", records()))


@pytest.fixture(scope="module")
def one_process(wire, postgres_server) -> tuple[list, list]:
    """The store a local ingest of `wire` leaves (one process, arrival order)."""
    url = _new_database(postgres_server)
    local_ingest([wire], url)
    return snapshot(url)


def _new_database(server: str) -> str:
    import uuid

    name = "nb_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def databases(postgres_server):
    return lambda: _new_database(postgres_server)


@pytest.mark.slow
def test_ray_ingest_stores_what_a_local_ingest_stores(ray_cluster, wire, one_process, databases):
    on_ray = databases()
    ray_ingest([wire], on_ray)
    assert snapshot(on_ray) == one_process  # ids, order, stories, copies, embeddings and signatures
    articles, _ = one_process
    assert len(articles) > N * 0.95 and "copy-of-3" in {a[0] for a in articles if a[3]}  # a few are only debris


@pytest.mark.slow
def test_a_driver_killed_mid_ingest_and_rerun_completes_the_store(ray_cluster, wire, one_process, databases):
    data, crashed = wire, databases()

    address = ray_cluster.get_runtime_context().gcs_address
    env = {**os.environ, **ray_cluster.driver_env_, "PYTHONPATH": str(REPO), "NEWSBRIEF_CONFIG": os.devnull}
    victim = subprocess.Popen([sys.executable, "-m", "newsbrief.cli", "ingest", data, "--db", crashed,
                               "--engine", "ray", "--ray-address", address, "--workers", "2"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while count(crashed) < 15 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, victim.communicate()[1].decode()[-2000:]
    victim.send_signal(signal.SIGKILL)  # mid-batch: Ray holds prepared articles not yet stored
    victim.communicate(timeout=30)
    stored = count(crashed)
    assert 15 <= stored < len(one_process[0])

    skipped = ray_ingest([data], crashed)  # the rerun (a new driver) skips what is stored and completes the rest
    assert skipped >= stored  # the stored articles were not embedded again
    assert snapshot(crashed) == one_process


@pytest.mark.slow
def test_articles_after_a_ray_backfill_join_the_stories_of_one_process(ray_cluster, tmp_path, one_process, databases):
    everything = records()
    backfill = str(write_jsonl(tmp_path / "backfill.jsonl", everything[:40]))
    later = str(write_jsonl(tmp_path / "later.jsonl", everything[40:]))
    scaled = databases()
    ray_ingest([backfill], scaled)
    local_ingest([later], scaled)  # the service's incremental path, on the store Ray filled
    assert snapshot(scaled) == one_process
