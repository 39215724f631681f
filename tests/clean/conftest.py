"""The two Aleppo seed articles (shipped in examples/aleppo) and what the cleaner makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.clean.article import clean_article
from newsbrief.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "aleppo"
FOX43 = EXAMPLES / "000_e1b7ed9de78f1bf9.txt"
GRAPHIC = EXAMPLES / "001_667ba82b30327c78.txt"


def paragraphs(path: Path) -> list[str]:
    """Non-blank lines of a seed, whitespace collapsed (NBSP included)."""
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cleaned(path: Path) -> Article:
    return clean_article(Article(id=path.name, text=path.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def fox43() -> Article:
    return cleaned(FOX43)


@pytest.fixture(scope="session")
def graphic() -> Article:
    return cleaned(GRAPHIC)
