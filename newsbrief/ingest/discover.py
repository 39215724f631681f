"""What a fetched document is, for following: a feed and its entries, a page naming its feed, an OPML list.

- `read_feed`: RSS or Atom (feedparser; relative links resolved against the feed's URL) or
  JSON Feed (https://jsonfeed.org/version/1.1, parsed here: it is small) -> `Feed`, whose
  entries are feedparser-shaped dicts, so `feeds.entry_article` / `entry_text` read them all;
- `feed_links`: the feeds a front page announces with `<link rel="alternate" type=...>`;
- `read_opml`: the feed URLs of an OPML subscription list.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urljoin

from newsbrief.ingest.unreadable import one_line

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
              "application/rdf+xml", "application/xml", "text/xml"}
JSON_FEED = "https://jsonfeed.org/version/"
DTD_MARK = re.compile(rb"<\x00?!\x00?(?:\x00?D\x00?O\x00?C\x00?T\x00?Y\x00?P\x00?E|\x00?E\x00?N\x00?T\x00?I\x00?T\x00?Y)",
                      re.IGNORECASE)
REFUSED_DTD = "refused: an OPML file with a DTD (<!DOCTYPE> or <!ENTITY>) is not read"
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*(?:\s|/?&gt;)")


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list = field(default_factory=list)  # feedparser entries, or dicts of the same shape


class NotAFeed(ValueError):
    """The document is not a feed; the message says why in one line."""


def read_feed(data: bytes, url: str) -> Feed:
    """The feed in `data`, fetched from `url`; raises NotAFeed."""
    if data.lstrip()[:1] == b"{":
        return _json_feed(data, url)
    import feedparser  # heavy: feedparser, only for feeds

    parsed = feedparser.parse(data, response_headers={"content-location": url})  # bytes: never fetched
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise NotAFeed("not an RSS, Atom or JSON feed" + (f" ({one_line(reason)})" if reason else ""))
    entries = []
    for entry in parsed.entries:
        if entry.get("link"):
            entry["link"] = urljoin(url, entry["link"])
        entry["summary"] = _unescaped(entry.get("summary") or "")
        for block in entry.get("content") or ():
            block["value"] = _unescaped(block.get("value") or "")
        entries.append(entry)
    return Feed(parsed.feed.get("title") or None, entries)


def _unescaped(markup: str) -> str:
    """HTML that a feed escaped twice (`&amp;lt;p&amp;gt;`: after parsing, still `&lt;p&gt;`) as HTML."""
    if "<" not in markup and _ESCAPED_TAG.search(markup):
        return unescape(markup)
    return markup


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<head" in head


def _json_feed(data: bytes, url: str) -> Feed:
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as err:
        raise NotAFeed(f"not a JSON feed: {one_line(err)}") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(JSON_FEED):
        raise NotAFeed("not a JSON feed: no jsonfeed.org version")
    items = document.get("items")
    if not isinstance(items, list):
        raise NotAFeed("not a JSON feed: `items` is not a list")
    return Feed(_string(document.get("title")), [_json_entry(item, url) for item in items if isinstance(item, dict)])


def _json_entry(item: dict, url: str) -> dict:
    """A JSON Feed item in the shape of a feedparser entry."""
    content = _string(item.get("content_html")) or _escaped(_string(item.get("content_text")))
    authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
    names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    link = _string(item.get("url")) or _string(item.get("external_url"))
    return {"id": _string(item.get("id")), "title": _string(item.get("title")),
            "link": urljoin(url, link) if link else None,
            "content": [{"value": content}] if content else [], "summary": _string(item.get("summary")) or "",
            "author": ", ".join(names) or None, "published_parsed": _struct_time(item.get("date_published"))}


def _escaped(text: str | None) -> str | None:
    """Plain text as HTML paragraphs (what `entry_text` reads), its line breaks kept."""
    if not text:
        return None
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _struct_time(value) -> time.struct_time | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timetuple()
    except ValueError:
        return None


def _string(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# -- a front page's feeds ---------------------------------------------------------------------

class _FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "link":
            return
        attributes = {name: (value or "") for name, value in attrs}
        rel = attributes.get("rel", "").lower().split()
        kind = attributes.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and attributes.get("href", "").strip():
            self.found.append(attributes["href"].strip())


def feed_links(page: str, url: str) -> list[str]:
    """The feed URLs a page announces (`<link rel="alternate" type="application/rss+xml" href=...>`), absolute."""
    parser = _FeedLinks()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup: keep what was found
        pass
    return list(dict.fromkeys(urljoin(url, href) for href in parser.found))


# -- OPML ------------------------------------------------------------------------------------

def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed URL, title) for every outline with an xmlUrl, in document order; raises NotAFeed.
    An OPML file is untrusted input: one with a DTD (<!DOCTYPE>, <!ENTITY>) is refused, so no
    entity is ever expanded, and nothing is fetched."""
    from lxml import etree  # heavy: lxml, only for OPML files

    if DTD_MARK.search(data):
        raise NotAFeed(REFUSED_DTD)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise NotAFeed(f"not an OPML file: {one_line(err)}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:  # a DTD the byte search missed (another encoding)
        raise NotAFeed(REFUSED_DTD)
    if root.tag.lower() != "opml":
        raise NotAFeed(f"not an OPML file: its root is <{root.tag}>")
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            found.append((url, (outline.get("title") or outline.get("text") or "").strip() or None))
    first = {}
    for url, title in found:
        first.setdefault(url, title)
    return list(first.items())
