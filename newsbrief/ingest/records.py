"""A JSON article record -> Article, whatever common field names the scraper used.

Field names cover news-please, newspaper3k, NewsAPI-style and RSS-derived dumps; the `fields`
setting names others (`text=maintext,outlet=source.name`: a dotted name reaches into nested
objects). A record with no text but a page's HTML (`html`, `raw_html`) is extracted like a
saved page, its own fields winning over what the page says; text holding HTML markup is
turned into plain text. A date is kept only when the record states a whole day: "2016-12"
never becomes 1 December.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from newsbrief.config import Settings, field_names
from newsbrief.ingest.decode import normalize_newlines
from newsbrief.ingest.fragment import fragment_text
from newsbrief.ingest.html import extract_html
from newsbrief.ingest.limits import article_too_long
from newsbrief.ingest.unreadable import unreadable
from newsbrief.model import Article, Rejected

log = logging.getLogger("newsbrief.ingest")

COMMON_FIELDS = {
    "id": ("id",),
    "text": ("text", "body", "content", "maintext", "article"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "date_publish", "pubDate"),
    "outlet": ("source", "outlet", "source_domain", "site_name", "publisher"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
}
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_MARKUP = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_LANGUAGE = re.compile(r"[a-z]{2,3}(?=$|[-_])", re.IGNORECASE)
_MISSING = object()


def article_from_record(record: object, *, source: str, default_id: str, path: str,
                        settings: Settings) -> Article | Rejected:
    """One record as an Article, or Rejected (with `source`, e.g. `data.jsonl:3`) saying why not."""
    if not isinstance(record, dict):
        return unreadable(source, f"record is not a JSON object (got {_json_type(record)})")
    names = _names(settings)
    present = [name for name in names["text"] if _has(record, name)]
    if not present:
        page = _first_string(record, names["html"])
        if page:
            return _article_from_page(page, record, names, source=source, default_id=default_id, path=path,
                                      settings=settings)
        return unreadable(source, f"no article text (expected one of {', '.join(names['text'])})")
    # the first field that says something: {"text": null, "body": "..."} is read from body
    field = next((name for name in present if _lookup(record, name) not in (None, "")), present[0])
    text = _lookup(record, field)
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # a list of paragraphs
    if not isinstance(text, str):
        return unreadable(source, f"article text in {field!r} is not a string (got {_json_type(text)})")
    text = normalize_newlines(_plain(text))
    if not text.strip():
        return unreadable(source, f"empty article text in {field!r}")
    if len(text) > settings.max_article_chars:
        return unreadable(source, article_too_long(len(text), settings))
    return Article(
        id=_record_id(_first(record, names["id"])) or default_id,
        text=text,
        title=_first_string(record, names["title"]),
        url=_first_string(record, names["url"]),
        outlet=_outlet(record, names["outlet"]),
        published=_published(record, names["published"], source),
        path=path,
        author=_author(record, names["author"]),
        language=_language(_first_string(record, names["language"])),
    )


def parse_date(value: object) -> date | None:
    """The day an ISO date/datetime, RFC 822 (RSS) or 'December 5, 2016'-style string names."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(value).date()  # "Mon, 05 Dec 2016 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None


def _published(record: dict, names: tuple[str, ...], source: str) -> date | None:
    """The first date field that reads as a date; a date given but unreadable is a warning (the
    article is kept, undated), never a silent "no date"."""
    given = [(name, value) for name in names if (value := _lookup(record, name)) not in (None, "")]
    for _, value in given:
        if (day := parse_date(value)) is not None:
            return day
    if given:
        name, value = given[0]
        log.warning("%s: %s %s is not a day newsbrief reads (ISO 8601, RFC 822, 'December 5, 2016'); "
                    "the article is kept without a date", source, name, _shown(value))
    return None


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _article_from_page(page: str, record: dict, names: dict, *, source: str, default_id: str, path: str,
                       settings: Settings) -> Article | Rejected:
    """A record holding a page's HTML: extract it, then let the record's own fields win."""
    url = _first_string(record, names["url"])
    extracted = extract_html(page, source=source, settings=settings, url=url, path=path)
    if isinstance(extracted, Rejected):
        return extracted
    return replace(
        extracted,
        id=_record_id(_first(record, names["id"])) or default_id,
        title=_first_string(record, names["title"]) or extracted.title,
        url=url or extracted.url,
        outlet=_outlet(record, names["outlet"]) or extracted.outlet,
        published=_published(record, names["published"], source) or extracted.published,
        author=_author(record, names["author"]) or extracted.author,
        language=_language(_first_string(record, names["language"])) or extracted.language,
    )


def _names(settings: Settings) -> dict[str, tuple[str, ...]]:
    """The field names to read for each role: the configured one, else the common ones."""
    configured = field_names(settings.fields)
    return {role: (configured[role],) if role in configured else common for role, common in COMMON_FIELDS.items()}


def _lookup(record: dict, name: str, missing: object = None) -> object:
    """record[name], where 'a.b' reads record['a']['b'] (a literal 'a.b' key wins)."""
    if name in record or "." not in name:
        return record.get(name, missing)
    value: object = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return missing
        value = value[part]
    return value


def _has(record: dict, name: str) -> bool:
    return _lookup(record, name, _MISSING) is not _MISSING


def _first(record: dict, names: tuple[str, ...]) -> object:
    """The first of the fields that holds a value."""
    return next((value for value in (_lookup(record, name) for name in names) if value not in (None, "")), None)


def _plain(text: str) -> str:
    """Text as given, or its plain text when it is HTML markup (an RSS-derived dump's content)."""
    if not _MARKUP.search(text):
        return text

    return fragment_text(text)


def _outlet(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _lookup(record, name)
        if isinstance(value, dict):  # {"id": "bbc-news", "name": "BBC News"}
            value = value.get("name")
        if _string(value):
            return _string(value)
    return None


def _author(record: dict, names: tuple[str, ...]) -> str | None:
    """An author string, or a list of names (or of {"name": ...} objects) joined with commas."""
    for name in names:
        value = _lookup(record, name)
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, list):
            value = ", ".join(filter(None, (_string(v.get("name") if isinstance(v, dict) else v) for v in value)))
        if _string(value):
            return _string(value)
    return None


def _language(value: str | None) -> str | None:
    """'en', 'en-GB' or 'EN' -> 'en'; anything else is not a language code."""
    match = _LANGUAGE.match(value or "")
    return match.group().lower() if match else None


def _first_string(record: dict, names: tuple[str, ...]) -> str | None:
    return next(filter(None, (_string(_lookup(record, name)) for name in names)), None)


def _string(value: object) -> str | None:
    """A field's text, HTML entities decoded ("Bread &amp; Butter", "&copy; 2017": scrapers copy them as found)."""
    if not isinstance(value, str):
        return None
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    return value.strip() or None


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _record_id(value: object) -> str | None:
    """The record's own id: a string or a number (not a boolean)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(value)


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
