"""Adding articles to the store: clean, assign a story, store — one transaction per article.

The story tracker decides in arrival order. Before each decision it replays (with `restore`)
every article stored since it last looked, by this process or another, so its state always
matches the store; after a crash, a new run rebuilds it from the stored rows and continues.
Ids already stored are skipped, so re-running an ingest changes nothing; so are the ids of
articles an editor deleted. After an editor's correction (`stories.corrections`) the tracker
is rebuilt from the store as corrected.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from newsbrief.config import Settings
from newsbrief.ingest.language import label_language
from newsbrief.ingest.validtext import valid_article
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import clean_articles
from newsbrief.errors import failure_reason
from newsbrief.store import Store, StoreError
from newsbrief.stories.profile import Profile, Profiler
from newsbrief.stories.story import story_label
from newsbrief.stories.syndication import signature_bytes, signature_from
from newsbrief.stories.tracker import Restored, StoryTracker

ADDED, DUPLICATE, REJECTED = "added", "duplicate", "rejected"


@dataclass(frozen=True)
class IngestResult:
    id: str
    status: str  # added | duplicate | rejected
    story_id: str | None = None
    new_story: bool = False
    copy_of: str | None = None
    reason: str | None = None
    source: str | None = None  # where the input came from (file path), for messages
    note: str | None = None  # a warning about an article that was still stored (its id was taken)


@dataclass(frozen=True)
class Computed:
    """The costly, stateless part of adding one article, done ahead (on Ray workers:
    `newsbrief.scale`): the article cleaned (`pipeline.clean_articles`; None: rejected for
    `reason`), and the grouping's profile and copy signature of the cleaned text."""

    cleaned: Article | None
    reason: str | None = None
    profile: Profile | None = None
    signature: object | None = None  # a datasketch MinHash


def store_id(article: Article) -> str:
    """The input's own id; an id that is only a file path (or path#record) becomes a text hash,
    so the same article read from another folder or working directory is still the same."""
    own = article.id
    if article.path and (own == article.path or own.startswith(article.path + "#")):
        return "h" + hashlib.sha256(article.text.strip().encode("utf-8")).hexdigest()[:24]
    return own


def qualified_ids(article: Article) -> list[str]:
    """Ids for an article whose own id is taken: by its outlet, then its file, then its text."""
    own = article.id
    names = [article.outlet, os.path.basename(article.path) if article.path and article.path != "api" else None]
    digest = hashlib.sha256(article.text.strip().encode("utf-8")).hexdigest()[:12]
    ids = [f"{own}@{'-'.join(name.split())}" for name in names if name and name.strip()]
    return list(dict.fromkeys([*ids, f"{own}@{digest}"]))


