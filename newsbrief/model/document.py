"""The Document: the cleaned articles of one brief, their sentences and near-copy groups, built once.

`pipeline.prepare` builds it (read -> clean -> segment -> dedup); the summarizers, facts and
stories read `sentences` and `copy_groups` instead of splitting or cleaning again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsbrief.model.articles import Article, Rejected


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
    furniture: bool = False  # page furniture (debris, a slideshow caption): never a brief sentence or a fact


@dataclass(frozen=True)
class Document:
    """Cleaned articles (canonical order) and every sentence of them, article by article.

    `copy_groups` holds, as indices into `sentences`, each set of near-copies among the body
    sentences that are not page furniture (a repeat inside an article, one wire sentence at several
    outlets), first occurrence first; a sentence with no copy is a group of one.
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    copy_groups: tuple[tuple[int, ...], ...] = ()
    rejected: tuple[Rejected, ...] = ()

    def sentences_of(self, article_id: str) -> tuple[Sentence, ...]:
        """The sentences of one article, in reading order (headings included)."""
        return self._by_article.get(article_id, ())

    def group_at(self, article_id: str, start: int) -> int | None:
        """The index in `copy_groups` of the sentence starting at `start` in the article (None: no
        such body sentence, or a heading or page furniture)."""
        return self._group_index.get((article_id, start))

    @cached_property
    def _by_article(self) -> dict[str, tuple[Sentence, ...]]:
        grouped: dict[str, list[Sentence]] = {}
        for s in self.sentences:
            grouped.setdefault(s.article_id, []).append(s)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _group_index(self) -> dict[tuple[str, int], int]:
        return {(self.sentences[i].article_id, self.sentences[i].start): g
                for g, members in enumerate(self.copy_groups) for i in members}
