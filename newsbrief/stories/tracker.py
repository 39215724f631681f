"""Incremental story grouping: each arriving article joins the most similar active story or opens one.

Nothing is re-clustered: an article is compared with the centroids of the stories still active,
so a stream costs the same per article whatever its length. Stories fade: one whose last
article is older than the time window (relative to the newest article seen) is retired — its
centroid and copy signatures are dropped, its membership kept (or, with `keep_retired=False`,
forgotten too: a store keeps it) — and at most `max_active_stories` stay active, so memory stays
flat as the stream grows.

Decisions depend only on the order of arrival, so replaying the same articles in the same order
(or restoring stored decisions with `restore`) rebuilds the same stories. Restoring records only
membership and dates; the rest (profile, embedding, copy signature) waits until the next decision
needs it, and is then computed for the articles of stories still active — whose text can even be
loaded then (`ready(load=...)`): a service restarting over a long history pays for its recent
stories, not for everything it ever stored.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
from datasketch import MinHash

from newsbrief.config import Settings
from newsbrief.embed.contextual import load_contextual_embedder
from newsbrief.model import Article
from newsbrief.stories.idf import load_idf
from newsbrief.stories.pairmodel import SimilarityModel, load_model, pair_features
from newsbrief.stories.profile import Centroid, Profile, Profiler, top_terms
from newsbrief.stories.syndication import SyndicationIndex, minhash

CANDIDATES = 8  # stories re-scored with the full model: the closest by embedding and by terms
# A long-running story keeps its memory bounded: copies are looked for among its latest articles
# (wire copy is republished within hours, not after a hundred more articles on the story), and
# its centroid keeps its heaviest terms once it has many.
COPY_WINDOW = 128
MAX_STORY_TERMS = 2000
QUERY_TERMS = 30  # an article's heaviest terms, looked up in the inverted index of story terms
_GROW = 256


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story, and the earlier article it copies (if syndicated)."""

    article_id: str
    story_id: str
    new_story: bool
    copy_of: str | None = None
    score: float = 0.0  # P(same story) against the story it joined; 1.0 for a copy
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)  # the article's, to store
    signature: MinHash | None = field(default=None, repr=False, compare=False)  # its copy signature, to store


@dataclass
class StoryState:
    """What the tracker remembers of a story; the centroid only while the story is active."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)  # copy id -> the article it copies
    first: date | None = None
    last: date | None = None
    centroid: Centroid | None = None

    @property
    def active(self) -> bool:
        return self.centroid is not None


@dataclass(frozen=True)
class Restored:
    """A stored article as a restart gets it back: with its embedding and copy signature, if kept."""

    article: Article
    embedding: np.ndarray | None = None
    signature: MinHash | None = None


@dataclass(frozen=True)
class _Waiting:
    """A restored article of an active story, waiting to be counted into it."""

    order: int
    story_id: str
    restored: Restored
    text_later: bool


def story_id_for(article_id: str) -> str:
    """A story's id comes from its first article: the same stream gives the same ids."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


