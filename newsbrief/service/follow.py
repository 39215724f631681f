"""Following sources: poll each feed on its schedule and store its new articles.

One poll of a source (`Follower.poll`):
1. fetch its feed, conditionally (a 304 costs nothing and ends the poll);
2. read its entries (RSS, Atom or JSON Feed); an entry's id is its link URL;
3. for each entry not yet stored (`store.has_article`), its text: the feed's full content when it
   carries one, else the entry's page, fetched and extracted (`ingest.html.extract_html`);
4. each article through `Ingestor.add`, like a file's (idempotent, crash-safe);
5. the outcome recorded on the source: when next to poll, the validators, why it failed.

Before a poll the follower claims the source (`claim_source`, an atomic compare-and-set): of two
followers over one store (`serve --follow` and `follow`), only one polls a source at a time.

Failures stay with their source. A failed feed (dead, 500, not a feed, a redirect loop, a slow
drip) is retried later, backing off: after n failures in a row the next poll waits
`every * 2**(n-1)` minutes (at most a day). A page that failed for a reason that may pass
(timeout, 5xx) leaves the poll "partial": the source keeps its schedule and the feed's
validators, and the page alone is remembered (in memory, per source) and retried at the later
polls, a 304 one included; after PAGE_TRIES failed tries it is given up, with its reason logged.
A page that would fail the same way again (404, not HTML, no article text) is skipped with its
reason logged, and not fetched again by this follower.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from newsbrief.config import Settings
from newsbrief.errors import NewsbriefError, failure_reason
from newsbrief.ingest.decode import UndetectableEncoding
from newsbrief.ingest.discover import NotAFeed, feed_links, looks_like_html, read_feed
from newsbrief.ingest.feeds import entry_article
from newsbrief.ingest.fetch import Fetched, FetchFailed, Fetcher
from newsbrief.ingest.html import decode_html, extract_html
from newsbrief.model import Article, Rejected
from newsbrief.service.ingest import ADDED, REJECTED, Ingestor
from newsbrief.store import Store
from newsbrief.store.sources import (Source, add_source, claim_source, due_sources, list_sources, next_due,
                                     record_fetch)

log = logging.getLogger("newsbrief.follow")

MAX_BACKOFF = timedelta(days=1)
REMEMBERED_SKIPS = 10_000  # entries skipped for good that a follower does not try again
IDLE_LOOK = 60.0  # seconds: the longest the background follower sleeps before looking for due sources
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_TRIES = 3  # failed tries (timeouts, 5xx) after which a page is given up
CLAIM_LEASE = timedelta(minutes=30)  # how long a claimed source is left to its follower (if it dies, then due)


class SourceError(NewsbriefError):
    """A source that cannot be followed: unreachable, or no feed found at its URL."""


@dataclass
class Polled:
    """How one poll of one source went."""

    source: Source
    status: str  # "200", "304", "partial" (a page to retry), "error"
    added: int = 0
    error: str | None = None
    skipped: list[str] = field(default_factory=list)  # "entry: reason", one per entry not stored


@dataclass
class FollowReport:
    polled: list[Polled]
    requests: int = 0  # HTTP requests sent, robots.txt and retries included
    bytes: int = 0
    busy: int = 0  # sources not polled: another follower was polling them

    @property
    def added(self) -> int:
        return sum(p.added for p in self.polled)


def follow_url(store: Store, fetcher: Fetcher, url: str, every: int | None, *, default: int) -> tuple[Source, bool]:
    """Start following `url` (a feed, or a page that announces one): (the source, whether it is new).
    `every`: minutes between polls, set on a source already followed too; None: `default` for a new one."""
    feed_url, title = discover_feed(fetcher, url.strip())
    return add_source(store, url.strip(), feed_url, every=every or default, title=title, keep_every=every is None)


def discover_feed(fetcher: Fetcher, url: str) -> tuple[str, str | None]:
    """(the feed's URL, its title): `url` itself when it is a feed, else the first feed its page
    announces (`<link rel="alternate">`) that reads as one. Raises SourceError."""
    fetched = fetcher.get(url)
    if isinstance(fetched, FetchFailed):
        raise SourceError(str(fetched))
    try:
        return url, read_feed(fetched.body, fetched.url).title
    except NotAFeed as err:
        not_a_feed = str(err)
    if not _is_html(fetched):
        raise SourceError(f"{url}: {not_a_feed}, nor a web page")
    try:
        links = feed_links(decode_html(fetched.body, fetched.charset), fetched.url)
    except UndetectableEncoding as err:
        raise SourceError(f"{url}: {err}") from None
    if not links:
        raise SourceError(f'{url}: no feed found: the page announces none (<link rel="alternate">)')
    reasons = []
    for link in links:
        feed = fetcher.get(link)
        if isinstance(feed, FetchFailed):
            reasons.append(str(feed))
            continue
        try:
            return link, read_feed(feed.body, feed.url).title
        except NotAFeed as err:
            reasons.append(f"{link}: {err}")
    raise SourceError(f"{url}: no feed found: {reasons[0]}")


class Follower:
    """Polls the followed sources of one store; `run_once` once, or `start`/`stop` a background thread.

    `workers`: sources polled at once (per-host limits still hold: `follow_per_host`)."""

    def __init__(self, store: Store, settings: Settings, *, ingestor: Ingestor | None = None,
                 fetcher: Fetcher | None = None, workers: int = 8):
        self.store = store
        self.settings = settings
        self.ingestor = ingestor or Ingestor(store, settings)
        self.fetcher = fetcher or Fetcher(settings)
        self.workers = workers
        self._skipped: OrderedDict[str, None] = OrderedDict()  # links that failed for good: not fetched again
        self._skipped_lock = threading.Lock()
        self._pending: dict[int, dict[str, _Pending]] = {}  # per source: pages to retry, by article id
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- one pass -----------------------------------------------------------------------------

    def run_once(self, *, now: datetime | None = None, every_source: bool = False) -> FollowReport:
        """Poll the sources due at `now` (`every_source`: all of them, due or not)."""
        now = now or datetime.now(UTC)
        sources = list_sources(self.store) if every_source else due_sources(self.store, now)
        requests, received = self.fetcher.requests, self.fetcher.bytes
        if not sources:
            return FollowReport([])
        with ThreadPoolExecutor(max_workers=min(self.workers, len(sources)), thread_name_prefix="newsbrief-follow") as pool:
            outcomes = list(pool.map(lambda source: self._claim_and_poll(source, now), sources))
        polled = [p for p in outcomes if p is not None]
        return FollowReport(polled, self.fetcher.requests - requests, self.fetcher.bytes - received,
                            busy=len(outcomes) - len(polled))

    def _claim_and_poll(self, source: Source, now: datetime) -> Polled | None:
        """The source's poll, or None when another follower holds it (or has just polled it)."""
        if not claim_source(self.store, source, now, CLAIM_LEASE):
            return None
        return self._poll_safely(source, now)

    def _poll_safely(self, source: Source, now: datetime) -> Polled:
        """One source's poll; whatever goes wrong in it is that source's failure, never the others'."""
        try:
            return self.poll(source, now)
        except Exception as err:  # noqa: BLE001 - one source never stops the others
            reason = failure_reason(err)
            log.warning("source %s (%s): %s", source.id, source.feed_url, reason)
            try:
                self._record(source, now, Polled(source, "error", error=reason))
            except Exception as again:  # noqa: BLE001 - the store is down: the next pass tries again
                log.warning("source %s: cannot record the poll: %s", source.id, failure_reason(again))
            return Polled(source, "error", error=reason)

    def poll(self, source: Source, now: datetime) -> Polled:
        fetched = self.fetcher.get(source.feed_url, etag=source.etag, last_modified=source.last_modified)
        if isinstance(fetched, FetchFailed):
            return self._failed(source, now, fetched.reason)
        if fetched.status == 304:
            polled, entries, title = Polled(source, "304"), [], None
            etag, last_modified = fetched.etag or source.etag, fetched.last_modified or source.last_modified
        else:
            try:
                feed = read_feed(fetched.body, fetched.url)
            except NotAFeed as err:
                return self._failed(source, now, str(err))
            polled, entries, title = Polled(source, "200"), feed.entries, feed.title
            etag, last_modified = fetched.etag, fetched.last_modified
        retry, stopped = [], False
        pending = self._pending_of(source.id)
        seen = set()
        for number, entry in enumerate(entries, 1):
            if self._stop.is_set():
                stopped = True
                break
            seen.add(_entry_id(entry, source.feed_url))
            self._outcome(entry, number, source, title, polled, retry, pending)
        for article_id, waiting in list(pending.items()):  # pages left from earlier polls (a 304 too)
            if self._stop.is_set():
                stopped = True
                break
            if article_id not in seen:
                self._outcome(waiting.entry, waiting.number, source, waiting.outlet, polled, retry, pending)
        if stopped:  # entries not looked at: the next poll reads the feed again
            retry.append("stopped")
            etag, last_modified = source.etag, source.last_modified
        if retry:
            polled.status, polled.error = "partial", f"{len(retry)} entries to retry: {retry[0]}"
            log.warning("source %s (%s): %s", source.id, source.feed_url, polled.error)
        elif polled.skipped:
            polled.error = f"{len(polled.skipped)} entries skipped: {polled.skipped[0]}"
        self._record(source, now, polled, etag=etag, last_modified=last_modified, title=title)
        return polled

    def _outcome(self, entry, number: int, source: Source, outlet: str | None, polled: Polled, retry: list,
                 pending: dict) -> None:
        """One entry's outcome, counted into `polled`; a page that may load later is kept in `pending`."""
        article_id = _entry_id(entry, source.feed_url)
        outcome = self._entry(entry, number, source, outlet)
        if isinstance(outcome, FetchFailed) and outcome.transient:
            waiting = pending.setdefault(article_id, _Pending(entry, number, outlet))
            waiting.tries += 1
            if waiting.tries < PAGE_TRIES:
                retry.append(str(outcome))
                return
            outcome = replace(outcome, reason=f"given up after {PAGE_TRIES} tries: {outcome.reason}")
        pending.pop(article_id, None)
        if outcome is ADDED:
            polled.added += 1
        elif outcome is not None:
            polled.skipped.append(str(outcome))
            self._skip(article_id)
            log.warning("source %s: skipped %s", source.id, outcome)

    def _pending_of(self, source_id: int) -> dict[str, "_Pending"]:
        with self._skipped_lock:
            return self._pending.setdefault(source_id, {})

    def _entry(self, entry, number: int, source: Source, outlet: str | None):
        """ADDED, None (already stored), or why the entry was not stored (a Rejected or a FetchFailed)."""
        where = f"{source.feed_url}#{number}"
        article_id = _entry_id(entry, source.feed_url)
        if not article_id:
            return Rejected(where, "ingest", "feed entry has neither a link nor an id")
        if article_id in self._skipped or self.store.has_article(article_id) or self.store.is_deleted(article_id):
            return None
        if _has_content(entry):
            article = entry_article(entry, source=article_id, outlet=outlet, path=None, settings=self.settings)
        else:
            article = self._page(entry, article_id, outlet)
        if not isinstance(article, Article):
            return article
        result = self.ingestor.add(replace(article, id=article_id))
        if result.status == REJECTED:
            return Rejected(article_id, "ingest", result.reason or "rejected")
        return ADDED if result.status == ADDED else None

    def _page(self, entry, article_id: str, outlet: str | None) -> Article | Rejected | FetchFailed:
        """The entry's article from its page; what the feed says of it (title, date) comes first."""
        link = entry.get("link")
        if not link:
            return Rejected(article_id, "ingest", "feed entry has no text and no link to its page")
        fetched = self.fetcher.get(link)
        if isinstance(fetched, FetchFailed):
            return fetched
        if not _is_html(fetched):
            return FetchFailed(link, f"not an HTML page ({fetched.content_type or 'no content type'})")
        page = extract_html(fetched.body, source=article_id, settings=self.settings, url=fetched.url,
                            charset=fetched.charset)
        if isinstance(page, Rejected):
            return page
        told = entry_article({**entry, "content": [], "summary": "x"}, source=article_id, outlet=outlet, path=None,
                             settings=self.settings)  # the entry's metadata, read as feeds.py reads it
        return replace(page, url=link, title=told.title or page.title, outlet=outlet or page.outlet,
                       published=told.published or page.published, author=told.author or page.author)

    def _skip(self, article_id: str | None) -> None:
        """Remember an entry that failed for good, so that later polls (in this process) do not fetch it again."""
        if not article_id:
            return
        with self._skipped_lock:
            self._skipped[article_id] = None
            while len(self._skipped) > REMEMBERED_SKIPS:
                self._skipped.popitem(last=False)

    # -- outcomes -------------------------------------------------------------------------------

    def _failed(self, source: Source, now: datetime, reason: str) -> Polled:
        log.warning("source %s (%s): %s", source.id, source.feed_url, reason)
        polled = Polled(source, "error", error=reason)
        self._record(source, now, polled, etag=source.etag, last_modified=source.last_modified)
        return polled

    def _record(self, source: Source, now: datetime, polled: Polled, *, etag: str | None = None,
                last_modified: str | None = None, title: str | None = None) -> None:
        failed = polled.status == "error"  # a partial poll keeps the schedule: its pages are retried alone
        wait = timedelta(minutes=source.every_minutes)
        if failed:
            wait = min(max(MAX_BACKOFF, wait), wait * 2 ** min(source.failures, 16))  # n-th failure: every * 2**(n-1)
        record_fetch(self.store, source.id, at=now, status=polled.status, next_fetch=now + wait, failed=failed,
                     error=polled.error, etag=etag, last_modified=last_modified, added=polled.added, title=title)

    # -- in the background ----------------------------------------------------------------------

    def run_forever(self) -> None:
        """Poll the due sources, sleep until the next is due (at most IDLE_LOOK s), until `stop`."""
        while not self._stop.is_set():
            try:
                self.run_once()
                upcoming = next_due(self.store)
            except Exception as err:  # noqa: BLE001 - the store is briefly down: look again later
                log.warning("following sources: %s", failure_reason(err))
                upcoming = None
            wait = IDLE_LOOK if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
            self._stop.wait(min(IDLE_LOOK, max(1.0, wait)))

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run_forever, name="newsbrief-follow", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the entries being stored (a fetch in flight ends within `follow_timeout`)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self.fetcher.close()


@dataclass
class _Pending:
    """A page that may load later: its feed entry, kept to retry it, and its failed tries."""

    entry: dict
    number: int
    outlet: str | None
    tries: int = 0


def _entry_id(entry, feed_url: str) -> str | None:
    """An entry's article id: its link; else its feed's URL and its own id (guid)."""
    return entry.get("link") or (f"{feed_url}#{entry['id']}" if entry.get("id") else None)


def _has_content(entry) -> bool:
    """Whether the feed carries the entry's full text (RSS content:encoded, Atom content, JSON
    Feed content_html/text), not only a summary."""
    return any((block.get("value") or "").strip() for block in entry.get("content") or ())


def _is_html(fetched: Fetched) -> bool:
    if fetched.content_type:
        return fetched.content_type in HTML_TYPES
    return looks_like_html(fetched.body)
