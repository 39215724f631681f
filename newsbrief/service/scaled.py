"""`newsbrief ingest --engine ray`: the stateless stages on Ray, the decisions and writes here.

Ray workers read the file shards and clean, embed and sign every article
(`newsbrief.scale.prepared`); this process takes them in reading order and stores each through
the same `Ingestor.add` as the local engine, with the precomputed `Computed` parts. So the store
ends exactly as a local ingest leaves it, and keeps its guarantees: one transaction per article
(an article and its story row), ids already stored skipped, a rerun after a crash — of this
process (`kill -9`) or of a Ray worker or node (Ray Data retries its tasks and restarts its
actors) — completes the store as an uninterrupted run would. A rerun embeds only what is not
stored yet (`stored_already`, asked on the actors).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from newsbrief.config import Settings
from newsbrief.ingest.validtext import valid_article
from newsbrief.model import Article, Rejected
from newsbrief.scale import connect, prepared
from newsbrief.service.ingest import Computed, store_id
from newsbrief.store import Store, resolve_url


def ray_inputs(inputs: Iterable[str], settings: Settings, *, address: str | None = None,
               workers: int | None = None) -> Iterator[tuple[Article | Rejected, Computed | None]]:
    """The inputs' articles (and unreadable inputs) in reading order, each with what
    `Ingestor.add` would compute, done on Ray (a local cluster of `workers` CPUs unless `address`)."""
    with connect(address, workers) as ray:
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        url = resolve_url(settings.db)
        skip = functools.partial(stored_already, url) if url.startswith("postgresql") else None  # a shared store
        for item in prepared(list(inputs), settings, workers=pool, skip=skip):
            if isinstance(item.item, Rejected) or item.skipped:  # a skipped one: `add` finds it stored
                yield item.item, None
            else:
                reason = item.rejected.reason if item.rejected is not None else None
                yield item.item, Computed(item.cleaned, reason, item.profile, item.signature)


def stored_already(db: str, article: Article) -> bool:
    """On an actor: whether the article's id is stored (a resumed backfill embeds only what is
    left). Only a shortcut: `Ingestor.add` checks again, and does the work itself when the
    stored article turns out to be another text under the same id."""
    try:
        return _store(db).has_article(store_id(valid_article(article)))
    except Exception:  # noqa: BLE001 - the store out of reach from this node: compute it, the driver decides
        return False


@functools.cache
def _store(db: str) -> Store:
    return Store(db, migrate=False)  # one connection pool per actor; the driver created the schema
