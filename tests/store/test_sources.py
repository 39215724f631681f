"""The followed sources' table on SQLite and PostgreSQL: added once, due on schedule, outcomes kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsbrief.store import Store
from newsbrief.store.sources import (add_source, claim_source, due_sources, get_source, list_sources, next_due,
                                     record_fetch, remove_source)

NOW = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)
FEED = "https://example.com/feed.xml"


def test_a_feed_added_twice_is_one_source(db_url):
    store = Store(db_url)
    first, new = add_source(store, "https://example.com/", FEED, every=30, title="Example")
    again, new_again = add_source(store, FEED, FEED, every=30, keep_every=True)
    assert (new, new_again) == (True, False)
    assert again == first and [s.id for s in list_sources(store)] == [first.id]


def test_a_feed_added_again_with_an_interval_takes_it(db_url):
    store = Store(db_url)
    first, _ = add_source(store, FEED, FEED, every=30)
    again, new = add_source(store, FEED, FEED, every=5)
    assert (new, again.id, again.every_minutes) == (False, first.id, 5)
    assert get_source(store, first.id).every_minutes == 5
    assert add_source(store, FEED, FEED, every=60, keep_every=True)[0].every_minutes == 5


def test_only_one_claim_of_a_source_as_it_was_read_succeeds(db_url):
    store = Store(db_url)
    source, _ = add_source(store, FEED, FEED, every=30)
    lease = timedelta(minutes=30)
    assert claim_source(store, source, NOW, lease)
    assert not claim_source(store, source, NOW, lease)  # another follower read the same row
    held = get_source(store, source.id)
    assert (held.next_fetch, held.last_status) == (NOW + lease, "polling")
    assert not claim_source(store, held, NOW, lease)  # held: not claimed, even as read now
    assert claim_source(store, held, NOW + lease, lease)  # its follower died: the lease is over
    record_fetch(store, source.id, at=NOW, status="200", next_fetch=NOW + lease, failed=False)
    assert claim_source(store, get_source(store, source.id), NOW, lease)  # polled: free again, due or not


def test_a_new_source_is_due_at_once_and_a_polled_one_at_its_next_fetch(db_url):
    store = Store(db_url)
    source, _ = add_source(store, FEED, FEED, every=30)
    assert [s.id for s in due_sources(store, NOW)] == [source.id]
    record_fetch(store, source.id, at=NOW, status="200", next_fetch=NOW + timedelta(minutes=30), failed=False)
    assert due_sources(store, NOW + timedelta(minutes=29)) == []
    assert [s.id for s in due_sources(store, NOW + timedelta(minutes=30))] == [source.id]
    assert next_due(store) == NOW + timedelta(minutes=30)


def test_dates_come_back_as_aware_utc(db_url):
    store = Store(db_url)
    source, _ = add_source(store, FEED, FEED, every=30, now=NOW)
    polled_at = datetime(2024, 3, 4, 14, 0, tzinfo=UTC).astimezone(tz=None)  # any zone in, UTC out
    record_fetch(store, source.id, at=polled_at, status="304", next_fetch=polled_at, failed=False)
    stored = get_source(store, source.id)
    assert stored.added_at == NOW and stored.added_at.tzinfo == UTC
    assert stored.last_fetch == polled_at and stored.last_fetch.utcoffset() == timedelta(0)


def test_failures_in_a_row_are_counted_and_a_success_resets_them(db_url):
    store = Store(db_url)
    source, _ = add_source(store, FEED, FEED, every=30)
    for _ in range(2):
        record_fetch(store, source.id, at=NOW, status="error", error="HTTP 500", next_fetch=NOW, failed=True)
    assert (get_source(store, source.id).failures, get_source(store, source.id).last_error) == (2, "HTTP 500")
    record_fetch(store, source.id, at=NOW, status="200", next_fetch=NOW, failed=False, etag='"v1"',
                 last_modified="Mon, 04 Mar 2024 10:00:00 GMT", added=3, title="Example")
    stored = get_source(store, source.id)
    assert (stored.failures, stored.last_error, stored.etag, stored.articles_added, stored.title) == (0, None, '"v1"', 3, "Example")


def test_a_removed_source_is_gone_and_its_outcome_is_not_recorded(db_url):
    store = Store(db_url)
    source, _ = add_source(store, FEED, FEED, every=30)
    assert remove_source(store, source.id) and not remove_source(store, source.id)
    record_fetch(store, source.id, at=NOW, status="200", next_fetch=NOW, failed=False)
    assert get_source(store, source.id) is None and list_sources(store) == []
