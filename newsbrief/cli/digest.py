"""`newsbrief digest`: what changed in the store since a date, as a newsletter-ready HTML page or Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import emit
from newsbrief.cli.service import DB_HELP
from newsbrief.cli.stories import parse_day, stored_stories
from newsbrief.config import MAX_WORDS, load_settings
from newsbrief.errors import SettingsError


def digest(
    since: Annotated[str, typer.Option("--since", help="The date (YYYY-MM-DD) of the last digest: what was published after it.", show_default=False)],
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="html (one self-contained page) or md.")] = "html",
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many stories, the latest first.")] = 50,
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=1, max=MAX_WORDS, help="Word budget of each brief [default: 120].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
) -> None:
    """A digest of the store since a date: the new stories with their briefs, the updated ones
    with what is new in them."""
    from newsbrief.output.digest import digest_to_html, digest_to_markdown  # heavy: every stage; `--help` stays fast
    from newsbrief.pipeline import update_brief, with_brief

    if output_format not in ("html", "md"):
        raise SettingsError(f"--format must be html or md, got {output_format!r}")
    since_day = parse_day(since)
    settings = load_settings(db=db, words=words, facts=False)  # a newsletter carries the briefs, not the fact lists
    found = stored_stories(settings, since_day, 1, limit, brief=False)  # each story's brief is one of two kinds:
    is_new = [s.first_published is not None and s.first_published > since_day for s in found]
    new = [with_brief(s, settings, cleaned=True) for s, fresh in zip(found, is_new) if fresh]  # the whole story's
    updated = [(s, update_brief(s, since_day, settings, cleaned=True)) for s, fresh in zip(found, is_new) if not fresh]
    render = digest_to_html if output_format == "html" else digest_to_markdown
    emit(render(new, updated, since_day), output)
