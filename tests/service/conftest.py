"""Builders for the service tests: a small store filled from real articles, an API client."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_DIR, shared_path

CLUSTER = ("data", "giveme5w1h-news-cluster", "news_cluster.jsonl")

XSS_TITLE = '<img src=x onerror="window.__xss=1">Storm <b>hits</b> coast'
XSS_TEXT = (
    "Officials said the storm reached the coast on Monday night and flooded several towns. "
    '<script>window.__xss = 1; alert("xss")</script> Rescue teams worked through the night. '
    '<img src=x onerror="window.__xss=1"> The mayor said the damage would take weeks to assess.\n'
    'Residents were told to stay indoors until the water receded, a spokesman said on Tuesday. '
    '"We have never seen anything like it," said one resident, whose house was flooded.\n'
)


def cluster_records(n: int) -> list[dict]:
    """The first n records of the news-cluster data set (real articles, several stories)."""
    path = shared_path(*CLUSTER)
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            records.append(json.loads(line))
            if len(records) == n:
                break
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_input(tmp_path_factory) -> list[Path]:
    """40 news-cluster articles (in event order) plus the bundled example."""
    folder = tmp_path_factory.mktemp("input")
    records = sorted(cluster_records(400), key=lambda r: (r["event_id"], r["id"]))[:40]
    return [write_jsonl(folder / "cluster.jsonl", records), EXAMPLE_DIR]


def key_headers(db: str, name: str = "tests") -> dict[str, str]:
    """The Authorization header of a new API key of the store at `db`: every write needs one."""
    from newsbrief.store import Store
    from newsbrief.store.keys import create_key

    store = Store(db)
    try:
        return {"authorization": f"Bearer {create_key(store, f'{name}-{uuid.uuid4().hex[:8]}')}"}
    finally:
        store.close()


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory, small_input) -> str:
    """A SQLite store with the small input ingested (built once for the session)."""
    from newsbrief.config import Settings
    from newsbrief.ingest.files import read_inputs
    from newsbrief.service.ingest import Ingestor
    from newsbrief.store import Store

    url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "news.db")
    settings = Settings(db=url)
    articles, _ = read_inputs(small_input, settings)
    Ingestor(Store(url), settings).add_many(articles)
    return url


@pytest.fixture(scope="session")
def client(filled_db):
    from fastapi.testclient import TestClient

    from newsbrief.config import Settings
    from newsbrief.service.app import create_app

    with TestClient(create_app(Settings(db=filled_db, warm_briefs=0)), raise_server_exceptions=False,
                    headers=key_headers(filled_db)) as c:
        yield c


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory):
    """A client over a new, empty store (for tests that add articles), sending an API key."""
    from fastapi.testclient import TestClient

    from newsbrief.config import Settings
    from newsbrief.service.app import create_app

    url = "sqlite:///" + str(tmp_path_factory.mktemp("empty") / "news.db")
    with TestClient(create_app(Settings(db=url, warm_briefs=0)), raise_server_exceptions=False,
                    headers=key_headers(url)) as c:
        yield c
