"""The followed sources, rendered once: as the API's JSON (`source_to_dict`) and as one line of
`newsbrief sources list` (`source_line`, tab-separated)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the type: a Source is a plain dataclass
    from newsbrief.store.sources import Source


def source_to_dict(source: Source) -> dict:
    """The source as `GET /api/sources` gives it; `articles_added` is a running count of the
    articles stored from its polls (deleting one does not lower it)."""
    return {"id": source.id, "url": source.url, "feed_url": source.feed_url, "title": source.title,
            "every": source.every_minutes, "added_at": _iso(source.added_at), "last_fetch": _iso(source.last_fetch),
            "last_status": source.last_status, "last_error": source.last_error, "next_fetch": _iso(source.next_fetch),
            "failures": source.failures, "articles_added": source.articles_added}


def source_line(source: Source) -> str:
    """id, feed URL, interval, last fetch and status, next fetch, articles added."""
    status = source.last_status or "never fetched"
    if source.last_error:
        status += f" ({source.last_error})"
    upcoming = _when(source.next_fetch) if source.next_fetch else "now"
    return (f"{source.id}\t{source.feed_url}\tevery {source.every_minutes} min\t"
            f"last {_when(source.last_fetch)}: {status}\tnext {upcoming}\t{source.articles_added} articles added")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
