"""One file -> its Articles, and a Rejected for each thing in it that cannot be read.

The order of checks matters:
1. empty, missing or unreadable file;
2. gzip is unwrapped transparently (by its magic number, not its name);
3. a known binary magic number (sure, whatever the size);
4. the kind (text, JSON, JSONL, HTML, RSS/Atom feed, WARC) from the first 64 KB and the name;
5. the size limit, before the rest is read (JSONL and WARC are exempt: they are streamed
   record by record);
6. NUL or control bytes (binary); then HTML pages and feeds go to `newsbrief.extract` as bytes
   (they declare their own encoding), the rest is decoded and read as text or JSON.

Articles from text and JSON get their language detected here; extraction labels its own.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsbrief.config import Settings
from newsbrief.ingest.decode import UndetectableEncoding, decode, normalize_newlines
from newsbrief.ingest.jsonfiles import records_from_json, records_from_jsonl
from newsbrief.ingest.limits import article_too_long, file_too_large
from newsbrief.ingest.sniff import GZIP_MAGIC, HEAD_BYTES, has_binary_magic, kind_of, looks_binary
from newsbrief.model import Article, Rejected

BINARY = "binary file, not text"
EMPTY = "empty file"
NO_PAGES = "WARC file with no HTML pages"


def read_file(path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """The articles of the file at `path`; never raises for a bad file."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield _reject(path, "not a regular file")
            return
        if info.st_size == 0:
            yield _reject(path, EMPTY)
            return
        with open(path, "rb") as raw:
            yield from _read_open(path, raw, info.st_size, settings)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield _reject(path, f"corrupt gzip file: {_one_line(err)}")
    except OSError as err:
        yield _reject(path, os_reason(err))


def os_reason(err: OSError) -> str:
    """A one-line reason for a failed open or read."""
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "cannot read: permission denied"
    return f"cannot read: {(err.strerror or _one_line(err)).lower()}"


def _read_open(path: str, raw: BinaryIO, size: int, settings: Settings) -> Iterator[Article | Rejected]:
    compressed = raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    raw.seek(0)
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
    head = stream.read(HEAD_BYTES)
    if has_binary_magic(head):
        yield _reject(path, BINARY)
        return
    kind = kind_of(path, head)
    if kind == "warc":
        from newsbrief.extract.warc import articles_from_warc  # here: newsbrief.extract reads through ingest

        raw.seek(0)  # as stored: warcio undoes gzip record by record
        yield from _non_empty(path, articles_from_warc(raw, path=path, settings=settings), NO_PAGES)
        return
    if kind != "jsonl" and not compressed and size > settings.max_file_bytes:
        yield _reject(path, file_too_large(size, settings))
        return
    if looks_binary(head):
        yield _reject(path, BINARY)
        return
    if kind == "jsonl":
        stream.seek(0)
        yield from _non_empty(path, records_from_jsonl(stream, path, settings))
        return
    data = head + stream.read(max(0, settings.max_file_bytes + 1 - len(head)))
    if len(data) > settings.max_file_bytes:  # a gzip (its real size is unknown) or a growing file
        yield _reject(path, file_too_large(None, settings, what="uncompressed file" if compressed else "file"))
        return
    if kind in ("html", "feed"):
        yield from _extracted(kind, data, path, settings)
        return
    if kind == "xml":
        yield _reject(path, "XML that is neither an RSS/Atom feed nor an HTML page")
        return
    try:
        text = normalize_newlines(decode(data))
    except UndetectableEncoding as err:
        yield _reject(path, str(err))
        return
    if not text.strip():
        yield _reject(path, EMPTY)
    elif kind == "json":
        yield from records_from_json(text, path, settings)
    elif len(text) > settings.max_article_chars:
        yield _reject(path, article_too_long(len(text), settings))
    else:
        yield Article(id=path, text=text, path=path)


def _extracted(kind: str, data: bytes, path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """An HTML page's or a feed's articles, from its bytes (markup declares its own encoding)."""
    from newsbrief.extract.feeds import articles_from_feed
    from newsbrief.extract.html import extract_html

    if kind == "html":
        yield extract_html(data, source=path, settings=settings, path=path)
    else:
        yield from articles_from_feed(data, source=path, settings=settings, path=path)


def _non_empty(path: str, results: Iterator[Article | Rejected], reason: str = EMPTY) -> Iterator[Article | Rejected]:
    """`results`, or a single Rejected saying why there are none (a JSONL of blank lines is 'empty')."""
    empty = True
    for result in results:
        empty = False
        yield result
    if empty:
        yield _reject(path, reason)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _reject(source: str, reason: str) -> Rejected:
    return Rejected(source=source, stage="ingest", reason=reason)
