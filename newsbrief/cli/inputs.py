"""What every reading command does first: read the inputs, clean them, say what was skipped.

One preamble and one error for "nothing usable": the reason when one input was given, else
how many failed and the first (`pipeline.nothing_message`), exit status 1.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.cli.console import warn
from newsbrief.config import Settings
from newsbrief.errors import NothingToSummarize
from newsbrief.ingest import read_inputs
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import clean_articles, nothing_message


def usable_articles(inputs: Sequence[str], settings: Settings) -> tuple[list[Article], list[Rejected]]:
    """The cleaned articles of `inputs` and the inputs skipped (each already warned about);
    NothingToSummarize when no article is left."""
    articles, rejected = read_inputs(list(inputs), settings)
    articles, rejected = clean_articles(articles, list(rejected))
    require_some(articles, rejected)
    for item in rejected:
        warn(f"skipped {item}")
    return articles, rejected


def require_some(usable: Sequence, rejected: Sequence[Rejected]) -> None:
    """NothingToSummarize, with why, when nothing of the input can be used."""
    if not usable:
        raise NothingToSummarize(nothing_message(rejected))
