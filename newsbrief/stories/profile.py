"""What the story grouping compares: an article reduced to a profile, and a story to a centroid.

A profile holds three views of an article, each cheap to compare:
- `dense`: a MiniLM embedding of its title and opening (meaning, paraphrase-tolerant; see
  `newsbrief.embed.contextual`);
- `terms`: TF-IDF weights of its content words, with document frequencies learned from a news
  corpus shipped in the package (the same words in the same story, whatever the outlet);
- `names`: capitalised words inside sentences (people, places, organisations) — shared names
  tell two stories about similar events apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsbrief.model import Article
from newsbrief.segment.tokens import content_words

LEAD_CHARS = 1200  # the opening carries the story (and keeps long and short articles comparable)
TERM_WORDS = 100  # content words counted per article: about its first 200 words
# A headline names the story in a few words; a page's opening may be a side story or debris
# the extractor kept. The embedding reads the title first, and the title's words count three
# times in the terms. (Multi-News, the training data, has no titles: the repeat was chosen
# among settings tried on Giveme5W1H, see benchmarks/RESULTS.md.)
TITLE_REPEAT = 3

# A capitalised word not at the start of a sentence or quote (so "The", "But" are left out).
_NAME = re.compile(r"(?<![.!?\"“‘'\n]\s)(?<!^)\b([A-Z][a-zA-Z'’-]{2,})")
_NOT_NAMES = frozenset(
    "The This That These Those There They Then When What Where Which While Who Why How His Her Its "
    "Our Their Your And But For With From After Before During Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday January February March April May June July August September October "
    "November December Mr Mrs Ms Dr Advertisement Image Photo Getty Images Reuters AP".split()
)


@dataclass(frozen=True)
class Profile:
    """An article (or, summed, a story) as the grouping sees it."""

    dense: np.ndarray | None  # unit-length embedding (None: not embedded yet, see StoryTracker.restore)
    terms: Mapping[str, float]  # unit-length TF-IDF weights (summed for a story)
    names: frozenset[str]
    published: date | None = None


@dataclass
class Centroid:
    """The running sum of a story's article profiles: adding an article is O(its terms)."""

    dense: np.ndarray
    terms: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    size: int = 0
    term_norm: float = 0.0  # length of `terms`, kept up to date as articles are added

    @classmethod
    def empty(cls, dim: int) -> Centroid:
        return cls(dense=np.zeros(dim, dtype=np.float32))

    def add(self, profile: Profile) -> None:
        if profile.dense is not None:
            self.dense += profile.dense
        # |c + v|^2 = |c|^2 + 2 c.v + |v|^2, with c.v over the article's terms only
        dot = sum(v * self.terms.get(w, 0.0) for w, v in profile.terms.items())
        self.term_norm = math.sqrt(max(0.0, self.term_norm ** 2 + 2 * dot + sum(v * v for v in profile.terms.values())))
        self.terms.update(profile.terms)
        self.names.update(profile.names)
        self.size += 1

    def keep_heaviest(self, k: int) -> list[str]:
        """Drop all but the k heaviest terms (a long story's tail of one-off words); the dropped terms."""
        dropped = [w for w, _ in sorted(self.terms.items(), key=lambda item: (-item[1], item[0]))[k:]]
        for w in dropped:
            del self.terms[w]
        self.term_norm = math.sqrt(sum(v * v for v in self.terms.values()))
        return dropped

    def merge(self, other: Centroid) -> None:
        """Add another story's centroid (its norm recomputed in full: merges are rare)."""
        self.dense += other.dense
        self.terms.update(other.terms)
        self.names.update(other.names)
        self.size += other.size
        self.term_norm = math.sqrt(sum(v * v for v in self.terms.values()))


class Profiler:
    """Articles -> profiles, with an embedder (`encode(texts)` -> unit rows) and a table of
    inverse document frequencies."""

    def __init__(self, embedder, idf: Mapping[str, float], unknown_idf: float):
        self.embedder = embedder
        self.idf = idf
        self.unknown_idf = unknown_idf

    def profiles(self, articles: list[Article], *, embed: bool = True) -> list[Profile]:
        """Profiles of the articles; `embed=False` leaves out the embedding (most of the cost)."""
        dense = self.embed(articles) if embed else [None] * len(articles)
        return [
            Profile(dense=row, terms=self.term_weights(a), names=names_in(a.text), published=a.published)
            for row, a in zip(dense, articles)
        ]

    def embed(self, articles: list[Article]) -> np.ndarray:
        """The dense view of each article: rows of unit length."""
        return self.embedder.encode([lead_text(a) for a in articles])

    def term_weights(self, article: Article) -> dict[str, float]:
        """Sublinear TF x IDF over the article's content words, scaled to unit length."""
        title = content_words(article.title) if has_own_title(article) else []
        counts = Counter(content_words(article.text)[:TERM_WORDS] + title * TITLE_REPEAT)
        weights = {w: (1.0 + math.log(n)) * self.idf.get(w, self.unknown_idf) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}


def has_own_title(article: Article) -> bool:
    """A title that is not the whole text (a headline-only item is its own title)."""
    return bool(article.title and article.title.strip() and article.title.strip() != article.text.strip())


def lead_text(article: Article) -> str:
    """The title and the opening of the article: what the dense view embeds."""
    head = f"{article.title}\n" if has_own_title(article) else ""
    return head + article.text[:LEAD_CHARS]


def names_in(text: str) -> frozenset[str]:
    """Capitalised words inside sentences: a cheap, model-free stand-in for named entities."""
    return frozenset(m for m in _NAME.findall(text[:LEAD_CHARS * 2]) if m not in _NOT_NAMES)


def top_terms(terms: Mapping[str, float], k: int) -> list[tuple[str, float]]:
    """The k heaviest terms: the rare, specific words that find a story fast."""
    return sorted(terms.items(), key=lambda item: -item[1])[:k]


def sparse_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (dicts), iterating over the smaller one."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def dense_cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0
