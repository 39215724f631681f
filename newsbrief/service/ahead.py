"""The next articles cleaned and embedded while the current ones are decided and stored.

A local ingest spends about half of each article in the MiniLM embedding, and onnxruntime
releases the GIL while it runs; so two worker threads compute each article's `Computed` parts
(cleaning, embedding, term weights, copy signature: what the Ray engine's workers compute) up
to `depth` articles ahead, while this thread decides stories and writes. With a single-threaded
ONNX session the two embed side by side when this thread waits, and leave it a core when it
does not (benchmarks/RESULTS.md, two cores: about 1.8x on two-sentence records, 1.2x on full
articles). The decisions are those of `Ingestor.add` computing the parts itself: the same
profiler embeds each text alone, and a vector depends neither on the thread nor on the thread
count (a test compares the stores). An article whose preparation fails goes on without parts:
`Ingestor.add` does the work (and rejects what fails) itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

from newsbrief.ingest.language import label_language
from newsbrief.ingest.validtext import valid_article
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import clean_articles
from newsbrief.service.ingest import Computed, Ingestor, store_id
from newsbrief.store import Store
from newsbrief.stories.profile import Profiler
from newsbrief.stories.syndication import minhash
from newsbrief.stories.tracker import default_profiler

DEPTH = 64  # articles prepared ahead: enough to keep the workers busy
MAX_AHEAD_CHARS = 4_000_000  # and at most this much text (a record may hold megabytes)
WORKERS = 2


def computed_ahead(items: Iterable[Article | Rejected], ingestor: Ingestor, *, depth: int = DEPTH,
                   workers: int = WORKERS) -> Iterator[tuple[Article | Rejected, Computed | None]]:
    """The items in their order, each article with its parts computed in `workers` threads by
    the ingestor's profiler (so one ONNX session, the tracker's; best single-threaded).

    Nothing is computed for an id the store holds already or an editor deleted (a rerun).
    When the items fail, those read before the failure are handed on first. Close the
    generator (`contextlib.closing`) to stop the workers at once."""
    profiler = ingestor.profiler or default_profiler()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsbrief-ahead")
    pending: deque[tuple[Article | Rejected, Future | None]] = deque()
    chars = 0
    source = iter(items)
    try:
        while True:
            try:
                item = next(source)
            except StopIteration:
                break
            except Exception:
                while pending:
                    yield _finished(*pending.popleft())
                raise
            work = None
            if isinstance(item, Article) and not _stored(ingestor.store, item):
                work = pool.submit(compute, item, profiler)
                chars += len(item.text)
            pending.append((item, work))
            while len(pending) >= depth or chars > MAX_AHEAD_CHARS:
                ready, its_work = pending.popleft()
                chars -= len(ready.text) if its_work is not None else 0
                yield _finished(ready, its_work)
        while pending:
            yield _finished(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stored(store: Store, article: Article) -> bool:
    """The article's id stored or deleted already. Only a shortcut (`Ingestor.add` checks again),
    so it never fails: the store out of reach means "compute it"."""
    try:
        article_id = store_id(valid_article(article))
        return store.has_article(article_id) or store.is_deleted(article_id)
    except Exception:  # noqa: BLE001 - the ingestor meets the same failure and reports it
        return False


def compute(article: Article, profiler: Profiler) -> Computed:
    """What `Ingestor.add` computes for one article before its decision."""
    cleaned, rejected = clean_articles([label_language(valid_article(article))], [])
    if not cleaned:
        return Computed(None, rejected[0].reason if rejected else "no text")
    article = cleaned[0]
    dense = profiler.embed([article])[0]
    profile = replace(profiler.profiles([article], embed=False)[0], dense=dense)
    return Computed(article, None, profile, minhash(article.text))


def _finished(item: Article | Rejected, work: Future | None) -> tuple[Article | Rejected, Computed | None]:
    if work is None:
        return item, None
    try:
        return item, work.result()
    except Exception:  # noqa: BLE001 - `Ingestor.add` prepares it again and turns the failure into a rejection
        return item, None
