"""The store: articles and stories in SQLite (default) or PostgreSQL, behind one small class.

Every write happens in `Store.write()`, one transaction that holds the store's write lock
(SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so an article and
its story's row are stored together or not at all, and two writers never interleave.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, and_, create_engine, event, exists, func, inspect, or_, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from newsbrief.errors import NewsbriefError
from newsbrief.ingest.validtext import valid_text
from newsbrief.model import Article, in_canonical_order
from newsbrief.store.schema import articles, corrections, deleted_articles, stories

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK = 0x6E657773  # "news": the advisory lock id that serializes writers on PostgreSQL


class StoreError(NewsbriefError):
    """The database cannot be opened or used (bad URL, server down, not a newsbrief store)."""


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: the cleaned Article plus its place in the store."""

    article: Article
    seq: int
    story_id: str
    copy_of: str | None
    embedding: bytes | None = None  # the grouping's float32 embedding of it, made by `embedder`
    embedder: str | None = None
    signature: bytes | None = None  # its copy signature (`stories.syndication.signature_bytes`)


@dataclass(frozen=True)
class StoryRow:
    id: str
    label: str
    size: int
    first: date | None
    last: date | None
    outlets: tuple[str, ...]
    last_seq: int
    updated_at: datetime
    revision: int = 0  # corrections made to the story (merge, split, move, delete): its brief is rebuilt at each


@dataclass(frozen=True)
class CorrectionRow:
    """An editor's correction, as stored: `kind` merge | split | move | delete."""

    seq: int
    kind: str
    story_id: str  # the story corrected (merge: the one kept; move: where the articles came from)
    other_id: str | None  # merge: the story merged in; split/move: the story the articles went to
    article_ids: tuple[str, ...]
    by: str | None
    made_at: datetime


def default_db_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "newsbrief" / "newsbrief.db"


def resolve_url(db: str | None) -> str:
    """An SQLAlchemy URL from the `db` setting: empty -> the default SQLite file; a path -> SQLite."""
    db = (db or "").strip()
    if not db:
        db = str(default_db_path())
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().resolve())
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    if scheme == "sqlite":
        path = rest.removeprefix("/")
        if not path or path == ":memory:" or "mode=memory" in path:
            raise StoreError(f"the store {db!r} would be in memory and lost at exit: "
                             "give a file, as sqlite:///PATH (or a plain path)")
        return db
    if scheme == "postgresql+psycopg":
        return db
    raise StoreError(f"unsupported database URL {_safe(db)!r}: use sqlite:///PATH or postgresql://...")


