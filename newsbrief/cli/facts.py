"""`newsbrief facts`: the figures, disagreements, quotes, names and dates of a story, with their sources."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import emit, warn
from newsbrief.config import load_settings


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
    from newsbrief.cli.inputs import usable_articles  # heavy: numpy and every stage; `--help` stays fast
    from newsbrief.facts import extract_facts
    from newsbrief.output.jsonout import facts_document
    from newsbrief.output.markdown import facts_document_markdown
    from newsbrief.pipeline import prepare, source_list

    settings = load_settings(max_file_bytes=max_file_bytes)
    articles, rejected = usable_articles(inputs, settings)
    doc = prepare(articles, settings.with_overrides(languages=""), rejected, cleaned=True)
    found = extract_facts(doc, settings)
    for note in found.notes:
        warn(note)
    articles, sources = list(doc.articles), list(source_list(doc.articles))
    if output_format is FactsFormat.json:
        text = json.dumps(facts_document(found, sources, articles, rejected), ensure_ascii=False, indent=2) + "\n"
    else:
        text = facts_document_markdown(found, sources, articles, rejected)
    emit(text, output)
