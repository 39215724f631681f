"""The one way every reader says an input cannot be used, and why, in one line."""

from __future__ import annotations

from newsbrief.model import Rejected


def unreadable(source: str, reason: str) -> Rejected:
    """`source` (a file, a record `file#N`, an entry) skipped at reading, and why, in one line."""
    return Rejected(source=source, stage="ingest", reason=reason)


def one_line(err: object) -> str:
    """An exception's message on one line (its type's name when it has none)."""
    return " ".join(str(err).split()) or type(err).__name__
