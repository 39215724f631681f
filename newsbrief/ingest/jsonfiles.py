"""JSON and JSONL files -> Articles, one Rejected per bad record while the others are still read.

Sources name where a problem is: `data.jsonl:3` is line 3 of a JSONL file, `data.json#3` the
third record of a JSON list. Ids fall back to `path#N`, N counting records (blank lines skipped).
JSONL is streamed line by line, so its size is bounded only per record.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from newsbrief.config import Settings
from newsbrief.ingest.decode import UndetectableEncoding, decode, wide_encoding
from newsbrief.ingest.limits import file_too_large
from newsbrief.ingest.records import article_from_record
from newsbrief.ingest.unreadable import unreadable
from newsbrief.model import Article, Rejected

DRAIN_CHUNK = 1 << 20


def records_from_json(text: str, path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """A JSON document holding one article object or a list of them."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as err:
        yield unreadable(path, malformed(err, with_line=True))
        return
    if isinstance(document, dict):
        yield article_from_record(document, source=path, default_id=path, path=path, settings=settings)
    elif isinstance(document, list):
        if not document:
            yield unreadable(path, "empty JSON list: no articles")
        for n, record in enumerate(document, 1):
            yield article_from_record(record, source=f"{path}#{n}", default_id=f"{path}#{n}",
                                      path=path, settings=settings)
    else:
        yield unreadable(path, "JSON holds neither an article object nor a list of them")


def records_from_jsonl(stream: BinaryIO, path: str, settings: Settings) -> Iterator[Article | Rejected]:
    """One article per non-blank line of `stream`, read from its start."""
    n = 0
    for line_no, line in _lines(stream, settings.max_file_bytes):
        source = f"{path}:{line_no}"
        if line is None:
            n += 1
            yield unreadable(source, file_too_large(None, settings, what="record"))
            continue
        if isinstance(line, bytes):
            try:
                line = decode(line)
            except UndetectableEncoding as err:
                n += 1
                yield unreadable(source, str(err))
                continue
        if not line.strip():
            continue
        n += 1
        try:
            record = json.loads(line.rstrip("\r\n"))
        except (ValueError, RecursionError) as err:
            yield unreadable(source, malformed(err, with_line=False))
            continue
        yield article_from_record(record, source=source, default_id=f"{path}#{n}", path=path,
                                  settings=settings)


def malformed(err: ValueError | RecursionError, with_line: bool) -> str:
    """'malformed JSON: <what> (line L, column C)'; the line is left out where the source names it."""
    if isinstance(err, json.JSONDecodeError):
        where = f"line {err.lineno}, column {err.colno}" if with_line else f"column {err.colno}"
        return f"malformed JSON: {err.msg} ({where})"
    if isinstance(err, RecursionError):
        return "malformed JSON: nested too deeply"
    return f"malformed JSON: {' '.join(str(err).split())}"  # e.g. a number with too many digits


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) pairs; None for a line over `limit`, which is skipped unread.

    Lines are bytes (decoded one by one, so one odd line cannot spoil the rest), except in
    UTF-16/32 files, whose newlines are not single bytes: those come as text.
    """
    wide = wide_encoding(stream.read(8192))
    stream.seek(0)
    source = io.TextIOWrapper(stream, encoding=wide, errors="replace") if wide else stream
    line_no = 0
    while True:
        if not wide:  # runs of blank lines cost one read per buffer, not one per line
            blank = _skip_newlines(source)
            line_no += blank
        line = source.readline(limit + 1)
        if not line:
            break
        line_no += 1
        if len(line) > limit and line[-1:] not in ("\n", b"\n"):
            while (rest := source.readline(DRAIN_CHUNK)) and rest[-1:] not in ("\n", b"\n"):
                pass
            yield line_no, None
        else:
            yield line_no, line
    if wide:
        source.detach()


def _skip_newlines(stream: BinaryIO) -> int:
    """Read past the newlines at the stream's position (a file of nothing else ends in seconds);
    how many line ends were passed."""
    passed = 0
    if not hasattr(stream, "peek"):  # an in-memory stream (BytesIO): read line by line
        return 0
    while True:
        ahead = stream.peek(DRAIN_CHUNK)[:DRAIN_CHUNK]
        blank = len(ahead) - len(ahead.lstrip(b"\r\n"))
        if not blank:
            return passed
        passed += ahead.count(b"\n", 0, blank)
        stream.read(blank)
