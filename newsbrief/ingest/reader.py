"""One file -> its Articles, and a Rejected for each thing in it that cannot be read.

The order of checks matters:
1. empty, missing or unreadable file;
2. gzip is unwrapped transparently (by its magic number, not its name);
3. a known binary magic number (sure, whatever the size);
4. the kind (text, JSON, JSONL) from the name and first 64 KB;
5. the size limit, before the rest is read (JSONL is exempt: it is streamed record by record);
6. NUL or control bytes (binary), then the encoding, then the text or JSON itself.
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


def _non_empty(path: str, results: Iterator[Article | Rejected]) -> Iterator[Article | Rejected]:
    """`results`, or a single 'empty file' when there are none (a JSONL of blank lines)."""
    empty = True
    for result in results:
        empty = False
        yield result
    if empty:
        yield _reject(path, EMPTY)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _reject(source: str, reason: str) -> Rejected:
    return Rejected(source=source, stage="ingest", reason=reason)
