"""The plain data objects that flow between newsbrief's stages.

Article -> (clean) -> Article with `removed` filled -> (segment) -> Sentence
-> (summarize) -> Brief made of BriefSentence, each citing SourceSpan(s).

They are frozen dataclasses: stages return new objects instead of mutating,
so any stage can be run, tested or cached on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    """One news article. `text` is raw until cleaned, then the cleaned body.

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
    cleaned: bool = False
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


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned article, with character offsets into `Article.text`."""

    text: str
    article_id: str
    position: int  # 0-based index among the article's sentences
    start: int
    end: int
    paragraph: int = 0
    is_heading: bool = False  # a title/subhead line: kept in the text, never a brief sentence


@dataclass(frozen=True)
class SourceSpan:
    """Where a brief sentence occurs in one source article (offsets into its cleaned text)."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of the brief: its text and every article that carries it (or a near-copy)."""

    text: str
    sources: tuple[SourceSpan, ...]
    score: float = 0.0


@dataclass(frozen=True)
class Source:
    """A numbered entry of the brief's source list; `number` is the [n] citation marker."""

    number: int
    article_id: str
    path: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    words: int = 0
    also_published_by: tuple[str, ...] = ()  # outlets (or ids) of syndicated copies, cited once here


@dataclass(frozen=True)
class Brief:
    """A short multi-document summary whose every sentence cites its sources."""

    title: str | None
    sentences: tuple[BriefSentence, ...]
    sources: tuple[Source, ...]
    articles: tuple[Article, ...] = ()  # the cleaned articles the offsets point into
    rejected: tuple[Rejected, ...] = ()
    settings: dict = field(default_factory=dict)
    facts: object | None = None  # newsbrief.facts.Facts when facts were extracted

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def source_numbers(self, sentence: BriefSentence) -> list[int]:
        """The [n] markers of a brief sentence, in source-list order."""
        by_id = {s.article_id: s.number for s in self.sources}
        return sorted({by_id[span.article_id] for span in sentence.sources})


@dataclass(frozen=True)
class SyndicatedGroup:
    """Copies of one article (wire copy run by several outlets, or updated versions of a page)."""

    original: str  # the id of the copy the brief cites: the first to arrive
    copies: tuple[str, ...]  # the ids of the others


@dataclass(frozen=True)
class TimelineEntry:
    """One article's place in the story's development."""

    published: date | None
    article_id: str
    title: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Story:
    """Articles about one event, in publication order, with their copies grouped and a brief."""

    id: str
    label: str
    articles: tuple[Article, ...]
    syndicated: tuple[SyndicatedGroup, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    brief: Brief | None = None

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.articles if a.outlet))

    @property
    def first_published(self) -> date | None:
        return min((a.published for a in self.articles if a.published), default=None)

    @property
    def last_published(self) -> date | None:
        return max((a.published for a in self.articles if a.published), default=None)


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
