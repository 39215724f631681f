"""Inputs (file paths, directories, ready-made Articles) -> raw Articles and Rejected inputs.

This is ingest's entry point: directories are walked here, each file is read by `reader`,
and a file reached twice (named twice, or inside two given directories) is read once.
Every article read from a file leaves with its strings made valid (`validtext`: no lone
surrogate, NUL or control character) and its language detected, unless it states one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from newsbrief.config import Settings
from newsbrief.errors import REINSTALL, failure_reason, show_traceback_when_debugging
from newsbrief.ingest.language import label_language
from newsbrief.ingest.reader import os_reason, read_file
from newsbrief.ingest.sniff import is_candidate
from newsbrief.ingest.unreadable import unreadable
from newsbrief.ingest.validtext import valid_article
from newsbrief.model import Article, Rejected

Input = str | os.PathLike | Article


def read_inputs(inputs: Iterable[Input], settings: Settings) -> tuple[list[Article], list[Rejected]]:
    """Every article the inputs hold, uncleaned, and every input that could not be read
    (`iter_inputs`, collected)."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for result in iter_inputs(inputs, settings):
        (articles if isinstance(result, Article) else rejected).append(result)
    return articles, rejected


def iter_inputs(inputs: Iterable[Input], settings: Settings) -> Iterator[Article | Rejected]:
    """The inputs' articles and rejections, one at a time in input order: a JSONL file or a WARC
    of any size streams through in flat memory, and its first articles arrive at once.

    A single path is taken as a one-item list, not iterated character by character. An input
    whose reader fails unexpectedly is one Rejected (its articles read before the failure are kept).
    """
    if isinstance(inputs, (str, bytes, os.PathLike, Article)):
        inputs = [inputs]
    seen: set[str] = set()

    def results() -> Iterator[Article | Rejected]:
        for item in inputs:
            if isinstance(item, Article):
                yield valid_article(item)
            else:
                yield from _read_path(os.fsdecode(item), settings, seen)

    yield from _install_problems_said_once(results())


def _read_path(path: str, settings: Settings, seen: set[str]) -> Iterator[Article | Rejected]:
    if not os.path.lexists(path):
        yield unreadable(path, "no such file or directory")
    elif os.path.isdir(path):
        yield from _read_directory(path, settings, seen)
    else:
        yield from _read_once(path, settings, seen)


def _read_once(path: str, settings: Settings, seen: set[str]) -> Iterator[Article | Rejected]:
    if already_seen(path, seen):
        return
    try:
        for result in read_file(path, settings):
            yield _labelled(result)
    except Exception as err:  # noqa: BLE001 - one input's failure never ends the run
        show_traceback_when_debugging()
        yield unreadable(path, failure_reason(err))


def _labelled(result: Article | Rejected) -> Article | Rejected:
    """A read article, its strings made valid (`validtext`), with its language detected."""
    if isinstance(result, Rejected):
        return result
    try:
        return label_language(valid_article(result))
    except Exception as err:  # noqa: BLE001
        show_traceback_when_debugging()
        return unreadable(result.id, failure_reason(err))


def _install_problems_said_once(results: Iterable[Article | Rejected]) -> Iterator[Article | Rejected]:
    """A missing module breaks every input of a kind: the fix is said with the first one only."""
    first: dict[str, str] = {}
    for item in results:
        if isinstance(item, Rejected) and REINSTALL in item.reason:
            if item.reason in first:
                item = unreadable(item.source, f"cannot be read: the same install problem as {first[item.reason]}")
            else:
                first[item.reason] = item.source
        yield item


def _read_directory(root: str, settings: Settings, seen: set[str]) -> Iterator[Article | Rejected]:
    if already_seen(root, seen):
        return
    errors: list[OSError] = []
    files = article_files(root, errors)
    for err in errors:
        yield unreadable(err.filename or root, os_reason(err))
    if not files and not errors:
        yield unreadable(root, "no article files found")
    for path in files:
        yield from _read_once(path, settings, seen)


def article_files(root: str, errors: list[OSError] | None = None) -> list[str]:
    """Files under `root` that may hold articles, in sorted path order.

    Hidden files and folders are skipped, and so are files whose extension says they are not
    articles (images, archives, code...); the rest are judged by their content when read.
    Folders that cannot be listed, and links whose target is gone, are appended to `errors`.
    """
    found = []
    for folder, subfolders, names in os.walk(root, onerror=None if errors is None else errors.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            if name.startswith(".") or not is_candidate(name):
                continue
            if os.path.isfile(path):
                found.append(path)
            elif errors is not None and os.path.islink(path) and not os.path.exists(path):
                errors.append(OSError(None, "broken symbolic link: its target does not exist", path))
    found.sort(key=lambda path: PurePath(path).parts)
    return found


def already_seen(path: str, seen: set[str]) -> bool:
    """Whether `path` (by its real location) was read before; marks it as read."""
    key = os.path.realpath(path)
    if key in seen:
        return True
    seen.add(key)
    return False
