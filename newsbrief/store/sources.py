"""The followed sources (`schema.sources`): what is polled, when next, and how the last poll went.

Plain functions over a `Store`: writes go through `Store.write()` (the store's write lock), reads
through its read connections. Every date is timezone-aware UTC (SQLite keeps it naive: it is
stored and read back as UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select

from newsbrief.store.repository import Store
from newsbrief.store.schema import sources
from newsbrief.store.times import utc as _utc

MAX_ERROR_CHARS = 300
POLLING = "polling"  # last_status while a follower holds the source's claim (see `claim_source`)


@dataclass(frozen=True)
class Source:
    id: int
    url: str  # what was added: a feed, or a site whose feed was discovered
    feed_url: str  # what is polled
    title: str | None
    every_minutes: int
    added_at: datetime
    last_fetch: datetime | None = None
    last_status: str | None = None  # "200", "304", "partial", "error"
    last_error: str | None = None
    next_fetch: datetime | None = None  # None: due now
    failures: int = 0  # polls failed in a row
    etag: str | None = None
    last_modified: str | None = None
    articles_added: int = 0  # a running count of the articles stored from its polls (a deletion does not lower it)


def add_source(store: Store, url: str, feed_url: str, *, every: int, title: str | None = None,
               now: datetime | None = None, keep_every: bool = False) -> tuple[Source, bool]:
    """(the source, whether it is new); a feed already followed is returned with its interval set
    to `every` (`keep_every`: as it is, when no interval was asked for)."""
    with store.write() as writer:
        row = writer.conn.execute(select(sources).where(sources.c.feed_url == feed_url)).first()
        if row is not None:
            if not keep_every and row.every_minutes != every:
                writer.conn.execute(sources.update().where(sources.c.id == row.id).values(every_minutes=every))
                row = writer.conn.execute(select(sources).where(sources.c.id == row.id)).one()
            return _source(row), False
        new_id = writer.conn.execute(sources.insert().values(
            url=url, feed_url=feed_url, title=title, every_minutes=every, added_at=_utc(now or datetime.now(UTC)),
            failures=0, articles=0)).inserted_primary_key[0]
        return _source(writer.conn.execute(select(sources).where(sources.c.id == new_id)).one()), True


def list_sources(store: Store) -> list[Source]:
    with store._read() as conn:
        return [_source(row) for row in conn.execute(select(sources).order_by(sources.c.id))]


def get_source(store: Store, source_id: int) -> Source | None:
    with store._read() as conn:
        row = conn.execute(select(sources).where(sources.c.id == source_id)).first()
    return _source(row) if row else None


def remove_source(store: Store, source_id: int) -> bool:
    """Stop following a source (its articles stay stored); False when there is none with this id."""
    with store.write() as writer:
        return writer.conn.execute(sources.delete().where(sources.c.id == source_id)).rowcount > 0


def due_sources(store: Store, now: datetime) -> list[Source]:
    """The sources whose next poll is at or before `now` (a new one is due at once), oldest due first."""
    with store._read() as conn:
        rows = conn.execute(select(sources).where(or_(sources.c.next_fetch.is_(None),
                                                      sources.c.next_fetch <= _utc(now)))
                            .order_by(sources.c.next_fetch.nulls_first(), sources.c.id)).all()
    return [_source(row) for row in rows]


def claim_source(store: Store, source: Source, now: datetime, lease: timedelta) -> bool:
    """Whether this process may poll `source` now: an atomic compare-and-set on its next_fetch
    (as `source` was read), so that of two followers that read it only one polls it. The claim
    moves next_fetch to `now + lease` (the poll's outcome replaces it) and marks it POLLING; a
    source another follower holds (POLLING, its lease not over) is not claimed, due or not."""
    seen = sources.c.next_fetch.is_(None) if source.next_fetch is None else sources.c.next_fetch == _utc(source.next_fetch)
    free = or_(sources.c.last_status.is_(None), sources.c.last_status != POLLING, sources.c.next_fetch.is_(None),
               sources.c.next_fetch <= _utc(now))
    with store.write() as writer:
        claimed = writer.conn.execute(sources.update().where(sources.c.id == source.id, seen, free)
                                      .values(next_fetch=_utc(now + lease), last_status=POLLING))
        return claimed.rowcount == 1


def next_due(store: Store) -> datetime | None:
    """When the next source is due (None: no source is followed)."""
    followed = list_sources(store)
    if not followed:
        return None
    return min((s.next_fetch or datetime.min.replace(tzinfo=UTC)) for s in followed)


def record_fetch(store: Store, source_id: int, *, at: datetime, status: str, next_fetch: datetime,
                 failed: bool, error: str | None = None, etag: str | None = None, last_modified: str | None = None,
                 added: int = 0, title: str | None = None) -> None:
    """The outcome of one poll: `failed` counts it towards the failures in a row (else they reset);
    `etag`/`last_modified` are the validators the next poll sends; `added`: articles stored from it.
    It replaces the claim (`claim_source`) with the next fetch."""
    with store.write() as writer:
        row = writer.conn.execute(select(sources.c.failures, sources.c.articles, sources.c.title)
                                  .where(sources.c.id == source_id)).first()
        if row is None:  # removed while it was being polled
            return
        writer.conn.execute(sources.update().where(sources.c.id == source_id).values(
            last_fetch=_utc(at), last_status=status[:64], last_error=_one_line(error), next_fetch=_utc(next_fetch),
            failures=row.failures + 1 if failed else 0, etag=etag, last_modified=last_modified,
            articles=row.articles + added, title=title or row.title))


def _one_line(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= MAX_ERROR_CHARS else text[:MAX_ERROR_CHARS - 1] + "\u2026"


def _source(row) -> Source:
    return Source(id=row.id, url=row.url, feed_url=row.feed_url, title=row.title, every_minutes=row.every_minutes,
                  added_at=_utc(row.added_at), last_fetch=_utc(row.last_fetch), last_status=row.last_status,
                  last_error=row.last_error, next_fetch=_utc(row.next_fetch), failures=row.failures or 0,
                  etag=row.etag, last_modified=row.last_modified, articles_added=row.articles or 0)
