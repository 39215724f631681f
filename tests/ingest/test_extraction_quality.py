"""Quality gate: extraction on fixed samples of the staged benchmarks stays above pinned floors.

Floors sit just under the measured values (benchmarks/RESULTS.md has the full runs): a change
that costs a page or two of quality fails here, not in a later benchmark run.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter

from newsbrief.ingest.html import extract_html
from newsbrief.evaluate.extraction import shingle_scores, snippet_counts, snippet_scores
from newsbrief.model import Article
from tests.conftest import shared_path

from .pages import SETTINGS

ZYTE_F1_FLOOR = 0.965  # measured 0.971 on every third page (61 pages)
TEVAL_F1_FLOOR = 0.935  # measured 0.946 on every 25th page (40 pages)


def text_of(html: bytes, url: str | None) -> str:
    result = extract_html(html, source=url or "page", url=url, settings=SETTINGS)
    return result.text if isinstance(result, Article) else ""


def test_article_extraction_benchmark_sample(benchmark_pages):
    pairs = [(text_of(page["html"], page["url"]), page["gold"]) for page in benchmark_pages[::3]]
    assert shingle_scores(pairs).f1 >= ZYTE_F1_FLOOR


def test_trafilatura_eval_sample():
    root = shared_path("data", "trafilatura-eval")
    annotations = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    counts = Counter()
    for entry in json.loads((root / "file_index.json").read_text(encoding="utf-8"))[::25]:
        key = entry["key"]
        html = gzip.open(root / entry["staged_file"]).read()
        text = text_of(html, key if key.startswith("http") else None)
        counts.update(snippet_counts(text, annotations[key]["with"], annotations[key]["without"]))
    assert snippet_scores(counts).f1 >= TEVAL_F1_FLOOR
