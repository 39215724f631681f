"""Editors' corrections: merge two stories, split a story, move articles, delete an article.

Each correction is one write transaction that changes the articles' stories, recomputes the
rows of the stories it touched (their revision moves on, so their briefs are built again) and
is recorded (`corrections` table) with who made it. The grouping respects it because the
tracker replays the stored decisions: an `Ingestor` that sees a correction it has not seen
rebuilds its tracker from the store, so later articles join the corrected stories, and an
article is never assigned twice (a moved one cannot drift back). A deleted article's id is
remembered: ingesting it again stores nothing.

Syndicated copies travel with their original (they are the same article); a copy moved
without its original becomes an original where it goes, and when an original is deleted its
first copy takes its place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from newsbrief.errors import NewsbriefError
from newsbrief.ingest.validtext import valid_text
from newsbrief.store import Store
from newsbrief.stories.story import story_label


class CorrectionError(NewsbriefError):
    """A correction that cannot be made: an unknown story or article (`missing`), or one that would change nothing."""

    exit_code = 1

    def __init__(self, message: str, *, missing: bool = False):
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Corrected:
    """What a correction did: its kind, the stories it touched (kept or made), the articles moved."""

    kind: str
    stories: tuple[str, ...]
    articles: tuple[str, ...]
    seq: int


def merge_stories(store: Store, keep: str, others: list[str], *, by: str | None = None) -> Corrected:
    """Every article of the `others` joins `keep`, in one transaction; the others are gone (their
    ids then lead to `keep`: `Store.successor`)."""
    others = list(dict.fromkeys(others))
    _check_ids(keep, *others)
    if not others:
        raise CorrectionError("no story to merge")
    if keep in others:
        raise CorrectionError(f"cannot merge story {keep!r} into itself")
    with store.write() as writer:
        for story_id in (keep, *others):
            if not writer.story_exists(story_id):
                raise CorrectionError(f"no story with id {story_id!r}", missing=True)
        moved, seq = [], 0
        for other in others:
            members = writer.story_members(other)
            for article_id, copy_of in members:
                writer.set_place(article_id, keep, copy_of)
            writer.refresh_story(other, story_label)
            seq = writer.record_correction("merge", keep, other, [a for a, _ in members], by)
            moved += [a for a, _ in members]
        writer.refresh_story(keep, story_label, corrected=True)
    return Corrected("merge", (keep,), tuple(moved), seq)


def split_story(store: Store, story_id: str, article_ids: list[str], *, by: str | None = None) -> Corrected:
    """The listed articles of a story (and their copies) leave it for a new story of their own."""
    _check_ids(story_id, *article_ids)
    with store.write() as writer:
        members = dict(writer.story_members(story_id))
        if not members:
            raise CorrectionError(f"no story with id {story_id!r}", missing=True)
        outside = [a for a in article_ids if a not in members]
        if outside:
            raise CorrectionError(f"story {story_id!r} has no article {outside[0]!r}")
        moving = _with_copies(article_ids, members)
        if len(moving) == len(members):
            raise CorrectionError(f"a split must leave story {story_id!r} at least one article")
        new_id = _new_story_id(writer, moving)
        _move(writer, moving, members, new_id)
        writer.refresh_story(story_id, story_label, corrected=True)
        writer.refresh_story(new_id, story_label, corrected=True)
        seq = writer.record_correction("split", story_id, new_id, moving, by)
    return Corrected("split", (story_id, new_id), tuple(moving), seq)


def move_articles(store: Store, article_ids: list[str], to: str | None, *, by: str | None = None) -> Corrected:
    """Articles (and their copies) move to story `to`, or to a new story when `to` is None."""
    _check_ids(*article_ids, *([to] if to else []))
    if not article_ids:
        raise CorrectionError("no article to move")
    with store.write() as writer:
        places = _places(writer, article_ids)
        if to is not None and not writer.story_exists(to):
            raise CorrectionError(f"no story with id {to!r}", missing=True)
        sources = [story for story in dict.fromkeys(story for story, _ in places.values()) if story != to]
        if not sources:
            raise CorrectionError(f"the articles are already in story {to!r}")
        by_source = {}
        for source in sources:
            members = dict(writer.story_members(source))
            by_source[source] = (_with_copies([a for a in article_ids if places[a][0] == source], members), members)
        target = to if to is not None else _new_story_id(writer, [a for moving, _ in by_source.values() for a in moving])
        for moving, members in by_source.values():
            _move(writer, moving, members, target)
        for source in sources:
            writer.refresh_story(source, story_label, corrected=True)
        writer.refresh_story(target, story_label, corrected=True)
        moved = [a for moving, _ in by_source.values() for a in moving]
        for source, (moving, _) in by_source.items():  # each story the articles left lists the move
            seq = writer.record_correction("move", source, target, moving, by)
    return Corrected("move", (*sources, target), tuple(moved), seq)


def delete_articles(store: Store, article_ids: list[str], *, by: str | None = None) -> Corrected:
    """The articles leave the store for good, all in one transaction (a later ingest of their ids
    stores nothing)."""
    article_ids = list(dict.fromkeys(article_ids))
    _check_ids(*article_ids)
    if not article_ids:
        raise CorrectionError("no article to delete")
    with store.write() as writer:
        _places(writer, article_ids)
        stories, seq = [], 0
        for article_id in article_ids:
            story_id, copy_of = writer.article_places([article_id])[article_id]  # a copy deleted before may have moved it
            copies = [a for a, of in writer.story_members(story_id) if of == article_id]
            if copies:  # its first copy is the original now; the others copy that one
                writer.set_place(copies[0], story_id, copy_of)
                for copy in copies[1:]:
                    writer.set_place(copy, story_id, copies[0])
            writer.delete_article(article_id)
            seq = writer.record_correction("delete", story_id, None, [article_id], by)
            stories.append(story_id)
        stories = list(dict.fromkeys(stories))
        for story_id in stories:
            writer.refresh_story(story_id, story_label, corrected=True)
    return Corrected("delete", tuple(stories), tuple(article_ids), seq)


def _places(writer, article_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """{article: (its story, the article it copies)}; every one must be stored."""
    places = writer.article_places(article_ids)
    missing = [a for a in article_ids if a not in places]
    if missing:
        raise CorrectionError(f"no article with id {missing[0]!r}", missing=True)
    return places


def _check_ids(*ids: str) -> None:
    """No stored id holds a NUL or a lone surrogate (`validtext`); PostgreSQL refuses one even in a query."""
    for value in ids:
        if valid_text(value)[1] or not value.strip():
            raise CorrectionError(f"not an id: {value[:80]!r}")


def _with_copies(article_ids: list[str], members: dict[str, str | None]) -> list[str]:
    """The articles, each followed by the copies of it (and copies of those) among `members`."""
    chosen = list(dict.fromkeys(article_ids))
    for article_id in chosen:  # grows while it is read: copies of copies are reached too
        chosen += [a for a, copy_of in members.items() if copy_of == article_id and a not in chosen]
    return chosen


def _move(writer, moving: list[str], members: dict[str, str | None], to: str) -> None:
    """Set each article's story; a copy whose original stays behind is an original where it goes."""
    staying = set(moving)
    for article_id in moving:
        copy_of = members.get(article_id)
        writer.set_place(article_id, to, copy_of if copy_of in staying else None)


def _new_story_id(writer, article_ids: list[str]) -> str:
    """An id no story has: from the articles and the moment (a story's id never changes once made)."""
    stamp = datetime.now(UTC).isoformat()
    for attempt in range(100):
        key = "\n".join([*sorted(article_ids), stamp, str(attempt)])
        story_id = "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        if not writer.story_exists(story_id):
            return story_id
    raise CorrectionError("could not find a free story id")  # 100 collisions of a 48-bit hash: never
