"""What is read: an Article, the lines cleaning removed from it, and the inputs that could not be used."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped from an article, and why (for --explain)."""

    line_no: int  # 1-based line number in the raw text
    text: str
    reason: str  # short rule name, e.g. "advertisement", "photo credit"


# the reason of the note reading leaves when it replaced or removed invalid characters (ingest.validtext)
INVALID_CHARACTERS = "invalid characters"


@dataclass(frozen=True)
class Article:
    """One news article. `text` is as read until cleaned (`clean.article`); a `Document`
    (`pipeline.prepare`) holds only cleaned articles.

    `id` is the input's own id where it has one, else the file path
    (with `#N` for the N-th record of a JSONL file).
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    path: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    author: str | None = None
    language: str | None = None  # ISO 639-1 code ("en"), detected or given; None: unknown


@dataclass(frozen=True)
class Rejected:
    """An input that could not be used: it reaches the user as a one-line warning."""

    source: str  # file path (and record number) that was skipped
    stage: str  # "ingest", "clean", ...
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def in_canonical_order(articles: Iterable[Article]) -> list[Article]:
    """The articles by date (undated last), then outlet, then id (numbers in it compared as numbers):
    what comes first among equals — the source a sentence is cited from, its number, a tie
    between two sentences — never depends on the order the articles were read in."""
    return sorted(articles, key=canonical_key)


def canonical_key(article: Article) -> tuple:
    return (article.published is None, article.published or date.min, (article.outlet or "").casefold(),
            _natural(article.id), article.id, _natural(article.path or ""), article.path or "", article.text)


def _natural(text: str) -> tuple:
    """'a/2' before 'a/10'."""
    return tuple((0, int(part), "") if part.isdecimal() else (1, 0, part) for part in re.split(r"([0-9]+)", text) if part)
