"""API keys (`schema.api_keys`): who may write, and who wrote.

A key is shown once, when it is made (`nbk_` + 32 random url-safe characters); the store keeps
only its sha256 (to recognise it) and its first characters (to tell keys apart in a list). A
revoked key keeps its row and its name, so the corrections it made still name who made them.
Writes go through `Store.write()`, reads through the store's read connections.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from newsbrief.errors import NewsbriefError
from newsbrief.ingest.validtext import valid_text
from newsbrief.store.repository import Store
from newsbrief.store.schema import api_keys
from newsbrief.store.times import utc

KEY_PREFIX = "nbk_"
KEY_CHARS = 32  # random url-safe characters after the prefix: 192 bits
SHOWN_CHARS = 12  # what a list shows of a key: the prefix and its first 8 random characters
MAX_NAME_CHARS = 200
TOUCH_EVERY = timedelta(minutes=1)  # last_used is recorded at most this often: no write per request


class ApiKeyError(NewsbriefError):
    """A key that cannot be made (bad or taken name)."""


@dataclass(frozen=True)
class KeyRow:
    """A key as listed: never the key itself."""

    name: str
    prefix: str
    created_at: datetime
    last_used: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class ActiveKey:
    """A key that is not revoked, with its stored hash (what signs its web sessions)."""

    id: int
    name: str
    hash: str


def create_key(store: Store, name: str, *, now: datetime | None = None) -> str:
    """Make a key named `name` and return it: the only time it is seen whole."""
    name = _valid_name(name)
    plain = KEY_PREFIX + secrets.token_urlsafe(KEY_CHARS * 3 // 4)
    try:
        with store.write() as writer:
            if writer.conn.scalar(select(api_keys.c.id).where(api_keys.c.name == name)) is not None:
                raise ApiKeyError(f"a key named {name!r} already exists (a revoked key keeps its name)")
            writer.conn.execute(api_keys.insert().values(name=name, hash=_digest(plain), prefix=plain[:SHOWN_CHARS],
                                                         created_at=utc(now or datetime.now(UTC))))
    except IntegrityError:  # another process made one of the same name between the check and the insert
        raise ApiKeyError(f"a key named {name!r} already exists") from None
    return plain


def list_keys(store: Store) -> list[KeyRow]:
    """Every key, revoked ones too, oldest first."""
    with store._read() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.id)).all()
    return [KeyRow(row.name, row.prefix, utc(row.created_at), utc(row.last_used), utc(row.revoked_at))
            for row in rows]


def revoke_key(store: Store, name: str, *, now: datetime | None = None) -> bool:
    """Revoke the key named `name` (its requests and web sessions are refused from now on);
    False when no key of that name is active."""
    with store.write() as writer:
        return writer.conn.execute(api_keys.update()
                                   .where(api_keys.c.name == name.strip(), api_keys.c.revoked_at.is_(None))
                                   .values(revoked_at=utc(now or datetime.now(UTC)))).rowcount > 0


def has_keys(store: Store) -> bool:
    """Whether some key is active (not revoked)."""
    with store._read() as conn:
        return conn.scalar(select(api_keys.c.id).where(api_keys.c.revoked_at.is_(None)).limit(1)) is not None


def key_name(store: Store, plain: str, *, now: datetime | None = None) -> str | None:
    """The name of the key `plain` when it is valid and not revoked, else None."""
    found = find_key(store, plain, now=now)
    return found.name if found else None


def find_key(store: Store, plain: str, *, now: datetime | None = None) -> ActiveKey | None:
    """The key `plain` when it is valid and not revoked, else None; its use is recorded."""
    if not _well_formed(plain):
        return None  # not a key at all: no need to ask the database
    digest = _digest(plain)
    found = _active(store, api_keys.c.hash == digest, now)
    return found if found and hmac.compare_digest(found.hash, digest) else None


def active_key(store: Store, key_id: int, *, now: datetime | None = None) -> ActiveKey | None:
    """The key with this id when it is not revoked (what a web session names), else None; its use is recorded."""
    return _active(store, api_keys.c.id == key_id, now)


def _active(store: Store, which, now: datetime | None) -> ActiveKey | None:
    with store._read() as conn:
        row = conn.execute(select(api_keys.c.id, api_keys.c.name, api_keys.c.hash, api_keys.c.last_used)
                           .where(which, api_keys.c.revoked_at.is_(None))).first()
    if row is None:
        return None
    _touch(store, row.id, row.last_used, now or datetime.now(UTC))
    return ActiveKey(row.id, row.name, row.hash)


def _touch(store: Store, key_id: int, last_used: datetime | None, now: datetime) -> None:
    """Record that the key was used, unless that was recorded less than TOUCH_EVERY ago."""
    if last_used is not None and utc(now) - utc(last_used) < TOUCH_EVERY:
        return
    with store.write() as writer:
        writer.conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used=utc(now)))


def _well_formed(plain: str) -> bool:
    return (isinstance(plain, str) and len(plain) == len(KEY_PREFIX) + KEY_CHARS and plain.startswith(KEY_PREFIX)
            and plain.isascii())


def _digest(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


def _valid_name(name: str) -> str:
    text, invalid = valid_text(name)
    text = text.strip()
    if invalid or not text or not text.isprintable():
        raise ApiKeyError(f"a key's name must be printable text, not {name!r}")
    if len(text) > MAX_NAME_CHARS:
        raise ApiKeyError(f"a key's name has at most {MAX_NAME_CHARS} characters, got {len(text)}")
    return text