def _lookup_key(key: str) -> str | None:
    """An id as it would be stored (valid text, NFC: `validtext`), or None when it holds invalid
    characters: no stored id does, and PostgreSQL refuses a NUL even in a query."""
    text, invalid = valid_text(key)
    return None if invalid else text


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Store:
    """Open (and create or upgrade) the store at `db` (see `resolve_url`). `existing=True`: only a
    store that exists — a command that only reads or corrects one must not make an empty one
    where a mistyped `--db` points."""

    def __init__(self, db: str | None = None, *, migrate: bool = True, existing: bool = False):
        self.url = resolve_url(db)
        self.display_url = _safe(self.url)
        if existing and self.url.startswith("sqlite") and not Path(make_url(self.url).database or "").is_file():
            raise StoreError(f"no store at {make_url(self.url).database}: `newsbrief ingest` or `newsbrief sources add` makes one")
        try:
            self.engine = _engine(self.url)
            if existing and not inspect(self.engine).has_table("alembic_version"):
                raise StoreError(f"{self.display_url} is not a newsbrief store: `newsbrief ingest` or `newsbrief sources add` makes one")
            if migrate:
                self.migrate()
        except SQLAlchemyError as err:
            raise StoreError(f"cannot open the store {self.display_url}: {_reason(err)}") from None
        self.dialect = self.engine.dialect.name

    def migrate(self) -> None:
        """Create the schema or bring it up to date (Alembic migrations shipped in the package)."""
        from alembic import command  # heavy: alembic, only when the schema is migrated
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.connect() as conn:  # one transaction, holding the write lock
            if self.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if self.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("COMMIT")
            else:
                conn.commit()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ------------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator["Writer"]:
        """One write transaction holding the store's write lock: all of it is kept, or none."""
        try:
            with self.engine.connect() as conn:
                if self.dialect == "sqlite":
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    try:
                        yield Writer(conn)
                    except BaseException:
                        conn.exec_driver_sql("ROLLBACK")
                        raise
                    conn.exec_driver_sql("COMMIT")
                else:
                    with conn.begin():
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
                        yield Writer(conn)
        except SQLAlchemyError as err:
            raise StoreError(f"store {self.display_url}: {_reason(err)}") from None

    # -- reading ------------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as err:
            raise StoreError(f"store {self.display_url}: {_reason(err)}") from None

    def counts(self) -> tuple[int, int]:
        """(articles, stories) in the store."""
        with self._read() as conn:
            return (conn.scalar(select(func.count()).select_from(articles)),
                    conn.scalar(select(func.count()).select_from(stories)))

    def has_article(self, article_id: str) -> bool:
        article_id = _lookup_key(article_id)
        if article_id is None:
            return False
        with self._read() as conn:
            return conn.scalar(select(exists().where(articles.c.id == article_id)))

    def articles_after(self, seq: int = 0, batch: int = 500, *, text: bool = True) -> Iterator[StoredArticle]:
        """Every stored article with a larger seq, in arrival order (read in batches).

        `text=False`: the decisions only (id, seq, story, copy, date), without text or embedding —
        what a restart replays before it loads the few articles it still needs (`stored_articles`)."""
        columns = [articles] if text else [articles.c.id, articles.c.seq, articles.c.story_id,
                                           articles.c.copy_of, articles.c.published]
        while True:
            with self._read() as conn:
                rows = conn.execute(select(*columns).where(articles.c.seq > seq)
                                    .order_by(articles.c.seq).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield _stored(row) if text else StoredArticle(
                    Article(id=row.id, text="", published=row.published), row.seq, row.story_id, row.copy_of)
            seq = rows[-1].seq

    def last_seq(self) -> int:
        """The seq of the latest stored article (0: none)."""
        with self._read() as conn:
            return conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0)))

    def changed_stories(self, after_seq: int, limit: int) -> list[StoryRow]:
        """Stories that took an article after `after_seq`, the latest change first."""
        with self._read() as conn:
            rows = conn.execute(select(stories).where(stories.c.last_seq > after_seq)
                                .order_by(stories.c.last_seq.desc()).limit(limit)).all()
        return [_story_row(row) for row in rows]

    def stored_articles(self, ids: list[str], batch: int = 500) -> dict[str, StoredArticle]:
        """The stored articles with these ids, in full."""
        found = {}
        for start in range(0, len(ids), batch):
            with self._read() as conn:
                rows = conn.execute(select(articles).where(articles.c.id.in_(ids[start:start + batch]))).all()
            found.update((row.id, _stored(row)) for row in rows)
        return found

    def stories(self, *, limit: int = 20, offset: int = 0, since: date | None = None, until: date | None = None,
                outlet: str | None = None, q: str | None = None) -> tuple[int, list[StoryRow]]:
        """(total matching, one page) of stories, latest first. `since`/`until`: stories with an
        article dated in the range; `outlet`: with an article from it; `q`: words in a label or title."""
        conditions = []
        member = select(articles.c.story_id)
        if since is not None or until is not None or outlet:
            filters = []
            if since is not None:
                filters.append(articles.c.published >= since)
            if until is not None:
                filters.append(articles.c.published <= until)
            if outlet:
                filters.append(func.lower(articles.c.outlet) == valid_text(outlet)[0].lower())
            conditions.append(stories.c.id.in_(member.where(and_(*filters))))
        for word in valid_text(q or "")[0].split():
            pattern = f"%{_escape_like(word)}%"
            conditions.append(or_(stories.c.label.ilike(pattern, escape="\\"),
                                  stories.c.id.in_(member.where(articles.c.title.ilike(pattern, escape="\\")))))
        where = and_(True, *conditions)
        with self._read() as conn:
            total = conn.scalar(select(func.count()).select_from(stories).where(where))
            rows = conn.execute(
                select(stories).where(where)
                .order_by(stories.c.last.desc().nulls_last(), stories.c.size.desc(), stories.c.id)
                .limit(limit).offset(offset)).all()
        return total, [_story_row(r) for r in rows]

    def story(self, story_id: str) -> StoryRow | None:
        story_id = _lookup_key(story_id)
        if story_id is None:
            return None
        with self._read() as conn:
            row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
        return _story_row(row) if row else None

    def story_articles(self, story_id: str) -> list[StoredArticle]:
        """A story's articles in arrival order."""
        story_id = _lookup_key(story_id)
        if story_id is None:
            return []
        with self._read() as conn:
            rows = conn.execute(select(articles).where(articles.c.story_id == story_id).order_by(articles.c.seq)).all()
        return [_stored(r) for r in rows]

    def article_text(self, article_id: str) -> str | None:
        """The stored (cleaned) text of an article, or None when it is not stored."""
        article_id = _lookup_key(article_id)
        if article_id is None:
            return None
        with self._read() as conn:
            return conn.scalar(select(articles.c.text).where(articles.c.id == article_id))

    def article(self, article_id: str) -> StoredArticle | None:
        article_id = _lookup_key(article_id)
        if article_id is None:
            return None
        with self._read() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        return _stored(row) if row else None

    def corrections_made(self) -> int:
        """The seq of the latest correction (0: none)."""
        with self._read() as conn:
            return conn.scalar(select(func.coalesce(func.max(corrections.c.seq), 0)))

    def corrections(self, story_id: str) -> list[CorrectionRow]:
        """The corrections that made or touched a story, oldest first."""
        story_id = _lookup_key(story_id)
        if story_id is None:
            return []
        with self._read() as conn:
            rows = conn.execute(select(corrections).where(or_(corrections.c.story_id == story_id,
                                                              corrections.c.other_id == story_id))
                                .order_by(corrections.c.seq)).all()
        return [CorrectionRow(r.seq, r.kind, r.story_id, r.other_id, tuple(json.loads(r.article_ids)), r.by, r.made_at)
                for r in rows]

    def successor(self, story_id: str) -> str | None:
        """The story that now holds the articles of a story that is gone — merged into another, or
        emptied by a move — following later corrections; None for a story that still exists, or
        whose articles were deleted."""
        seen, current = set(), story_id
        while current not in seen and self.story(current) is None:
            seen.add(current)
            with self._read() as conn:
                row = conn.execute(select(corrections.c.kind, corrections.c.story_id, corrections.c.other_id).where(
                    or_(and_(corrections.c.kind == "merge", corrections.c.other_id == current),
                        and_(corrections.c.kind.in_(("move", "split")), corrections.c.story_id == current)))
                    .order_by(corrections.c.seq.desc()).limit(1)).first()
            if row is None:
                return None
            current = row.story_id if row.kind == "merge" else row.other_id
        return None if current == story_id or current in seen else current

    def is_deleted(self, article_id: str) -> bool:
        """Whether an editor deleted this article (`Writer.delete_article`)."""
        article_id = _lookup_key(article_id)
        if article_id is None:
            return False
        with self._read() as conn:
            return conn.scalar(select(exists().where(deleted_articles.c.id == article_id)))

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> tuple[int, list[StoredArticle]]:
        """Articles whose title or text holds every word of `q`, latest first."""
        conditions = []
        for word in valid_text(q)[0].split():
            pattern = f"%{_escape_like(word)}%"
            conditions.append(or_(articles.c.title.ilike(pattern, escape="\\"), articles.c.text.ilike(pattern, escape="\\")))
        where = and_(True, *conditions)
        with self._read() as conn:
            total = conn.scalar(select(func.count()).select_from(articles).where(where))
            rows = conn.execute(select(articles).where(where)
                                .order_by(articles.c.published.desc().nulls_last(), articles.c.seq.desc())
                                .limit(limit).offset(offset)).all()
        return total, [_stored(r) for r in rows]


