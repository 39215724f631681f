"""Stories as Atom feeds (RFC 4287): the latest stories (`/stories.atom`) and one story (`/stories/ID.atom`).

An entry's content is the story's brief as HTML, its [n] markers linking to the cited sentence
on the served article pages (the links of the story page, made absolute from `base_url`), then
its numbered sources. In the feed of all stories an entry is a story (its id is the story
page's URL; it is updated in place as the story grows); in a story's own feed an entry is one
version of the story (its id names the version), so a reader shows each development as new and
keeps the earlier ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from urllib.parse import quote
from xml.etree.ElementTree import Element, SubElement, tostring

from newsbrief import __version__
from newsbrief.model import Brief, Story
from newsbrief.output.digest import brief_html, sources_html
from newsbrief.output.html import citations, source_entries
from newsbrief.output.stories import date_span

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True)
class FeedEntry:
    """A story to put in a feed: the stored row (`store.StoryRow`: label, revision, last seq,
    updated_at), the story with its brief, and optionally what its latest day of articles added."""

    row: object
    story: Story
    news: Brief | None = None


def stories_feed(entries: Sequence[FeedEntry], base_url: str) -> str:
    """The feed of the latest stories, one entry per story."""
    base = base_url.rstrip("/")
    return _feed(f"{base}/stories.atom", "newsbrief: latest stories", f"{base}/",
                 [_entry(e, base, f"{base}/stories/{_quote(e.row.id)}", e.row.label) for e in entries])


def story_feed(entry: FeedEntry, base_url: str) -> str:
    """The feed of one story: its latest version as one entry, with what is new in it."""
    base = base_url.rstrip("/")
    page = f"{base}/stories/{_quote(entry.row.id)}"
    last = entry.story.last_published
    title = entry.row.label + (f" (update of {last.isoformat()})" if last and entry.news else "")
    version = f"{page}#version-{entry.row.revision}-{entry.row.last_seq}"
    return _feed(f"{page}.atom", f"newsbrief: {entry.row.label}", page, [_entry(entry, base, version, title)])


def _feed(self_url: str, title: str, alternate: str, entries: list[Element]) -> str:
    feed = Element("feed", {"xmlns": ATOM})
    _text(feed, "id", self_url)
    _text(feed, "title", title)
    updated = max((e.findtext("updated") for e in entries), default=None) or _instant(datetime.now(UTC))
    _text(feed, "updated", updated)
    SubElement(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    SubElement(feed, "link", rel="alternate", type="text/html", href=alternate)
    _text(SubElement(feed, "author"), "name", "newsbrief")
    _text(feed, "generator", "newsbrief", version=__version__)
    feed.extend(entries)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="unicode") + "\n"


def _entry(entry: FeedEntry, base: str, entry_id: str, title: str) -> Element:
    row, story = entry.row, entry.story
    element = Element("entry")
    _text(element, "id", entry_id)
    _text(element, "title", title)
    _text(element, "updated", _instant(row.updated_at))
    if story.first_published:
        _text(element, "published", _instant(story.first_published))
    SubElement(element, "link", rel="alternate", type="text/html", href=f"{base}/stories/{_quote(row.id)}")
    _text(element, "content", _content(entry, base), type="html")
    return element


def _content(entry: FeedEntry, base: str) -> str:
    story = entry.story
    n = len(story.articles)
    parts = [f"<p>{n} article{'s' if n != 1 else ''} from {len(story.outlets)} "
             f"outlet{'s' if len(story.outlets) != 1 else ''}{escape(date_span(story))}.</p>"]
    if entry.news is not None:
        parts += [f"<p><strong>New on {story.last_published.isoformat()}:</strong></p>", _brief(entry.news, story, base),
                  "<p><strong>The story so far:</strong></p>"]
    parts.append(_brief(story.brief, story, base) if story.brief else
                 "<p>No brief: the articles have no sentence that fits.</p>")
    parts.append(sources_html(source_entries(story.brief, story), article_href=lambda i: f"{base}/articles/{_quote(i)}"))
    return "\n".join(parts)


def _brief(brief: Brief, story: Story, base: str) -> str:
    """The brief with absolute links; its markers numbered as the story brief's sources, the list
    that follows (what is new cites a few of the story's articles, numbered from 1 on their own)."""
    by_id = {s.article_id: s.number for s in story.brief.sources} if story.brief else {}
    number = {s.number: by_id.get(s.article_id, s.number) for s in brief.sources}
    marks = [sorted(({**c, "href": base + c["href"], "number": number[c["number"]]} for c in cites),
                    key=lambda c: c["number"]) for cites in citations(brief, story.id)]
    return brief_html(brief, marks)


def _instant(moment: datetime | date) -> str:
    """RFC 3339, in UTC: a date is its midnight; a stored time without a zone is UTC (SQLite's)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(parent: Element, tag: str, text: str, **attributes: str) -> Element:
    child = SubElement(parent, tag, attributes)
    child.text = text
    return child


def _quote(story_or_article_id: str) -> str:
    return quote(story_or_article_id, safe="")
