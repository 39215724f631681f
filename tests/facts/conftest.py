"""Fixtures for the facts tests: the bundled example articles (cleaned), with and without dates,
and a small builder for figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsbrief.config import Settings
from newsbrief.facts import extract_facts
from newsbrief.model.facts import Attribution, Figure, Mention
from newsbrief.ingest.files import read_inputs
from newsbrief.pipeline import clean_articles

from tests.conftest import document

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "examples" / "aleppo"
# ../shared/seeds/README.md: the FOX43 copy is dated 2016-12-12, the Graphic Online one late November 2016
# (the day below only orders the two; the month is the README's).
SEED_DATES = {"000_e1b7ed9de78f1bf9.txt": date(2016, 12, 12), "001_667ba82b30327c78.txt": date(2016, 11, 28)}


@pytest.fixture(scope="session")
def example_articles():
    articles, _ = read_inputs([EXAMPLE_DIR], Settings())
    cleaned, _ = clean_articles(articles, [])
    return cleaned


@pytest.fixture(scope="session")
def dated_articles(example_articles):
    return [replace(a, published=SEED_DATES[Path(a.path).name]) for a in example_articles]


@pytest.fixture(scope="session")
def example_facts(example_articles):
    return extract_facts(document(example_articles, cleaned=False), Settings())


@pytest.fixture(scope="session")
def dated_facts(dated_articles):
    return extract_facts(document(dated_articles, cleaned=False), Settings())


def article_named(articles, name: str):
    return next(a for a in articles if Path(a.path).name.startswith(name))


def figures_with(facts, text: str) -> list[Figure]:
    return [f for f in facts.figures if f.text == text]


@pytest.fixture
def figure():
    """figure(value, noun=, event=, source=, article=, qualifier=, ...) builds a Figure."""
    return make_figure


def make_figure(value: float, noun: str | None = "people", event: str | None = "fled", source: str | None = None,
                article: str = "a", qualifier: str | None = None, high: float | None = None,
                sentence: str | None = None, **extra) -> Figure:
    """A figure as `extract_facts` would make it, for the comparison tests (each in its own sentence)."""
    sentence = sentence or f"Civilians left eastern Aleppo as government forces advanced: {value:g} of them."
    return Figure(
        text=f"{qualifier + ' ' if qualifier else ''}{value:g}", value=value, high=high, qualifier=qualifier,
        unit=extra.pop("unit", None), noun=noun, event=event,
        source=Attribution(source, f"{source} said") if source else None, sentence=sentence,
        mentions=(Mention(article, 0, 1),), **extra,
    )
