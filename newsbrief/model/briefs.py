"""What is produced: a Brief of cited sentences (with its facts), and the Story it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsbrief.model.articles import Article, Rejected
from newsbrief.model.facts import Facts


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
    facts: Facts | None = None  # when facts were extracted (settings.facts)

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
