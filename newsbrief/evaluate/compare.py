"""Score named systems side by side on clusters with reference summaries.

1. `read_clusters` reads a JSONL file (plain or gzip, detected by content) of
   `{"documents": [...], "summary": ...}` records, validating every record it keeps.
2. `compare` runs every system on every cluster once, timing only the summarizing, and
   scores each summary with ROUGE-1/2/Lsum F1 (x100) against the reference sentences
   (built once per cluster with newsbrief's splitter).
3. `results_to_markdown` / `results_to_json` render the results.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from newsbrief.errors import InputError, NothingToSummarize, SettingsError
from newsbrief.evaluate.multinews import RECORD_SHAPE, Cluster, load_clusters, reference_sentences
from newsbrief.evaluate.rouge import ROUGE_TYPES, rouge
from newsbrief.evaluate.systems import get_system

SCHEMA_VERSION = "newsbrief.evaluate/1"


@dataclass(frozen=True)
class SystemResult:
    """One system over a set of clusters: mean ROUGE F1 (x100) and seconds per cluster."""

    name: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    seconds_per_cluster_median: float
    seconds_per_cluster_mean: float
    clusters: int
    empty: int
    """Clusters for which the system returned no sentence (they score 0)."""
    words_mean: float
    """Mean length of the system's summaries in words (at most the budget)."""


def compare(
    systems: list[str],
    clusters: Iterable[Cluster],
    words: int,
    progress: Callable[[SystemResult], None] | None = None,
) -> list[SystemResult]:
    """Every named system scored on every cluster, in the order given.

    The systems are built (and so validated) before any cluster is read; `progress` is
    called with each system's result as soon as that system has finished.
    """
    if words < 1:
        raise SettingsError(f"words must be at least 1, got {words}")
    if not systems:
        raise SettingsError("no system to evaluate")
    built = [(name, get_system(name)) for name in systems]
    sample = [(list(c.documents), reference_sentences(c.summary)) for c in clusters]
    if not sample:
        raise NothingToSummarize("no cluster to evaluate")

    results = []
    for name, system in built:
        totals = dict.fromkeys(ROUGE_TYPES, 0.0)
        seconds, lengths = [], []
        for documents, reference in sample:
            start = time.perf_counter()
            summary = system(documents, reference, words)
            seconds.append(time.perf_counter() - start)
            lengths.append(sum(len(s.split()) for s in summary))
            for key, value in rouge(summary, reference).items():
                totals[key] += value
        result = SystemResult(
            name=name,
            rouge1=totals["rouge1"] / len(sample),
            rouge2=totals["rouge2"] / len(sample),
            rougeLsum=totals["rougeLsum"] / len(sample),
            seconds_per_cluster_median=statistics.median(seconds),
            seconds_per_cluster_mean=statistics.fmean(seconds),
            clusters=len(sample),
            empty=sum(1 for n in lengths if n == 0),
            words_mean=statistics.fmean(lengths),
        )
        if progress:
            progress(result)
        results.append(result)
    return results


MARKDOWN_HEADER = (
    "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | words (mean) | s/cluster (median) | s/cluster (mean) | empty |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def markdown_row(result: SystemResult) -> str:
    """One table row (see `MARKDOWN_HEADER`)."""
    return (
        f"| {result.name} | {result.rouge1:.2f} | {result.rouge2:.2f} | {result.rougeLsum:.2f} "
        f"| {result.words_mean:.1f} | {result.seconds_per_cluster_median:.4f} "
        f"| {result.seconds_per_cluster_mean:.4f} | {result.empty} |"
    )


def results_to_markdown(results: Iterable[SystemResult]) -> str:
    """A Markdown table, one row per system, ending with a newline."""
    return "\n".join([MARKDOWN_HEADER, *map(markdown_row, results)]) + "\n"


def results_to_json(results: Iterable[SystemResult], settings: dict) -> str:
    """`{"schema", "settings", "results": [...]}`; `settings` says what was run (data, budget...)."""
    document = {"schema": SCHEMA_VERSION, "settings": settings, "results": [asdict(r) for r in results]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_clusters(path: str | Path, limit: int | None = None, seed: int | None = None) -> list[Cluster]:
    """Every cluster `load_clusters` yields, as a list; an unreadable or empty file raises `InputError`."""
    if limit is not None and limit < 1:
        raise SettingsError(f"limit must be at least 1, got {limit}")
    try:
        clusters = list(load_clusters(path, limit=limit, seed=seed))
    except (OSError, EOFError) as err:  # a corrupt gzip stream
        raise InputError(str(path), f"cannot be read ({err})") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    if not clusters:
        raise InputError(str(path), f"no {RECORD_SHAPE} records")
    return clusters