class StoryTracker:
    """Groups articles into stories in arrival order (see the module docstring)."""

    def __init__(self, settings: Settings | None = None, *, model: SimilarityModel | None = None,
                 profiler: Profiler | None = None, keep_retired: bool = True):
        """`keep_retired=False`: forget a retired story's membership (the store holds it), so a
        long stream's memory holds the active stories alone and the ids of the retired ones."""
        self.settings = settings or Settings()
        self.model = model or load_model()
        self.profiler = profiler or default_profiler()
        self.threshold = self.model.threshold if self.settings.story_threshold is None else self.settings.story_threshold
        self.stories: dict[str, StoryState] = {}
        self.story_of: dict[str, str] = {}  # article id -> story id
        self.copies = SyndicationIndex(self.settings.copy_threshold)
        self.newest: date | None = None
        dim = self.profiler.embedder.dim
        self._rows = np.zeros((_GROW, dim), dtype=np.float32)  # unit centroid rows of active stories
        self._row_story: list[str] = []
        self._row_of: dict[str, int] = {}
        self._copy_keys: dict[str, list[str]] = {}  # story id -> article ids in the copy index
        self._touched: dict[str, None] = {}  # active story ids, least recently joined first
        self._postings: dict[str, set[str]] = defaultdict(set)  # term -> active stories using it
        self._arrival: dict[str, int] = {}  # story id -> order of creation
        self._restored: dict[str, list[_Restored]] = {}  # restored articles of active stories, not yet counted
        self._restored_count = 0
        self.keep_retired = keep_retired
        self._retired: set[str] = set()  # ids of retired stories that were forgotten

    # -- adding -----------------------------------------------------------------------------

    def add(self, article: Article, *, profile: Profile | None = None, signature: MinHash | None = None) -> Assignment:
        return self.add_many([article], profiles=None if profile is None else [profile],
                             signatures=None if signature is None else [signature])[0]

    def add_many(self, articles: Sequence[Article], *, profiles: Sequence[Profile] | None = None,
                 signatures: Sequence[MinHash | None] | None = None) -> list[Assignment]:
        """Assign articles in the given order (profiles are computed in one batch).

        `profiles`, `signatures`: the articles' own (`profiler.profiles`, `syndication.minhash`),
        computed ahead, e.g. on other machines (`newsbrief.scale`); the decisions are the same.
        """
        self._count_restored()
        articles = list(articles)
        profiles = self.profiler.profiles(articles) if profiles is None else list(profiles)
        signatures = [None] * len(articles) if signatures is None else list(signatures)
        return [self._assign(a, p, s) for a, p, s in zip(articles, profiles, signatures, strict=True)]

    @property
    def embedder(self) -> str | None:
        """The fingerprint of the model that makes the embeddings (None: not one to store by)."""
        return getattr(self.profiler.embedder, "fingerprint", None)

    def ready(self, load: Callable[[list[str]], dict[str, Restored]] | None = None) -> None:
        """Do now what the next `add` would start with: count the restored articles of active
        stories into their centroids (a writer does it before it opens its write transaction).

        `load(ids)` -> {id: Restored}: the articles restored without their text, in full.
        """
        self._count_restored(load)

    def restore(self, article: Article, story_id: str, copy_of: str | None = None,
                embedding: np.ndarray | None = None, signature: MinHash | None = None, *,
                text_later: bool = False) -> None:
        """Replay a decision made earlier (e.g. read back from a store) without deciding again.

        `embedding`, `signature`: the article's, as stored when it was added (by the same
        `embedder`); without them they are computed when needed. `text_later`: `article` carries only its id and date, its
        text comes from `ready(load=...)` — and only if its story is still active by then.
        """
        self._advance_clock(article.published)  # retire what `add` would have retired by now
        self._join(article, None, story_id, copy_of, None)
        if (story := self.stories.get(story_id)) is not None and story.active:
            self._restored_count += 1
            self._restored.setdefault(story_id, []).append(
                _Waiting(self._restored_count, story_id, Restored(article, embedding, signature), text_later))

    def _count_restored(self, load=None) -> None:
        """Add the restored articles of active stories to their centroids and copy index, in arrival order."""
        if not self._restored:
            return
        waiting = sorted((w for entries in self._restored.values() for w in entries), key=lambda w: w.order)
        unloaded = [w.restored.article.id for w in waiting if w.text_later]
        loaded = load(unloaded) if unloaded and load is not None else {}
        if len(loaded) < len(unloaded):
            raise LookupError(f"{len(unloaded) - len(loaded)} restored articles have no text to load")
        entries = [(w.story_id, loaded[w.restored.article.id] if w.text_later else w.restored) for w in waiting]
        profiles = self.profiler.profiles([r.article for _, r in entries], embed=False)
        missing = [i for i, (s, r) in enumerate(entries) if r.embedding is None and r.article.id not in self.stories[s].copy_of]
        dense = dict(zip(missing, self.profiler.embed([entries[i][1].article for i in missing]))) if missing else {}
        self._restored, self._restored_count = {}, 0  # all loaded and computed: count them in (nothing fails below)
        for i, ((story_id, r), profile) in enumerate(zip(entries, profiles)):
            vector = r.embedding if r.embedding is not None else dense.get(i)
            copy_of = self.stories[story_id].copy_of.get(r.article.id)
            self._count_in(story_id, r.article, replace(profile, dense=vector), copy_of,
                           r.signature or minhash(r.article.text), update_row=False)
        for story_id in dict.fromkeys(s for s, _ in entries):
            self._update_row(story_id)

    def _assign(self, article: Article, profile: Profile, signature: MinHash | None = None) -> Assignment:
        if article.id in self.story_of:
            story_id = self.story_of[article.id]
            return Assignment(article.id, story_id, new_story=False,
                              copy_of=self.stories[story_id].copy_of.get(article.id), score=1.0)
        self._advance_clock(article.published)
        original, signature = self.copies.match(article.text, signature)
        kept = {"embedding": profile.dense, "signature": signature}
        if original is not None and original in self.story_of:
            story_id = self.story_of[original]
            self._join(article, profile, story_id, original, signature)
            return Assignment(article.id, story_id, new_story=False, copy_of=original, score=1.0, **kept)
        story_id, score = self._best_story(profile)
        if story_id is None:
            story_id = story_id_for(article.id)
            while story_id in self.stories or story_id in self._retired:  # an id reused after its story retired
                story_id = story_id_for(story_id)
            self._join(article, profile, story_id, None, signature)
            return Assignment(article.id, story_id, new_story=True, score=score, **kept)
        self._join(article, profile, story_id, None, signature)
        return Assignment(article.id, story_id, new_story=False, score=score, **kept)

    def _best_story(self, profile: Profile, exclude: str | None = None) -> tuple[str | None, float]:
        """The active story in the time window most likely to be the article's, if likely enough.

        `exclude`: a story compared with the others (consolidation), never its own match."""
        n = len(self._row_story)
        if not n:
            return None, 0.0
        closeness = self._rows[:n] @ profile.dense
        by_meaning = [self._row_story[i] for i in np.argsort(-closeness)[:CANDIDATES + (exclude is not None)]]
        candidates = [s for s in dict.fromkeys(by_meaning + self._closest_by_terms(profile, exclude))
                      if s != exclude and self._in_window(s, profile.published)]
        if not candidates:
            return None, 0.0
        features = np.array([pair_features(profile, self.stories[s].centroid) for s in candidates])
        scores = self.model.probability(features)
        best = int(np.argmax(scores))
        if scores[best] >= self.threshold:
            return candidates[best], float(scores[best])
        return None, float(scores[best])

    def _closest_by_terms(self, profile: Profile, exclude: str | None = None) -> list[str]:
        """Stories sharing the article's heaviest terms, by their (approximate) term cosine."""
        overlap: dict[str, float] = defaultdict(float)
        for term, weight in top_terms(profile.terms, QUERY_TERMS):
            for story_id in self._postings.get(term, ()):
                if story_id != exclude:
                    overlap[story_id] += weight * self.stories[story_id].centroid.terms[term]
        for story_id in overlap:
            overlap[story_id] /= self.stories[story_id].centroid.term_norm or 1.0
        return sorted(overlap, key=lambda s: -overlap[s])[:CANDIDATES]

    def _in_window(self, story_id: str, published: date | None) -> bool:
        story = self.stories[story_id]
        if published is None or story.last is None:
            return True
        window = timedelta(days=self.settings.story_window_days)
        return story.first - window <= published <= story.last + window

    def _join(self, article: Article, profile: Profile | None, story_id: str, copy_of: str | None, signature) -> None:
        """Make the article a member of the story; `profile` None: its content is counted later."""
        story = self.stories.get(story_id)
        if story is None and story_id in self._retired:
            return  # a forgotten story: its membership is in the store
        if story is None:
            story = self.stories[story_id] = StoryState(story_id, centroid=Centroid.empty(self._rows.shape[1]))
            self._arrival[story_id] = len(self._arrival)
            self._activate(story_id)
        story.article_ids.append(article.id)
        self.story_of[article.id] = story_id
        if copy_of is not None:
            story.copy_of[article.id] = copy_of
        if article.published is not None:
            story.first = min(story.first or article.published, article.published)
            story.last = max(story.last or article.published, article.published)
        if story.active:
            self._touched.pop(story_id, None)
            self._touched[story_id] = None
            if profile is not None:
                self._count_in(story_id, article, profile, copy_of, signature)
        self._retire_overflow()

    def _count_in(self, story_id: str, article: Article, profile: Profile, copy_of: str | None, signature,
                  update_row: bool = True) -> None:
        """Add an article of an active story to its centroid, term postings and copy index."""
        if copy_of is None:  # a copy adds nothing new to what the story is about
            centroid = self.stories[story_id].centroid
            centroid.add(profile)
            if update_row:
                self._update_row(story_id)
            for term, _ in top_terms(profile.terms, QUERY_TERMS):
                self._postings[term].add(story_id)
            if len(centroid.terms) > MAX_STORY_TERMS:
                self._unpost(story_id, centroid.keep_heaviest(MAX_STORY_TERMS // 2))
        self.copies.add(article.id, signature)
        indexed = self._copy_keys.setdefault(story_id, [])
        indexed.append(article.id)
        if len(indexed) > COPY_WINDOW:
            for old in indexed[:-COPY_WINDOW]:
                self.copies.remove(old)
            del indexed[:-COPY_WINDOW]

    # -- batch consolidation -----------------------------------------------------------------

    def consolidate(self) -> int:
        """Merge active stories that the model now calls one story; returns how many merges.

        One pass in arrival order fixes early decisions made with little evidence (a story of
        one article); batch grouping runs it after the pass. Merged stories keep the id of the
        older story, so the service's incremental path never calls it.
        """
        self._count_restored()
        merges = 0
        for story_id in list(self._row_story):
            story = self.stories.get(story_id)
            if story is None or not story.active:
                continue
            target, _ = self._best_story(_centroid_profile(story.centroid, story.last), exclude=story_id)
            if target is None:
                continue
            older, newer = sorted((target, story_id), key=lambda s: self._arrival[s])
            self._merge(newer, into=older)
            merges += 1
        return merges

    def _merge(self, story_id: str, *, into: str) -> None:
        source, target = self.stories[story_id], self.stories[into]
        for article_id in source.article_ids:
            self.story_of[article_id] = into
        target.article_ids.extend(source.article_ids)
        target.copy_of.update(source.copy_of)
        dates = [d for d in (source.first, source.last, target.first, target.last) if d is not None]
        target.first, target.last = (min(dates), max(dates)) if dates else (None, None)
        target.centroid.merge(source.centroid)
        self._update_row(into)
        for term in source.centroid.terms:
            self._postings[term].add(into)
        self._copy_keys.setdefault(into, []).extend(self._copy_keys.pop(story_id, []))
        self._deactivate([story_id])
        del self.stories[story_id]

    # -- the active set -----------------------------------------------------------------------

    def _activate(self, story_id: str) -> None:
        n = len(self._row_story)
        if n == self._rows.shape[0]:
            self._rows = np.vstack([self._rows, np.zeros((max(_GROW, n), self._rows.shape[1]), np.float32)])
        self._row_story.append(story_id)
        self._row_of[story_id] = n

    def _update_row(self, story_id: str) -> None:
        dense = self.stories[story_id].centroid.dense
        norm = float(np.linalg.norm(dense))
        self._rows[self._row_of[story_id]] = dense / norm if norm else dense

    def _advance_clock(self, published: date | None) -> None:
        if published is None or (self.newest is not None and published <= self.newest):
            return
        self.newest = published
        horizon = published - timedelta(days=self.settings.story_window_days)
        self.retire(s for s in list(self._row_story) if (last := self.stories[s].last) is not None and last < horizon)

    def _retire_overflow(self) -> None:
        excess = len(self._row_story) - self.settings.max_active_stories
        if excess > 0:  # the least recently joined stories go first
            self.retire(list(itertools.islice(self._touched, excess)))

    def retire(self, story_ids: Iterable[str]) -> None:
        """Drop stories from the active set: they keep their articles but take no new ones
        (and are forgotten, all but their ids, unless `keep_retired`)."""
        story_ids = list(story_ids)
        self._deactivate(story_ids)
        if self.keep_retired:
            return
        for story_id in story_ids:
            story = self.stories.pop(story_id, None)
            if story is None:
                continue
            for article_id in story.article_ids:
                self.story_of.pop(article_id, None)
            self._arrival.pop(story_id, None)
            self._retired.add(story_id)

    def _deactivate(self, story_ids: Iterable[str]) -> None:
        for story_id in list(story_ids):
            row = self._row_of.pop(story_id, None)
            if row is None:
                continue
            last_row = len(self._row_story) - 1
            moved = self._row_story[last_row]
            self._rows[row] = self._rows[last_row]
            self._row_story[row] = moved
            self._row_story.pop()
            if moved != story_id:
                self._row_of[moved] = row
            self._unpost(story_id, self.stories[story_id].centroid.terms)
            self.stories[story_id].centroid = None
            self._restored.pop(story_id, None)
            self._touched.pop(story_id, None)
            for article_id in self._copy_keys.pop(story_id, []):
                self.copies.remove(article_id)

    def _unpost(self, story_id: str, terms: Iterable[str]) -> None:
        """Take the story out of the postings of these terms."""
        for term in terms:
            postings = self._postings.get(term)
            if postings is not None:
                postings.discard(story_id)
                if not postings:
                    del self._postings[term]

    @property
    def active_stories(self) -> int:
        return len(self._row_story)


def _centroid_profile(centroid: Centroid, last: date | None) -> Profile:
    """A story seen as one article, to compare it with the other stories."""
    norm = centroid.term_norm or 1.0
    dense = centroid.dense / (float(np.linalg.norm(centroid.dense)) or 1.0)
    return Profile(dense=dense, terms={w: v / norm for w, v in centroid.terms.items()},
                   names=frozenset(centroid.names), published=last)


def default_profiler(threads: int | None = None) -> Profiler:
    """The packaged embedder and IDF table (`threads`: the embedder's, see `load_contextual_embedder`)."""
    idf, unknown = load_idf()
    return Profiler(load_contextual_embedder(threads=threads), idf, unknown)
