"""The `newsbrief` command line: the only package that imports typer. The commands that read
articles and then work on them (`extract`, `facts`, `stories`) read through
`inputs.usable_articles`; errors become one line on stderr and a non-zero exit."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief import __version__
from newsbrief.cli.console import emit, show_logged_warnings, warn
from newsbrief.cli.corrections import article_app, story_app
from newsbrief.cli.digest import digest as digest_command
from newsbrief.cli.evaluate import evaluate_app
from newsbrief.cli.extract import extract as extract_command
from newsbrief.cli.facts import facts as facts_command
from newsbrief.cli.keys import keys_app
from newsbrief.cli.service import ingest as ingest_command, serve as serve_command
from newsbrief.cli.sources import follow as follow_command, sources_app
from newsbrief.cli.stories import stories as stories_command
from newsbrief.config import MAX_WORDS, METHODS, load_settings
from newsbrief.errors import NewsbriefError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Short, faithful, attributed briefs from many news articles about one story.",
)


app.add_typer(evaluate_app, name="evaluate")
app.add_typer(story_app, name="story")
app.add_typer(article_app, name="article")
app.command("facts")(facts_command)
app.command("extract")(extract_command)
app.command("stories")(stories_command)
app.command("digest")(digest_command)
app.command("ingest")(ingest_command)
app.command("serve")(serve_command)
app.add_typer(keys_app, name="keys")
app.add_typer(sources_app, name="sources")
app.command("follow")(follow_command)


class OutputFormat(str, Enum):
    md = "md"
    json = "json"


Method = Enum("Method", {name: name for name in METHODS}, type=str)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsbrief {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """Short, faithful, attributed briefs from many news articles about one story."""


@app.command()
def brief(
    inputs: Annotated[list[str], typer.Argument(help="Article files (text, JSON/JSONL, HTML pages, RSS/Atom feeds, WARC archives; gzip'ed or not) and/or folders (read recursively).",
                                                show_default=False)],
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=1, max=MAX_WORDS, help="Word budget of the brief [default: 120].")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Markdown or JSON (schema newsbrief.brief/1).")] = OutputFormat.md,
    method: Annotated[Optional[Method], typer.Option("--method", "-m", help="Summarizer [default: learned].")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Also list the debris lines removed from each article, and why.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    max_file_bytes: Annotated[Optional[int], typer.Option("--max-file-bytes", min=1, help="Refuse text/JSON/HTML/feed files (and WARC pages) larger than this [default: 10000000].")] = None,
    fields: Annotated[Optional[str], typer.Option("--fields", help="JSON/JSONL field names as role=name pairs, e.g. text=maintext,outlet=source.name.")] = None,
    facts: Annotated[Optional[bool], typer.Option("--facts/--no-facts", help="Add (or leave out) the key figures, disagreements, quotes, names and timeline [default: add].")] = None,
) -> None:
    """Summarize articles about one story into a brief whose every sentence cites its sources."""
    from newsbrief.output.jsonout import brief_to_json  # heavy: numpy and every stage; `newsbrief --help` stays fast
    from newsbrief.output.markdown import brief_to_markdown
    from newsbrief.pipeline import brief_from_inputs

    settings = load_settings(words=words, method=method.value if method else None, max_file_bytes=max_file_bytes,
                             fields=fields, facts=facts)
    result = brief_from_inputs(inputs, settings)
    for rejected in result.rejected:
        warn(f"skipped {rejected}")
    for note in result.facts.notes if result.facts else ():
        warn(note)
    text = brief_to_json(result) + "\n" if output_format is OutputFormat.json else brief_to_markdown(result, explain)
    emit(text, output)


def main() -> None:
    """Entry point: Click reports usage errors itself (exit 2); every other failure is one line."""
    show_logged_warnings()
    try:
        app()
    except NewsbriefError as err:
        typer.echo(f"newsbrief: error: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        typer.echo("newsbrief: interrupted", err=True)
        sys.exit(130)
    except OSError as err:
        name = f"{err.filename}: " if err.filename else ""
        typer.echo(f"newsbrief: error: {name}{err.strerror or err}", err=True)
        sys.exit(1)
    except Exception as err:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        if os.environ.get("NEWSBRIEF_DEBUG"):
            raise
        typer.echo(f"newsbrief: internal error: {type(err).__name__}: {err} (set NEWSBRIEF_DEBUG=1 for details)", err=True)
        sys.exit(70)
