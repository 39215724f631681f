"""Inverse document frequencies of content words, learned once from a news corpus.

The table ships with the package (`newsbrief/data/idf.tsv.gz`, rebuilt by
`python -m newsbrief.learn.stories`), so a stream's first article is weighted as well as its
ten-thousandth, and the weights do not drift as the stream grows.
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from newsbrief.segment.tokens import content_words

IDF_FILE = Path(__file__).resolve().parent.parent / "data" / "idf.tsv.gz"
MIN_DOCUMENT_FREQUENCY = 5  # rarer words are left out of the table and get `unknown` weight


def document_frequencies(texts: Iterable[str]) -> tuple[Counter, int]:
    """How many texts each content word occurs in, and the number of texts."""
    df: Counter = Counter()
    n = 0
    for text in texts:
        df.update(set(content_words(text)))
        n += 1
    return df, n


def write_idf_table(df: Counter, n: int, path: Path = IDF_FILE) -> None:
    """A gzipped TSV: a `#documents` header line, then `word<TAB>document frequency` lines."""
    rows = sorted((w, c) for w, c in df.items() if c >= MIN_DOCUMENT_FREQUENCY)
    with gzip.GzipFile(path, "wb", mtime=0) as out:  # mtime 0: byte-identical rebuilds
        out.write(f"#documents\t{n}\n".encode())
        out.write("".join(f"{w}\t{c}\n" for w, c in rows).encode())


@cache
def load_idf(path: Path = IDF_FILE) -> tuple[dict[str, float], float]:
    """(word -> idf, idf of a word not in the table) with idf = log((1 + N) / (1 + df)) + 1."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        n = int(next(lines).split("\t")[1])
        idf = {}
        for line in lines:
            word, count = line.rstrip("\n").split("\t")
            idf[word] = math.log((1 + n) / (1 + int(count))) + 1.0
    unknown = math.log((1 + n) / (1 + MIN_DOCUMENT_FREQUENCY - 1)) + 1.0
    return idf, unknown
