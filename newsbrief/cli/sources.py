"""`newsbrief sources add|import|list|remove` and `newsbrief follow`: the feeds the store follows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import warn
from newsbrief.cli.service import DB_HELP
from newsbrief.config import load_settings
from newsbrief.errors import NewsbriefError

sources_app = typer.Typer(no_args_is_help=True, help="The sources the store follows: feeds, or sites with a feed.")

Db = Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)]
Every = Annotated[Optional[int], typer.Option("--every", min=1, show_default=False,
                                              help="Minutes between two polls of these sources, set on those "
                                                   "already followed too [default: 30 for a new one].")]


class NothingDone(NewsbriefError):
    """A sources command that could do none of what it was asked (each failure was reported)."""


def _store(settings, *, existing: bool = False):
    from newsbrief.store import Store  # heavy: SQLAlchemy

    return Store(settings.db, existing=existing)


def _follow_all(urls: list[str], db: str | None, every: int | None) -> None:
    from newsbrief.ingest.fetch import Fetcher  # heavy: httpx, the follow loop and the store
    from newsbrief.service.follow import SourceError, follow_url

    settings = load_settings(db=db)
    store = _store(settings)
    added = 0
    with Fetcher(settings) as fetcher:
        for url in urls:
            try:
                source, new = follow_url(store, fetcher, url, every, default=settings.follow_every)
            except SourceError as err:
                warn(f"skipped {err}")
                continue
            added += 1
            where = "" if source.feed_url == url else f" (feed {source.feed_url})"
            if new:
                typer.echo(f"following {url}{where}: source {source.id}")
            else:
                now = f"; now every {source.every_minutes} minutes" if every is not None else ""
                typer.echo(f"already following {url}{where}: source {source.id}{now}")
    if not added:
        raise NothingDone(f"no source added: none of the {len(urls)} URLs could be followed")


@sources_app.command("add")
def add(urls: Annotated[list[str], typer.Argument(help="Feed URLs (RSS, Atom, JSON Feed), or sites whose front page names its feed.",
                                                  show_default=False, metavar="URL")],
        db: Db = None, every: Every = None) -> None:
    """Follow feeds; a site's front page is read for the feed it announces."""
    _follow_all(urls, db, every)


@sources_app.command("import")
def import_opml(opml: Annotated[Path, typer.Argument(help="An OPML subscription list (as feed readers export).", show_default=False,
                                                     metavar="FILE.opml")],
                db: Db = None, every: Every = None) -> None:
    """Follow every feed of an OPML file."""
    from newsbrief.ingest.discover import NotAFeed, read_opml  # heavy: lxml

    try:
        feeds = read_opml(opml.read_bytes())
    except NotAFeed as err:
        raise NothingDone(f"{opml}: {err}") from None
    if not feeds:
        raise NothingDone(f"{opml}: no outline with an xmlUrl: no feed to follow")
    _follow_all([url for url, _ in feeds], db, every)


@sources_app.command("list")
def list_command(db: Db = None) -> None:
    """Each source: its last fetch and status, its next fetch and the articles added from it."""
    from newsbrief.output.sources import source_line
    from newsbrief.store.sources import list_sources  # heavy: SQLAlchemy

    followed = list_sources(_store(load_settings(db=db), existing=True))
    if not followed:
        typer.echo("no sources followed: add one with `newsbrief sources add URL`")
        return
    for source in followed:
        typer.echo(source_line(source))


@sources_app.command("remove")
def remove(ids: Annotated[list[int], typer.Argument(help="Source ids, as `sources list` shows them.", show_default=False,
                                                   metavar="ID")],
           db: Db = None) -> None:
    """Stop following sources (the articles stored from them stay)."""
    from newsbrief.store.sources import remove_source  # heavy: SQLAlchemy

    store = _store(load_settings(db=db), existing=True)
    missing = [i for i in ids if not remove_source(store, i)]
    for source_id in ids:
        if source_id not in missing:
            typer.echo(f"removed source {source_id}")
    if missing:
        raise NothingDone(f"no source {', '.join(map(str, missing))}: see `newsbrief sources list`")


def follow(db: Db = None,
           once: Annotated[bool, typer.Option("--once", help="Poll every source once, now, and exit.")] = False) -> None:
    """Poll the followed sources on their schedules and store their new articles, until interrupted."""
    from newsbrief.service.follow import Follower  # heavy: httpx, feedparser, the store and the stages

    settings = load_settings(db=db)
    follower = Follower(_store(settings, existing=True), settings)
    if not once:
        typer.echo("newsbrief: following sources (Ctrl-C to stop)", err=True)
        try:
            follower.run_forever()
        finally:
            follower.stop()
        return
    try:
        report = follower.run_once(every_source=True)
    finally:
        follower.stop()
    if not report.polled and not report.busy:
        typer.echo("no sources followed: add one with `newsbrief sources add URL`")
        return
    failed = sum(p.status == "error" for p in report.polled)
    partial = sum(p.status == "partial" for p in report.polled)
    busy = f", {report.busy} being polled by another follower" if report.busy else ""
    typer.echo(f"polled {len(report.polled)} sources ({failed} failed, {partial} partial{busy}): added {report.added} "
               f"articles; {report.requests} requests, {report.bytes:,} bytes")
    if report.polled and failed == len(report.polled):
        raise NothingDone(f"every source failed: the first, {report.polled[0].source.feed_url}: {report.polled[0].error}")

