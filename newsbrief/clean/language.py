"""Which articles are briefed: those in the configured languages, or of unknown language.

The scorers and debris rules are English; an article confidently labelled as another language
(`newsbrief.ingest.language`) is skipped with a Rejected that says which language it is in.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.model import Article, Rejected

LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian"}


def in_languages(articles: Sequence[Article], languages: str) -> tuple[list[Article], list[Rejected]]:
    """The articles in one of `languages` (comma-separated codes; empty: any) or of unknown
    language, and a Rejected for each of the others, saying which language it is in."""
    wanted = [code.strip().lower() for code in languages.split(",") if code.strip()]
    kept, skipped = [], []
    for article in articles:
        if not wanted or not article.language or article.language.lower() in wanted:
            kept.append(article)
        else:
            reason = f"language {article.language!r} (newsbrief briefs {_names(wanted)} articles; see the languages setting)"
            skipped.append(Rejected(_source(article), "language", reason))
    return kept, skipped


def _names(codes: list[str]) -> str:
    return " and ".join(LANGUAGE_NAMES.get(code, repr(code)) for code in codes)


def _source(article: Article) -> str:
    """The article's file, and its id where that does not already name the file."""
    if not article.path or article.id.startswith(article.path):
        return article.id
    return f"{article.path} (id {article.id})"
