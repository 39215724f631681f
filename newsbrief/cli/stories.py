"""`newsbrief stories`: find the stories in a pile of articles and brief each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import emit, status
from newsbrief.config import MAX_WORDS, load_settings
from newsbrief.errors import SettingsError


def stories(
    inputs: Annotated[list[str], typer.Argument(help="Article files and/or folders (read recursively).", show_default=False)],
    since: Annotated[Optional[str], typer.Option("--since", help="Only stories with an article after this date (YYYY-MM-DD), each with what is new since then.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="md or json (schema newsbrief.stories/1).")] = "md",
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Hide stories with fewer articles (2 hides singletons).")] = 1,
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=1, max=MAX_WORDS, help="Word budget of each brief [default: 120].")] = None,
    no_briefs: Annotated[bool, typer.Option("--no-briefs", help="List the stories without briefing them (faster).")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
) -> None:
    """Group articles into stories (syndicated copies collapsed) and brief each story."""
    from newsbrief.cli.inputs import usable_articles  # heavy: numpy and every stage; `--help` stays fast
    from newsbrief.output.stories import stories_to_json, stories_to_markdown
    from newsbrief.pipeline import brief_stories, update_brief

    if output_format not in ("md", "json"):
        raise SettingsError(f"--format must be md or json, got {output_format!r}")
    since_day = _parse_day(since) if since else None
    settings = load_settings(words=words)
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


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"--since must be a date like 2016-12-05, got {value!r}") from None
