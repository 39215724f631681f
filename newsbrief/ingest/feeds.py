"""RSS and Atom feeds (feedparser) -> one Article per entry, a Rejected for each entry without text.

An entry's text is its full content (RSS content:encoded, Atom content) where the feed carries
it, else its summary; HTML in either becomes plain text. The outlet is the feed's title, the
date the entry's publication date (never its "updated" date, which is not when it appeared).
Entries are numbered from 1 in feed order: `feed.xml#3` is the third.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from newsbrief.config import Settings
from newsbrief.ingest.fragment import fragment_text
from newsbrief.ingest.limits import article_too_long
from newsbrief.ingest.unreadable import one_line, unreadable
from newsbrief.model import Article, Rejected


def articles_from_feed(data: bytes, *, source: str, settings: Settings, path: str | None = None) -> Iterator[Article | Rejected]:
    """Every entry of the feed in `data` (raw bytes: the XML declares its own encoding)."""
    import feedparser  # heavy: feedparser, only for feeds

    parsed = feedparser.parse(data)  # bytes are parsed as a document, never fetched
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield unreadable(source, "not an RSS or Atom feed" + (f" ({one_line(reason)})" if reason else ""))
        return
    if not parsed.entries:
        yield unreadable(source, "feed has no entries")
        return
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        yield entry_article(entry, source=f"{source}#{number}", outlet=outlet, path=path, settings=settings)


def entry_article(entry, *, source: str, outlet: str | None, path: str | None, settings: Settings) -> Article | Rejected:
    """One feed entry (a feedparser dict) as an Article, or Rejected when it has no text."""
    text = entry_text(entry)
    if not text:
        return unreadable(source, "feed entry has no text")
    if len(text) > settings.max_article_chars:
        return unreadable(source, article_too_long(len(text), settings))
    return Article(
        id=source, text=text, title=_text(entry.get("title")), url=_text(entry.get("link")), outlet=outlet,
        published=_day(entry.get("published_parsed")), path=path, author=_text(entry.get("author")),
    )


def entry_text(entry) -> str:
    """The entry's longest content block, else its summary, as plain text (both may hold HTML)."""
    blocks = [block.get("value") or "" for block in entry.get("content") or ()]
    if not any(value.strip() for value in blocks):
        blocks = [entry.get("summary") or ""]
    return fragment_text(max(blocks, key=len))


def _day(parsed) -> date | None:
    """The day of a feedparser time tuple (feedparser leaves it out when the feed's date is invalid)."""
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (AttributeError, ValueError):
        return None


def _text(value) -> str | None:
    if not isinstance(value, str):
        return None
    return fragment_text(value) or None
