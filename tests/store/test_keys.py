"""API keys in the store, on SQLite and PostgreSQL: shown once, stored hashed, revocable."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from newsbrief.store import Store
from newsbrief.store.keys import (ApiKeyError, active_key, create_key, find_key, has_keys, key_name, list_keys,
                                  revoke_key)
from newsbrief.store.schema import api_keys

T0 = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(db_url):
    made = Store(db_url)
    yield made
    made.close()


def stored_rows(store: Store) -> list[dict]:
    with store._read() as conn:
        return [dict(row._mapping) for row in conn.execute(select(api_keys))]


def test_a_new_key_is_nbk_and_32_url_safe_characters(store):
    plain = create_key(store, "desk")
    assert plain.startswith("nbk_") and len(plain) == 36
    assert all(c.isalnum() or c in "-_" for c in plain[4:])
    assert create_key(store, "other") != plain


def test_only_the_keys_hash_and_first_characters_are_stored(store):
    plain = create_key(store, "desk")
    (row,) = stored_rows(store)
    assert row["hash"] == hashlib.sha256(plain.encode()).hexdigest()
    assert row["prefix"] == plain[:12]
    assert not any(plain in str(value) for value in row.values())


def test_a_key_names_its_holder(store):
    plain = create_key(store, "Jane Doe")
    assert key_name(store, plain) == "Jane Doe"
    assert find_key(store, plain).name == "Jane Doe"


@pytest.mark.parametrize("guess", ["", "nbk_", "nbk_" + "a" * 32, "Bearer x", "nbk_" + "é" * 32, "x" * 10_000])
def test_anything_but_a_stored_key_names_no_one(store, guess):
    create_key(store, "desk")
    assert key_name(store, guess) is None


def test_a_revoked_key_names_no_one_and_stays_listed(store):
    plain = create_key(store, "desk")
    assert revoke_key(store, "desk", now=T0)
    assert key_name(store, plain) is None
    (row,) = list_keys(store)
    assert (row.name, row.revoked_at) == ("desk", T0)


def test_revoking_a_key_that_is_not_active_says_so(store):
    create_key(store, "desk")
    assert revoke_key(store, "desk")
    assert not revoke_key(store, "desk")
    assert not revoke_key(store, "nobody")


def test_has_keys_counts_only_active_keys(store):
    assert not has_keys(store)
    create_key(store, "desk")
    assert has_keys(store)
    revoke_key(store, "desk")
    assert not has_keys(store)


def test_a_taken_name_is_refused_even_when_its_key_was_revoked(store):
    create_key(store, "desk")
    revoke_key(store, "desk")
    with pytest.raises(ApiKeyError, match="already exists"):
        create_key(store, "desk")


@pytest.mark.parametrize("name", ["", "   ", "tab\there", "line\nbreak", "x" * 201])
def test_a_name_that_is_not_one_line_of_printable_text_is_refused(store, name):
    with pytest.raises(ApiKeyError):
        create_key(store, name)
    assert list_keys(store) == []


def test_keys_are_listed_oldest_first_without_the_keys(store):
    create_key(store, "first", now=T0)
    second = create_key(store, "second", now=T0 + timedelta(days=1))
    rows = list_keys(store)
    assert [(r.name, r.created_at, r.last_used) for r in rows] == [("first", T0, None),
                                                                  ("second", T0 + timedelta(days=1), None)]
    assert rows[1].prefix == second[:12]


def test_last_used_is_recorded_at_most_once_a_minute(store, monkeypatch):
    plain = create_key(store, "desk")
    writes = []
    real_write = store.write
    monkeypatch.setattr(store, "write", lambda: writes.append(1) or real_write())
    for seconds in (0, 10, 59):
        key_name(store, plain, now=T0 + timedelta(seconds=seconds))
    assert list_keys(store)[0].last_used == T0 and len(writes) == 1
    key_name(store, plain, now=T0 + timedelta(seconds=61))
    assert list_keys(store)[0].last_used == T0 + timedelta(seconds=61) and len(writes) == 2


def test_an_active_key_is_found_by_id_until_revoked(store):
    create_key(store, "desk")
    key_id = stored_rows(store)[0]["id"]
    assert active_key(store, key_id).name == "desk"
    revoke_key(store, "desk")
    assert active_key(store, key_id) is None
    assert active_key(store, key_id + 1) is None


def test_store_dates_are_made_aware_utc_by_one_helper():
    from datetime import timezone

    from newsbrief.store import keys, sources, times

    assert keys.utc is times.utc and sources._utc is times.utc
    assert times.utc(None) is None
    assert times.utc(datetime(2025, 3, 5, 12, 0)) == T0 and times.utc(datetime(2025, 3, 5, 12, 0)).tzinfo is UTC
    assert times.utc(datetime(2025, 3, 5, 13, 0, tzinfo=timezone(timedelta(hours=1)))).tzinfo is UTC
