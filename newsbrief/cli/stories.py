"""`newsbrief stories`: find the stories in a pile of articles and brief each, or list the store's (`--db`)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import emit, status
from newsbrief.cli.engines import ENGINE_HELP, RAY_ADDRESS_HELP, WORKERS_HELP, check_engine
from newsbrief.config import MAX_WORDS, Settings, load_settings
from newsbrief.errors import SettingsError


def stories(
    inputs: Annotated[Optional[list[str]], typer.Argument(help="Article files and/or folders (read recursively); none with --db.", show_default=False)] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="List the stories of this store (sqlite:///PATH, a file path or postgresql://...), latest first, instead of grouping INPUTS.", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="With --db: at most this many stories.")] = 20,
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories with an article after this date (YYYY-MM-DD), each with what is new since then.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="md or json (schema newsbrief.stories/1).")] = "md",
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Hide stories with fewer articles (2 hides singletons).")] = 1,
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=1, max=MAX_WORDS, help="Word budget of each brief [default: 120].")] = None,
    no_briefs: Annotated[bool, typer.Option("--no-briefs", help="List the stories without briefing them (faster).")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    engine: Annotated[str, typer.Option("--engine", help=ENGINE_HELP)] = "local",
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help=RAY_ADDRESS_HELP, show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help=WORKERS_HELP, show_default=False)] = None,
) -> None:
    """Group articles into stories (syndicated copies collapsed) and brief each story; or, with
    --db, brief the stories of the store, latest first."""
    from newsbrief.cli.inputs import usable_articles  # heavy: numpy and every stage; `--help` stays fast
    from newsbrief.output.stories import stories_to_json, stories_to_markdown
    from newsbrief.pipeline import brief_stories, update_brief

    if output_format not in ("md", "json"):
        raise SettingsError(f"--format must be md or json, got {output_format!r}")
    if bool(inputs) == (db is not None):
        raise SettingsError("give article files and folders to group, or --db URL for the store's stories (not both)")
    check_engine(engine, ray_address, workers)
    if engine == "ray" and db is not None:
        raise SettingsError("--engine ray groups INPUTS; the stories of --db are listed by the local engine")
    since_day = parse_day(since) if since else None
    settings = load_settings(words=words, db=db)
    if db is not None:
        found = stored_stories(settings, since_day, min_articles, limit, brief=not no_briefs)
    elif engine == "ray":
        from newsbrief.cli.scaled import ray_stories  # optional and heavy: Ray (the `ray` extra)

        found = ray_stories(inputs, settings, brief=not no_briefs, address=ray_address, workers=workers)
    else:
        articles, _ = usable_articles(inputs, settings)
        with status() as say:
            found = brief_stories(articles, settings, brief=not no_briefs, cleaned=True, progress=say)
    found = [s for s in found if len(s.articles) >= min_articles]
    updates = None
    if since_day is not None:
        found = [s for s in found if s.last_published is None or s.last_published > since_day]
        updates = {s.id: update_brief(s, since_day, settings, cleaned=True) for s in found} if not no_briefs else {}
    text = (stories_to_json(found, updates, since_day) + "\n" if output_format == "json"
            else stories_to_markdown(found, updates, since_day))
    emit(text, output)


def stored_stories(settings: Settings, since: date | None, min_articles: int, limit: int, *,
                   brief: bool = True) -> list:
    """The store's latest stories (`since`: with an article published after that day) of at least
    `min_articles` articles, at most `limit`, each built from its stored articles."""
    from newsbrief.service.briefs import stored_story  # heavy: SQLAlchemy and every stage
    from newsbrief.store import Store

    store = Store(settings.db, existing=True)  # it only reads: a mistyped --db is an error, not an empty store
    after = since + timedelta(days=1) if since else None  # the store's `since` counts the day itself
    found, offset = [], 0
    with status() as say:
        while len(found) < limit:
            _, rows = store.stories(limit=100, offset=offset, since=after)
            if not rows:
                break
            offset += len(rows)
            for row in (r for r in rows if r.size >= min_articles):
                if len(found) < limit:
                    say(f"briefing story {len(found) + 1:,} of at most {limit:,}")
                    found.append(stored_story(store, row.id, settings, brief=brief))
    return found


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"--since must be a date like 2016-12-05, got {value!r}") from None
