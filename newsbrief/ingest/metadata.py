"""A page's metadata from its markup: title, outlet, canonical URL, author, date.

Explicit markup wins over guesses: OpenGraph/meta tags and JSON-LD first (through
trafilatura's readers), then the page's own elements (<h1>, <title>, a byline). The outlet
is the site name the page declares, else the host name of its URL; the URL is the canonical
link, else og:url, else the address the page was fetched from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newsbrief.ingest.dates import publication_date

_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Everything the page states about itself; `url` is where it was fetched from, if known."""
    from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title  # heavy: trafilatura loads slowly, only for web pages

    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - malformed JSON-LD is common; the meta tags still count
        pass
    canonical = canonical_url(tree, meta.url, url)
    outlet = site_name(meta.sitename) or _host(canonical)
    return PageMetadata(
        title=strip_site_suffix(_clean(meta.title) or _clean(extract_title(tree)), outlet),
        outlet=outlet,
        url=canonical,
        author=_clean(_full_name(meta.author)) or _clean(extract_author(tree)),
        published=publication_date(tree, canonical),
    )


def canonical_url(tree: HtmlElement, og_url: str | None, fetched: str | None) -> str | None:
    """<link rel=canonical>, else og:url, else the fetch address; relative links resolved against it."""
    link = tree.find('.//head//link[@rel="canonical"]')
    for candidate in (link.get("href") if link is not None else None, og_url, fetched):
        candidate = (candidate or "").strip()
        if candidate:
            absolute = urljoin(fetched or "", candidate)
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return None


def site_name(value: str | None) -> str | None:
    """A declared site name, unless it is a URL (article:publisher is often a Facebook page)."""
    value = _clean(value)
    if not value or "://" in value or value.startswith("www."):
        return None
    return value.lstrip("@")


def strip_site_suffix(title: str | None, outlet: str | None) -> str | None:
    """'Headline | Outlet' -> 'Headline': <title> elements often carry the site name."""
    if not title or not outlet:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and tail.strip().lower() in (outlet.lower(), _host_words(outlet)):
            return head.strip()
    return title


def _full_name(author: str | None) -> str | None:
    """A meta-tag author of one word is usually a user name or the site itself: left for the byline."""
    return author if author and " " in author.strip() else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _host_words(outlet: str) -> str:
    return outlet.lower().removeprefix("www.")


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
