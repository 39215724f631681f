"""A JSON article record -> Article, whatever common field names the scraper used.

Field names cover news-please, newspaper3k, NewsAPI-style and RSS-derived dumps.
A date is kept only when the record states a whole day: "2016-12" never becomes 1 December.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from newsbrief.config import Settings
from newsbrief.ingest.decode import normalize_newlines
from newsbrief.ingest.limits import article_too_long
from newsbrief.model import Article, Rejected

TEXT_FIELDS = ("text", "body", "content", "maintext", "article")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "date_publish", "pubDate")
OUTLET_FIELDS = ("source", "outlet", "source_domain", "site_name", "publisher")

DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def article_from_record(record: object, *, source: str, default_id: str, path: str,
                        settings: Settings) -> Article | Rejected:
    """One record as an Article, or Rejected (with `source`, e.g. `data.jsonl:3`) saying why not."""
    if not isinstance(record, dict):
        return _reject(source, f"record is not a JSON object (got {_json_type(record)})")
    present = [name for name in TEXT_FIELDS if name in record]
    if not present:
        return _reject(source, f"no article text (expected one of {', '.join(TEXT_FIELDS)})")
    # the first field that says something: {"text": null, "body": "..."} is read from body
    field = next((name for name in present if record[name] not in (None, "")), present[0])
    text = record[field]
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # a list of paragraphs
    if not isinstance(text, str):
        return _reject(source, f"article text in {field!r} is not a string (got {_json_type(text)})")
    text = normalize_newlines(text)
    if not text.strip():
        return _reject(source, f"empty article text in {field!r}")
    if len(text) > settings.max_article_chars:
        return _reject(source, article_too_long(len(text), settings))
    return Article(
        id=_record_id(record.get("id")) or default_id,
        text=text,
        title=_first_string(record, TITLE_FIELDS),
        url=_first_string(record, URL_FIELDS),
        outlet=_outlet(record),
        published=next(filter(None, (parse_date(record.get(name)) for name in DATE_FIELDS)), None),
        path=path,
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


def _outlet(record: dict) -> str | None:
    for name in OUTLET_FIELDS:
        value = record.get(name)
        if isinstance(value, dict):  # {"id": "bbc-news", "name": "BBC News"}
            value = value.get("name")
        if _string(value):
            return _string(value)
    return None


def _first_string(record: dict, names: tuple[str, ...]) -> str | None:
    return next(filter(None, (_string(record.get(name)) for name in names)), None)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _record_id(value: object) -> str | None:
    """The record's own id: a string or a number (not a boolean)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(value)


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _reject(source: str, reason: str) -> Rejected:
    return Rejected(source=source, stage="ingest", reason=reason)