class Writer:
    """What a write transaction can do; see `Store.write`."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def has_article(self, article_id: str) -> bool:
        return self.conn.scalar(select(exists().where(articles.c.id == article_id)))

    def last_seq(self) -> int:
        return self.conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0)))

    def articles_after(self, seq: int) -> list[StoredArticle]:
        rows = self.conn.execute(select(articles).where(articles.c.seq > seq).order_by(articles.c.seq)).all()
        return [_stored(r) for r in rows]

    def add_article(self, article: Article, seq: int, story_id: str, copy_of: str | None, label_of,
                    embedding: bytes | None = None, embedder: str | None = None, signature: bytes | None = None) -> None:
        """Insert the article and update its story's row; `label_of(articles)` names the story."""
        now = datetime.now(UTC)
        self.conn.execute(articles.insert().values(
            id=article.id, seq=seq, story_id=story_id, copy_of=copy_of, title=article.title, url=article.url,
            outlet=article.outlet, published=article.published, author=article.author,
            language=article.language, path=article.path, text=article.text, added_at=now,
            embedding=embedding, embedder=embedder if embedding is not None else None, signature=signature))
        self.refresh_story(story_id, label_of, last_seq=seq)

    def refresh_story(self, story_id: str, label_of, *, last_seq: int | None = None, corrected: bool = False) -> None:
        """Recompute a story's row from its articles (label, size, dates, outlets); drop it when it
        has none. `last_seq`: the latest article's seq (default: its articles' largest);
        `corrected`: an editor changed it — its revision moves on, so its brief is built again."""
        members = self.conn.execute(
            select(articles.c.id, articles.c.seq, articles.c.title, articles.c.outlet, articles.c.published)
            .where(articles.c.story_id == story_id).order_by(articles.c.seq)).all()
        if not members:
            self.conn.execute(stories.delete().where(stories.c.id == story_id))
            return
        labelled = [Article(m.id, "", m.title, outlet=m.outlet, published=m.published) for m in members]
        first = in_canonical_order(labelled)[0]  # its opening words label a story without a usable title
        text = self.conn.scalar(select(articles.c.text).where(articles.c.id == first.id))
        label = label_of([replace(a, text=text) if a.id == first.id else a for a in labelled])
        dates = [m.published for m in members if m.published is not None]
        values = dict(label=label, size=len(members), first=min(dates, default=None), last=max(dates, default=None),
                      outlets=json.dumps(list(dict.fromkeys(m.outlet for m in members if m.outlet))),
                      last_seq=last_seq if last_seq is not None else max(m.seq for m in members),
                      updated_at=datetime.now(UTC))
        revision = self.conn.scalar(select(stories.c.revision).where(stories.c.id == story_id))
        if revision is None:
            self.conn.execute(stories.insert().values(id=story_id, revision=int(corrected), **values))
        else:
            self.conn.execute(stories.update().where(stories.c.id == story_id)
                              .values(revision=revision + int(corrected), **values))

    # -- editors' corrections (newsbrief.stories.corrections decides; these only write) ------

    def story_members(self, story_id: str) -> list[tuple[str, str | None]]:
        """(article id, the article it copies) for a story's articles, in arrival order."""
        rows = self.conn.execute(select(articles.c.id, articles.c.copy_of).where(articles.c.story_id == story_id)
                                 .order_by(articles.c.seq)).all()
        return [(r.id, r.copy_of) for r in rows]

    def article_places(self, ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """{article id: (its story, the article it copies)} for the stored ones among `ids`."""
        rows = self.conn.execute(select(articles.c.id, articles.c.story_id, articles.c.copy_of)
                                 .where(articles.c.id.in_(ids))).all()
        return {r.id: (r.story_id, r.copy_of) for r in rows}

    def story_exists(self, story_id: str) -> bool:
        return self.conn.scalar(select(exists().where(stories.c.id == story_id)))

    def set_place(self, article_id: str, story_id: str, copy_of: str | None) -> None:
        self.conn.execute(articles.update().where(articles.c.id == article_id)
                          .values(story_id=story_id, copy_of=copy_of))

    def delete_article(self, article_id: str) -> None:
        """Remove the article and remember its id, so that a later ingest of it stores nothing."""
        self.conn.execute(articles.delete().where(articles.c.id == article_id))
        if not self.conn.scalar(select(exists().where(deleted_articles.c.id == article_id))):
            self.conn.execute(deleted_articles.insert().values(id=article_id, deleted_at=datetime.now(UTC)))

    def record_correction(self, kind: str, story_id: str, other_id: str | None, article_ids: list[str],
                          by: str | None) -> int:
        result = self.conn.execute(corrections.insert().values(
            kind=kind, story_id=story_id, other_id=other_id, article_ids=json.dumps(article_ids), by=by,
            made_at=datetime.now(UTC)))
        return result.inserted_primary_key[0]

    def corrections_made(self) -> int:
        """The seq of the latest correction (0: none) — a tracker that saw another must be rebuilt."""
        return self.conn.scalar(select(func.coalesce(func.max(corrections.c.seq), 0)))

def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # transactions are begun explicitly (see Store.write)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _stored(row) -> StoredArticle:
    article = Article(id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
                      published=row.published, path=row.path, author=row.author,
                      language=row.language)
    return StoredArticle(article, row.seq, row.story_id, row.copy_of, row.embedding, row.embedder, row.signature)


def _story_row(row) -> StoryRow:
    return StoryRow(row.id, row.label, row.size, row.first, row.last, tuple(json.loads(row.outlets)),
                    row.last_seq, row.updated_at, row.revision)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _reason(err: SQLAlchemyError) -> str:
    original = getattr(err, "orig", None) or err
    return " ".join(str(original).split())[:300]