class Ingestor:
    """Adds articles to one store; safe to share between threads (one article at a time)."""

    def __init__(self, store: Store, settings: Settings, profiler: Profiler | None = None):
        self.store = store
        self.settings = settings
        self.profiler = profiler  # the tracker's (None: `default_profiler()`)
        self._tracker = None
        self._seq = 0  # the last stored seq the tracker has seen
        self._corrections = 0  # the last editor's correction it has seen (stories.corrections)
        self._lock = threading.Lock()

    def add(self, article: Article, computed: Computed | None = None) -> IngestResult:
        """Store one article (see the module docstring); `computed`: its cleaning, profile and
        signature done ahead (`Computed`), with the same checks and decisions."""
        prepared = self._prepare(article, computed)
        if isinstance(prepared, IngestResult):
            return prepared
        return self._add_under_another_id(prepared) if prepared.collides else self._store_all([prepared])[0]

    def _prepare(self, article: Article, computed: Computed | None) -> IngestResult | _ToStore:
        """The checks and cleaning before the write: an answer already (duplicate, rejected), or
        what to store (`collides`: under a qualified id, its own being stored with another text)."""
        article = label_language(valid_article(article))  # the API's and Python callers' articles did not pass read_inputs
        given = article.id
        article = replace(article, id=store_id(article))
        source = _source(article.path, given)
        if article.id != given and self.store.has_article(article.id):  # a hash of this very text
            return IngestResult(article.id, DUPLICATE, source=source)
        if self.store.is_deleted(article.id):
            return IngestResult(article.id, REJECTED, reason="deleted from the store by an editor", source=source)
        stored = self.store.article_text(article.id)
        if computed is None:
            cleaned, rejected = clean_articles([article], [])
            computed = Computed(cleaned[0] if cleaned else None, rejected[0].reason if rejected else "no text")
        if computed.cleaned is None:
            return IngestResult(article.id, REJECTED, reason=computed.reason, source=source)
        cleaned = replace(computed.cleaned, id=article.id)
        if stored is not None and stored == cleaned.text:
            return IngestResult(article.id, DUPLICATE, source=source)
        return _ToStore(cleaned, source, computed, collides=stored is not None)

    def add_stream(self, items: Iterable[tuple[Article, Computed | None]], batch: int = 32) -> Iterator[IngestResult]:
        """Store a stream of articles (each with its `Computed` parts or None), up to `batch` of
        them in one write transaction; the results come in input order, a batch's when it is stored.

        The decisions are those of `add`, one article after another: an article whose id is in
        the batch waiting to be stored (or that needs a qualified id) is prepared only after that
        batch is stored. A crash loses the batch in flight, which a rerun stores."""
        waiting: list[_ToStore] = []
        answers: list[IngestResult | None] = []  # None: the next of `waiting`, once stored

        def flush() -> Iterator[IngestResult]:
            stored = iter(self._store_each(waiting) if waiting else [])
            for answer in answers:
                yield answer if answer is not None else next(stored)
            waiting.clear()
            answers.clear()

        for article, computed in items:
            prepared = self._prepare(article, computed)
            if isinstance(prepared, _ToStore) and prepared.article.id in {w.article.id for w in waiting}:
                yield from flush()  # the same id twice: the second is decided once the first is stored
                prepared = self._prepare(article, computed)
            if isinstance(prepared, IngestResult):
                answers.append(prepared)
            elif prepared.collides:  # it is stored by itself, after the batch before it
                yield from flush()
                answers.append(self._add_under_another_id(prepared))
            else:
                waiting.append(prepared)
                answers.append(None)
            if len(waiting) >= batch:
                yield from flush()
        yield from flush()

    def _add_under_another_id(self, item: _ToStore) -> IngestResult:
        """An article whose id is stored with another text: never dropped silently (`id_collisions`)."""
        article, source, computed = item.article, item.source, item.computed
        taken = f"id {article.id!r} is already stored with another text"
        if self.settings.id_collisions == "reject":
            return IngestResult(article.id, REJECTED, reason=f"{taken} (id_collisions=reject)", source=source)
        for qualified in qualified_ids(article):
            stored = self.store.article_text(qualified)
            if stored == article.text:
                return IngestResult(qualified, DUPLICATE, source=source)
            if stored is None:
                (result,) = self._store_all([_ToStore(replace(article, id=qualified), source, computed)])
                return replace(result, note=f"{taken}: stored as {qualified!r}")
        return IngestResult(article.id, REJECTED, reason=taken, source=source)

    def add_many(self, articles: Iterable[Article], progress: Callable[[IngestResult], None] | None = None,
                 batch: int = 32) -> list[IngestResult]:
        results = []
        for result in self.add_stream(((article, None) for article in articles), batch):
            results.append(result)
            if progress:
                progress(result)
        return results

    def _store_each(self, items: list[_ToStore]) -> list[IngestResult]:
        """`_store_all`; when the batch fails for a reason of its own (not the store's), each
        article alone, so that one that cannot be stored is rejected and the others kept."""
        try:
            return self._store_all(items)
        except StoreError:
            raise
        except Exception as err:  # noqa: BLE001 - an article the stages choke on: find it, keep the rest
            if len(items) == 1:
                item = items[0]
                return [IngestResult(item.article.id, REJECTED, reason=failure_reason(err),
                                     source=item.source)]
            return [result for item in items for result in self._store_each([item])]

    def _store_all(self, items: list[_ToStore]) -> list[IngestResult]:
        """Decide and store the articles, in order, in one write transaction: all are kept, or none."""
        results = []
        with self._lock:
            try:
                # the long part of a first write (replaying and embedding the stored articles) runs
                # before the write transaction, so other writers and the server are not locked out;
                # inside it, only what another writer stored meanwhile is replayed
                self._ready()
                with self.store.write() as writer:
                    if writer.corrections_made() != self._corrections:  # an editor corrected stories meanwhile
                        self._tracker, self._corrections = None, writer.corrections_made()
                    tracker = self._catch_up(lambda seq: writer.articles_after(seq))
                    seq = self._seq
                    for item in items:
                        if writer.has_article(item.article.id):  # stored meanwhile by another writer
                            results.append(IngestResult(item.article.id, DUPLICATE, source=item.source))
                            continue
                        computed = item.computed
                        assignment = (tracker.add(item.article) if computed is None or computed.profile is None
                                      else tracker.add(item.article, profile=computed.profile, signature=computed.signature))
                        seq += 1
                        writer.add_article(item.article, seq, assignment.story_id, assignment.copy_of, story_label,
                                           *_kept(tracker, assignment))
                        results.append(IngestResult(item.article.id, ADDED, assignment.story_id, assignment.new_story,
                                                    assignment.copy_of, source=item.source))
                self._seq = seq
            except BaseException:
                self._tracker = None  # it saw decisions that were not stored: rebuild from the store
                self._corrections = 0
                raise
        return results

    def _catch_up(self, stored_after, text_later: bool = False) -> object:
        """The tracker, with every article stored after `self._seq` replayed into it."""
        if self._tracker is None:
            self._tracker, self._seq = StoryTracker(self.settings, profiler=self.profiler,
                                                   keep_retired=False), 0  # the store keeps the rest
        tracker = self._tracker
        for row in stored_after(self._seq):
            _replay(tracker, row, text_later)
            self._seq = row.seq
        return tracker

    def _ready(self) -> None:
        """Replay the decisions stored since the tracker last looked, then load (text and
        embedding) only the articles of the stories still active."""
        corrections = self.store.corrections_made()
        if corrections != self._corrections:  # stories were corrected: replay them as they are now
            self._tracker, self._corrections = None, corrections
        tracker = self._catch_up(lambda seq: self.store.articles_after(seq, text=False), text_later=True)
        tracker.ready(load=lambda ids: {i: _restored(tracker, row) for i, row in self.store.stored_articles(ids).items()})

    def warm_up(self) -> None:
        """Build the tracker now (start-up) rather than at the first article."""
        with self._lock:
            try:
                self._ready()
            except BaseException:
                self._tracker = None  # half replayed: rebuild from the store next time
                raise


