"""Builders for ingest tests: write input files under tmp_path, read them with chosen settings;
the pages of the staged article-extraction benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.config import Settings
from newsbrief.ingest import read_inputs
from tests.conftest import shared_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "aleppo"
STORY = (
    "Syrian government forces made significant gains in eastern Aleppo on Sunday.\n"
    "Rebels said they had withdrawn from several districts after heavy shelling.\n"
)


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> the file's path as a str; str content is UTF-8, dicts/lists are JSON."""

    def _write(name: str, content: str | bytes | dict | list = STORY, encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, (dict, list)):
            content = json.dumps(content)
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return str(path)

    return _write


@pytest.fixture
def read():
    """read(*inputs, **settings) -> (articles, rejected) from read_inputs."""

    def _read(*inputs, **settings):
        return read_inputs(list(inputs), Settings(**settings))

    return _read


def jsonl(*records) -> str:
    """JSONL text: one line per record; a str record is written as-is (for broken lines)."""
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


@pytest.fixture(scope="session")
def benchmark_pages() -> list[dict]:
    """The article-extraction benchmark's pages: {id, html (bytes), url, gold}, in ground-truth order."""
    root = shared_path("data", "article-extraction-benchmark")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [{"id": key, "html": gzip.open(root / "html" / f"{key}.html.gz").read(), "url": record["url"],
             "gold": record["articleBody"]} for key, record in gold.items()]
