"""One file -> its Articles, and a Rejected for each thing in it that cannot be read.

The order of checks matters:
1. empty, missing or unreadable file;
2. gzip is unwrapped transparently (by its magic number, not its name);
3. a known binary magic number (sure, whatever the size);
4. the kind (text, JSON, JSONL, HTML, RSS/Atom feed, WARC) from the first 64 KB and the name,
   which picks the reader from `READERS`;
5. the size limit, before the rest is read (JSONL and WARC are exempt: they are streamed
   record by record);
6. NUL or control bytes (binary); then HTML pages and feeds are extracted (`html`, `feeds`, `warc`) as bytes
   (they declare their own encoding), the rest is decoded and read as text or JSON.

Every article read is then made valid and labelled with its language by `files`.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsbrief.config import Settings
from newsbrief.ingest.decode import UndetectableEncoding, decode, normalize_newlines
from newsbrief.ingest.feeds import articles_from_feed
from newsbrief.ingest.html import extract_html
from newsbrief.ingest.jsonfiles import records_from_json, records_from_jsonl
from newsbrief.ingest.limits import article_too_long, file_too_large
from newsbrief.ingest.sniff import GZIP_MAGIC, HEAD_BYTES, has_binary_magic, kind_of, looks_binary
from newsbrief.ingest.unreadable import one_line, unreadable
from newsbrief.ingest.warc import articles_from_warc
from newsbrief.model import Article, Rejected

BINARY = "binary file, not text"
EMPTY = "empty file"
NO_PAGES = "WARC file with no HTML pages"


def read_file(path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """The articles of the file at `path`; never raises for a bad file."""

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield unreadable(path, "not a regular file")
            return
        if info.st_size == 0:
            yield unreadable(path, EMPTY)
            return
        with open(path, "rb") as raw:
            yield from _read_open(path, raw, info.st_size, settings)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield unreadable(path, f"corrupt gzip file: {one_line(err)}")
    except OSError as err:
        yield unreadable(path, os_reason(err))


def os_reason(err: OSError) -> str:
    """A one-line reason for a failed open or read."""

    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "cannot read: permission denied"
    return f"cannot read: {(err.strerror or one_line(err)).lower()}"


@dataclass(frozen=True)
class _Opened:
    """A file being read: its raw handle, the (possibly gunzipped) stream, and its first bytes."""

    path: str
    raw: BinaryIO
    stream: BinaryIO
    head: bytes
    compressed: bool
    size: int


def _read_open(path: str, raw: BinaryIO, size: int, settings: Settings) -> Iterator[Article | Rejected]:
    compressed = raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    raw.seek(0)
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
    head = stream.read(HEAD_BYTES)
    if has_binary_magic(head):
        yield unreadable(path, BINARY)
        return
    kind = kind_of(path, head)
    if kind not in STREAMED and not compressed and size > settings.max_file_bytes:
        yield unreadable(path, file_too_large(size, settings))
        return
    if kind != "warc" and looks_binary(head):
        yield unreadable(path, BINARY)
        return
    yield from READERS[kind](_Opened(path, raw, stream, head, compressed, size), settings)


def _read_warc(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    file.raw.seek(0)  # as stored: warcio undoes gzip record by record
    yield from _non_empty(file.path, articles_from_warc(file.raw, path=file.path, settings=settings), NO_PAGES)


def _read_jsonl(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    file.stream.seek(0)
    yield from _non_empty(file.path, records_from_jsonl(file.stream, file.path, settings))


def _read_html(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    data = _whole(file, settings)
    if isinstance(data, Rejected):
        yield data
    else:  # bytes: the markup declares its own encoding
        yield extract_html(data, source=file.path, settings=settings, path=file.path)


def _read_feed(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    data = _whole(file, settings)
    if isinstance(data, Rejected):
        yield data
    else:
        yield from articles_from_feed(data, source=file.path, settings=settings, path=file.path)


def _read_xml(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    data = _whole(file, settings)
    yield data if isinstance(data, Rejected) else unreadable(file.path, "XML that is neither an RSS/Atom feed nor an HTML page")


def _read_json(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    text = _decoded(file, settings)
    yield from [text] if isinstance(text, Rejected) else records_from_json(text, file.path, settings)


def _read_text(file: _Opened, settings: Settings) -> Iterator[Article | Rejected]:
    text = _decoded(file, settings)
    if isinstance(text, Rejected):
        yield text
    elif len(text) > settings.max_article_chars:
        yield unreadable(file.path, article_too_long(len(text), settings))
    else:
        yield Article(id=file.path, text=text, path=file.path)


READERS: dict[str, Callable[[_Opened, Settings], Iterator[Article | Rejected]]] = {
    "text": _read_text, "json": _read_json, "jsonl": _read_jsonl, "html": _read_html, "feed": _read_feed,
    "xml": _read_xml, "warc": _read_warc,
}  # keyed by `sniff.kind_of`
STREAMED = {"jsonl", "warc"}  # read record by record: exempt from the file size limit


def _whole(file: _Opened, settings: Settings) -> bytes | Rejected:
    """The file's bytes, up to the size limit (a gzip's real size is unknown until read)."""

    data = file.head + file.stream.read(max(0, settings.max_file_bytes + 1 - len(file.head)))
    if len(data) > settings.max_file_bytes:  # a gzip or a growing file
        return unreadable(file.path, file_too_large(None, settings, what="uncompressed file" if file.compressed else "file"))
    return data


def _decoded(file: _Opened, settings: Settings) -> str | Rejected:
    """The file as text (newlines normalised), or why it cannot be."""

    data = _whole(file, settings)
    if isinstance(data, Rejected):
        return data
    try:
        text = normalize_newlines(decode(data))
    except UndetectableEncoding as err:
        return unreadable(file.path, str(err))
    return text if text.strip() else unreadable(file.path, EMPTY)


def _non_empty(path: str, results: Iterator[Article | Rejected], reason: str = EMPTY) -> Iterator[Article | Rejected]:
    """`results`, or a single Rejected saying why there are none (a JSONL of blank lines is 'empty')."""

    empty = True
    for result in results:
        empty = False
        yield result
    if empty:
        yield unreadable(path, reason)
