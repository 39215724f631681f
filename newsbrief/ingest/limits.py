"""The size limits of Settings, and the one-line messages that name them and the flag to raise them."""

from __future__ import annotations

from newsbrief.config import Settings


def file_too_large(size: int | None, settings: Settings, what: str = "file") -> str:
    """`size=None` when only 'over the limit' is known (a gzip or a JSONL line not read further)."""
    limit = human_size(settings.max_file_bytes)
    amount = f"over {limit}" if size is None else human_size(size)
    return f"{what} too large: {amount} (limit {limit}; see --max-file-bytes)"


def article_too_long(chars: int, settings: Settings) -> str:
    return f"article too long: {chars} characters (limit {settings.max_article_chars})"


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} KB"
    return f"{size} bytes"
