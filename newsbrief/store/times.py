"""The store's one rule for dates: every date read or written is timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utc(when: datetime | None) -> datetime | None:
    """Aware UTC (a naive datetime, as SQLite gives back, is UTC)."""
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
