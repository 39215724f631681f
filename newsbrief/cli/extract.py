"""`newsbrief extract`: the clean article text and metadata of pages, feeds, archives and files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import emit
from newsbrief.config import load_settings


class ExtractFormat(str, Enum):
    txt = "txt"
    json = "json"


def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="HTML pages, RSS/Atom feeds, WARC archives, text/JSON/JSONL files (gzip'ed or not) and/or folders.",
        show_default=False)],
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Text (metadata lines, then the text) or JSON (schema newsbrief.articles/1).")] = ExtractFormat.txt,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    fields: Annotated[Optional[str], typer.Option("--fields", help="JSON/JSONL field names as role=name pairs, e.g. text=maintext,outlet=source.name.")] = None,
    max_file_bytes: Annotated[Optional[int], typer.Option("--max-file-bytes", min=1, help="Refuse files (and WARC pages) larger than this [default: 10000000].")] = None,
) -> None:
    """Print each article's clean text and metadata (title, outlet, URL, author, date, language)."""
    from newsbrief.cli.inputs import usable_articles  # heavy: lxml and every stage; `--help` stays fast
    from newsbrief.output.articles import articles_to_json, articles_to_text

    settings = load_settings(fields=fields, max_file_bytes=max_file_bytes)
    articles, rejected = usable_articles(inputs, settings)
    text = articles_to_json(articles, rejected) if output_format is ExtractFormat.json else articles_to_text(articles)
    emit(text, output)

