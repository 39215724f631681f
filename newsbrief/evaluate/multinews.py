"""Multi-News clusters (gzip JSONL, one `{"id", "documents", "summary"}` record a line).

See ../shared/data/multinews/README.md for the data: lowercased, tokenised text,
sources truncated to about 500 words per cluster, one summary string per cluster.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsbrief.model import Article
from newsbrief.segment.sentences import split_sentences


@dataclass(frozen=True)
class Cluster:
    """One story: its source documents (in the original order) and the reference summary."""

    id: str
    documents: tuple[str, ...]
    summary: str


def load_clusters(path: str | Path, limit: int | None = None, seed: int | None = None) -> Iterator[Cluster]:
    """Clusters streamed from a `.jsonl.gz` file.

    Without `seed`: the first `limit` clusters (all of them when `limit` is None), read lazily.
    With `seed`: a reproducible uniform sample of `limit` clusters (reservoir sampling over
    one pass), yielded in file order.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, got {limit}")
    if seed is not None and limit is None:
        raise ValueError("a seed draws a sample of `limit` clusters: give limit too")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such Multi-News file")
    if seed is None:
        return _first(path, limit)
    return iter(_sample(path, limit, seed))


def cluster_articles(cluster: Cluster) -> list[Article]:
    """The cluster's documents as newsbrief articles with ids `<cluster id>/<index>`."""
    return [Article(id=f"{cluster.id}/{i}", text=doc) for i, doc in enumerate(cluster.documents)]


def reference_sentences(summary: str) -> list[str]:
    """The reference summary split into sentences by newsbrief's own splitter."""
    return split_text(summary)


def split_text(text: str) -> list[str]:
    """Sentences of a text (newsbrief's splitter), whitespace-normalised, blanks dropped."""
    sentences = (" ".join(text[start:end].split()) for start, end in split_sentences(text))
    return [s for s in sentences if s]


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if line.strip():
                yield line_no, line


def _parse(path: Path, line_no: int, line: str) -> Cluster:
    try:
        record = json.loads(line)
        return Cluster(id=str(record["id"]), documents=tuple(record["documents"]), summary=record["summary"])
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise ValueError(f"{path}:{line_no}: not a Multi-News record ({err})") from None


def _first(path: Path, limit: int | None) -> Iterator[Cluster]:
    for n, (line_no, line) in enumerate(_lines(path)):
        if limit is not None and n >= limit:
            return
        yield _parse(path, line_no, line)


def _sample(path: Path, limit: int, seed: int) -> list[Cluster]:
    # Reservoir sampling over raw lines (only the chosen ones are parsed), then file order.
    rng = random.Random(seed)
    reservoir: list[tuple[int, str]] = []
    for n, item in enumerate(_lines(path)):
        if n < limit:
            reservoir.append(item)
        else:
            slot = rng.randrange(n + 1)
            if slot < limit:
                reservoir[slot] = item
    return [_parse(path, line_no, line) for line_no, line in sorted(reservoir)]
