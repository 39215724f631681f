"""`newsbrief story merge|split|move` and `newsbrief article delete`: an editor's corrections of the
stored stories (`newsbrief.stories.corrections` makes them; the grouping respects them)."""

from __future__ import annotations

import getpass
from typing import Annotated, Optional

import typer

from newsbrief.cli.service import DB_HELP
from newsbrief.config import load_settings

story_app = typer.Typer(no_args_is_help=True, help="Correct the stored stories: merge, split, move articles.")
article_app = typer.Typer(no_args_is_help=True, help="Correct the stored articles: delete one.")

Db = Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)]


def _articles(done) -> str:
    return f"{len(done.articles)} article{'' if len(done.articles) == 1 else 's'}"


def _who() -> str:
    """Who made a correction from the command line: the user running it."""
    try:
        return f"cli ({getpass.getuser()})"
    except (KeyError, OSError):  # no user name for this uid (a bare container)
        return "cli"


def _store(db: str | None):
    from newsbrief.store import Store  # heavy: SQLAlchemy

    return Store(load_settings(db=db).db, existing=True)


@story_app.command("merge")
def merge(keep: Annotated[str, typer.Argument(metavar="KEEP", help="The story to keep.", show_default=False)],
          others: Annotated[list[str], typer.Argument(metavar="OTHER", help="The stories to merge into it.", show_default=False)],
          db: Db = None) -> None:
    """Merge stories into one: every article of OTHERS joins KEEP."""
    from newsbrief.stories.corrections import merge_stories  # heavy: the stories stage

    done = merge_stories(_store(db), keep, others, by=_who())
    typer.echo(f"merged {len(others)} {'story' if len(others) == 1 else 'stories'} ({_articles(done)}) into {keep}")


@story_app.command("split")
def split(story: Annotated[str, typer.Argument(metavar="STORY", help="The story to split.", show_default=False)],
          articles: Annotated[list[str], typer.Argument(metavar="ARTICLE", help="Its articles that make a story of their own.", show_default=False)],
          db: Db = None) -> None:
    """Split a story: the listed articles (and their syndicated copies) become a new story."""
    from newsbrief.stories.corrections import split_story  # heavy: the stories stage

    done = split_story(_store(db), story, articles, by=_who())
    typer.echo(f"split {_articles(done)} from story {story} into new story {done.stories[1]}")


@story_app.command("move")
def move(articles: Annotated[list[str], typer.Argument(metavar="ARTICLE", help="The articles to move.", show_default=False)],
         to: Annotated[Optional[str], typer.Option("--to", help="The story they join.", show_default=False)] = None,
         new: Annotated[bool, typer.Option("--new", help="Make them a new story of their own.")] = False,
         db: Db = None) -> None:
    """Move articles (and their syndicated copies) to another story (--to STORY) or a new one (--new)."""
    from newsbrief.stories.corrections import move_articles  # heavy: the stories stage

    if (to is None) == (not new):
        raise typer.BadParameter("give either --to STORY or --new", param_hint="--to/--new")
    done = move_articles(_store(db), articles, None if new else to, by=_who())
    typer.echo(f"moved {_articles(done)} to {'new ' if new else ''}story {done.stories[-1]}")


@article_app.command("delete")
def delete(articles: Annotated[list[str], typer.Argument(metavar="ARTICLE", help="The articles to delete.", show_default=False)],
           db: Db = None) -> None:
    """Delete articles from the store for good (all or none): ingesting them again stores nothing."""
    from newsbrief.stories.corrections import delete_articles  # heavy: the stories stage

    done = delete_articles(_store(db), articles, by=_who())
    typer.echo(f"deleted {_articles(done)} from {'story' if len(done.stories) == 1 else 'stories'} "
               f"{', '.join(done.stories)}")
