"""Multi-News clusters (JSONL, plain or gzip, one `{"id", "documents", "summary"}` record a line).

See ../shared/data/multinews/README.md for the data: lowercased, tokenised text,
sources truncated to about 500 words per cluster, one summary string per cluster.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsbrief.errors import InputError, SettingsError
from newsbrief.model import Article
from newsbrief.segment.sentences import split_sentences


RECORD_SHAPE = '{"documents": [...], "summary": ...}'


@dataclass(frozen=True)
class Cluster:
    """One story: its source documents (in the original order) and the reference summary."""

    id: str
    documents: tuple[str, ...]
    summary: str


def load_clusters(path: str | Path, limit: int | None = None, seed: int | None = None) -> Iterator[Cluster]:
    """Clusters from a JSONL file of `{"documents": [str, ...], "summary": str | [str, ...]}` records.

    The file may be gzip-compressed (recognised by content). `id` is optional (default: the
    line number); a list summary is one sentence per item. Without `seed`: the first `limit`
    clusters (all when None), read lazily. With `seed`: a reproducible uniform sample of
    `limit` clusters (reservoir sampling over one pass), in file order. A missing file or a
    malformed record raises `InputError`, bad arguments `SettingsError`.
    """
    if limit is not None and limit < 0:
        raise SettingsError(f"limit must be at least 0, got {limit}")
    if seed is not None and limit is None:
        raise SettingsError("a seed draws a random sample of `limit` clusters: give a limit too")
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file")
    if not path.is_file():
        raise InputError(str(path), "not a file")
    lines = _lines(path) if seed is None else iter(_sample(_lines(path), limit, seed))
    return (_parse(path, line_no, line) for line_no, line in itertools.islice(lines, limit))


def cluster_articles(cluster: Cluster) -> list[Article]:
    """The cluster's documents as newsbrief articles with ids `<cluster id>/<index>`."""
    return [Article(id=f"{cluster.id}/{i}", text=doc) for i, doc in enumerate(cluster.documents)]


def reference_sentences(summary: str) -> list[str]:
    """The reference summary split into sentences by newsbrief's own splitter."""
    return split_text(summary)


def first_sentences(path: str | Path, n: int) -> list[str]:
    """The first `n` sentences of a Multi-News file's documents, in file order (newsbrief's splitter)."""
    sentences: list[str] = []
    for cluster in load_clusters(path):
        for document in cluster.documents:
            sentences.extend(document[s:e] for s, e in split_sentences(document))
        if len(sentences) >= n:
            break
    return sentences[:n]


def split_text(text: str) -> list[str]:
    """Sentences of a text (newsbrief's splitter), whitespace-normalised, blanks dropped."""
    sentences = (" ".join(text[start:end].split()) for start, end in split_sentences(text))
    return [s for s in sentences if s]


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
    stream = gzip.open(path, "rb") if compressed else open(path, "rb")
    with stream, io.TextIOWrapper(stream, encoding="utf-8") as text:
        for line_no, line in enumerate(text, 1):
            if line.strip():
                yield line_no, line


def _sample(lines: Iterator[tuple[int, str]], limit: int, seed: int) -> list[tuple[int, str]]:
    # Reservoir sampling over raw lines (only the chosen ones are parsed), then file order.
    rng = random.Random(seed)
    reservoir: list[tuple[int, str]] = []
    for n, item in enumerate(lines):
        if n < limit:
            reservoir.append(item)
        else:
            slot = rng.randrange(n + 1)
            if slot < limit:
                reservoir[slot] = item
    return sorted(reservoir)


def _parse(path: Path, line_no: int, line: str) -> Cluster:
    def bad(reason: str) -> InputError:
        return InputError(f"{path}:{line_no}", f"not a {RECORD_SHAPE} record ({reason})")

    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise bad(f"invalid JSON: {err.msg}") from None
    if not isinstance(record, dict):
        raise bad(f"a JSON {type(record).__name__}, not an object")
    documents, summary = record.get("documents"), record.get("summary")
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise bad('"documents" must be a list of strings')
    if isinstance(summary, list) and all(isinstance(s, str) for s in summary):
        summary = "\n".join(summary)
    if not isinstance(summary, str):
        raise bad('"summary" must be a string or a list of strings')
    return Cluster(id=str(record.get("id", line_no)), documents=tuple(documents), summary=summary)
