"""WARC files (crawler output, warcio) -> one Article per HTML page, a Rejected per bad record.

Records are streamed, so an archive may be larger than --max-file-bytes; a single page may not.
Requests, metadata, revisits, redirects, error pages and non-HTML responses (images, scripts,
styles) are not articles and are passed over silently; RSS/Atom responses are read as feeds.
Records are numbered from 1 in file order: `crawl.warc.gz#7` is the seventh.

A record cut short (a partial download, a file truncated mid-record) is reported and skipped.
A record whose headers cannot be parsed is reported and reading stops there: without them
the next record cannot be found. Articles read before either problem are kept. The file is
read as stored, so that warcio undoes gzip record by record and a cut in the last record's
headers shows as bytes left over after the last whole record.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsbrief.config import Settings
from newsbrief.ingest.feeds import articles_from_feed
from newsbrief.ingest.html import extract_html
from newsbrief.ingest.limits import file_too_large
from newsbrief.ingest.unreadable import one_line, unreadable
from newsbrief.model import Article, Rejected

WARC_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")
PAGE_TYPES = ("response", "resource", "conversion")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
DRAIN_CHUNK = 1 << 16
TRUNCATED = "truncated record: its page is incomplete"
TRAILING_BLANK_BYTES = 4  # the CRLF CRLF that ends an uncompressed record is outside its length


def articles_from_warc(stream: BinaryIO, *, path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """The articles of the WARC file in `stream`, read as stored: plain or gzip-compressed
    record by record (the usual `.warc.gz`), or compressed as a whole."""
    read = yield from _records(stream, path, settings)
    if read is not None:  # one gzip stream around the whole archive: read it decompressed
        stream.seek(0)
        yield from _records(gzip.GzipFile(fileobj=stream), path, settings, skip=read)


def _records(stream: BinaryIO, path: str, settings: Settings, skip: int = 0):
    """Yields the archive's articles from record `skip + 1` on; returns the number of records
    read when the archive turns out to be gzip-compressed as a whole, else None."""
    from warcio.archiveiterator import ArchiveIterator  # heavy: warcio, only for web archives

    archive = ArchiveIterator(stream, arc2warc=True)  # ARC records arrive as WARC ones
    records, number, end = iter(archive), 0, 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as err:  # noqa: BLE001 - warcio fails in many ways on a corrupt archive
            if "non-chunked gzip" in str(err) and not skip:  # warcio's ArchiveLoadFailed for a whole-file gzip
                return number
            yield unreadable(f"{path}#{number + 1}", f"corrupt WARC record, stopped reading ({one_line(err)})")
            return None
        number += 1
        if not _well_formed(record):  # headers cut short: warcio made what it could of them
            yield unreadable(f"{path}#{number}", "corrupt WARC record, stopped reading (its headers are incomplete)")
            return None
        if number <= skip:
            continue
        if not (yield from _record_articles(record, f"{path}#{number}", path, settings)):
            return None
        end = archive.get_record_offset() + archive.get_record_length()
    if _unread_tail(stream, end):
        yield unreadable(f"{path}#{number + 1}", TRUNCATED)
    return None


def _well_formed(record) -> bool:
    return record.rec_type in WARC_TYPES and record.rec_headers.get_header("Content-Length") is not None


def _unread_tail(stream: BinaryIO, end: int) -> bool:
    """Whether bytes beyond the last whole record were left over: a record cut in its headers,
    which warcio passes over in silence. Blank lines after the last record are not a record."""
    try:
        return stream.tell() - end > TRAILING_BLANK_BYTES
    except (OSError, ValueError):
        return False


def _record_articles(record, source: str, path: str, settings: Settings):
    """Yields the record's articles; returns False when the file ends inside the record."""
    kind, charset = _payload_type(record)
    if record.rec_type not in PAGE_TYPES or kind not in HTML_TYPES + FEED_TYPES or not _succeeded(record):
        return True
    try:
        payload = record.content_stream().read(settings.max_file_bytes + 1)
        cut_short = _drain(record) > 0 or record.rec_headers.get_header("WARC-Truncated")
    except EOFError:  # a gzip-compressed archive cut inside this record
        yield unreadable(source, TRUNCATED)
        return False
    except (OSError, ValueError, zlib.error) as err:  # bad chunked or gzip transfer encoding
        yield unreadable(source, f"corrupt record ({one_line(err)})")
        return True
    if cut_short:
        yield unreadable(source, TRUNCATED)
    elif len(payload) > settings.max_file_bytes:
        yield unreadable(source, file_too_large(None, settings, what="page"))
    elif kind in FEED_TYPES:
        yield from articles_from_feed(payload, source=source, settings=settings, path=path)
    else:
        url = record.rec_headers.get_header("WARC-Target-URI")
        yield extract_html(payload, source=source, settings=settings, url=url, path=path, charset=charset)
    return True


def _payload_type(record) -> tuple[str, str | None]:
    """The payload's media type and declared charset, from the HTTP headers (or the record's own)."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = (headers.get_header("Content-Type") or "").lower()
    media, _, parameters = value.partition(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in parameters.split(";") if p.strip().startswith("charset=")), None)
    return media.strip(), charset


def _succeeded(record) -> bool:
    """A 2xx response (redirects and error pages hold no article); other records have no status."""
    if record.http_headers is None or record.rec_type != "response":
        return True
    return (record.http_headers.get_statuscode() or "").startswith("2")


def _drain(record) -> int:
    """Read what is left of the record; the bytes its header promised but the file lacks."""
    while record.raw_stream.read(DRAIN_CHUNK):
        pass
    return record.raw_stream.limit