@dataclass(frozen=True)
class _ToStore:
    """An article checked and cleaned, waiting for its write transaction."""

    article: Article
    source: str
    computed: Computed | None = None
    collides: bool = False  # its id is stored with another text (`_add_under_another_id`)


def _source(path: str | None, given_id: str) -> str:
    """Where an input came from, for messages: its file (and record), or its own id."""
    if not path or given_id == path or given_id.startswith(path + "#"):
        return given_id
    return f"{path} (id {given_id})"


def _replay(tracker, row, text_later: bool = False) -> None:
    """One stored decision back into the tracker (`restore` moves its clock as `add` would)."""
    if text_later:
        tracker.restore(row.article, row.story_id, row.copy_of, text_later=True)
    else:
        kept = _restored(tracker, row)
        tracker.restore(row.article, row.story_id, row.copy_of, embedding=kept.embedding, signature=kept.signature)


def _restored(tracker, row) -> Restored:
    """A stored row with what the tracker can reuse: the embedding, if the tracker's model made it
    (what embedding it again would give), and the copy signature."""
    embedding = None
    if row.embedding is not None and row.embedder is not None and row.embedder == getattr(tracker, "embedder", None):
        embedding = np.frombuffer(row.embedding, dtype=np.float32)
    return Restored(row.article, embedding, signature_from(row.signature) if row.signature else None)  # None: shingled again


def _kept(tracker, assignment) -> tuple[bytes | None, str | None, bytes | None]:
    """What a restart reuses of the new article: its embedding with the model that made it, and its
    copy signature (none from a test's fake tracker)."""
    embedder = getattr(tracker, "embedder", None)
    embedding = getattr(assignment, "embedding", None)
    signature = getattr(assignment, "signature", None)
    signature = signature_bytes(signature) if signature is not None else None
    if embedder is None or embedding is None:
        return None, None, signature
    return np.asarray(embedding, dtype=np.float32).tobytes(), embedder, signature


def rejected_result(item: Rejected) -> IngestResult:
    return IngestResult(item.source, REJECTED, reason=item.reason, source=item.source)
