"""`newsbrief facts`: the figures, disagreements, quotes, names and dates of a story, with their sources."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class FactsFormat(str, Enum):
    md = "md"
    json = "json"


def facts(
    inputs: Annotated[list[str], typer.Argument(help="Article files and/or folders (read recursively), about one story.",
                                                show_default=False)],
    output_format: Annotated[FactsFormat, typer.Option("--format", "-f", help="Markdown or JSON (schema newsbrief.facts/1).")] = FactsFormat.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    max_file_bytes: Annotated[Optional[int], typer.Option("--max-file-bytes", min=1, help="Refuse plain-text/JSON files larger than this [default: 10000000].")] = None,
) -> None:
    """List every figure with its source, the disagreements, quotes, names and the timeline of a story."""
    from newsbrief.output.console import emit, warn
    from newsbrief.config import load_settings
    from newsbrief.errors import NothingToSummarize
    from newsbrief.facts.extract import extract_facts
    from newsbrief.ingest.files import read_inputs
    from newsbrief.model import Source
    from newsbrief.pipeline import nothing_message, clean_articles

    settings = load_settings(max_file_bytes=max_file_bytes)
    articles, rejected = read_inputs(inputs, settings)
    articles, rejected = clean_articles(articles, list(rejected))
    if not articles:
        raise NothingToSummarize(nothing_message(rejected))
    for item in rejected:
        warn(f"skipped {item}")
    found = extract_facts(articles, settings)
    for note in found.notes:
        warn(note)
    sources = [Source(number=n, article_id=a.id, path=a.path, outlet=a.outlet, title=a.title, url=a.url,
                      published=a.published, words=len(a.text.split()))
               for n, a in enumerate(articles, start=1)]
    if output_format is FactsFormat.json:
        from newsbrief.output.facts_json import facts_document

        text = json.dumps(facts_document(found, sources, articles, rejected), ensure_ascii=False, indent=2) + "\n"
    else:
        from newsbrief.output.facts_markdown import facts_document_markdown

        text = facts_document_markdown(found, sources, articles, rejected)
    emit(text, output)
