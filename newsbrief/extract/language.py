"""Which language an article is in, from its text (py3langid), only when the text says so clearly.

A short or mixed text gets no label (None, "unknown"): the pipeline keeps unknown-language
articles and skips only those confidently detected as another language than the ones it briefs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from newsbrief.model import Article, Rejected

MIN_WORDS = 8  # fewer words than this: too little text to tell
MIN_CONFIDENCE = 0.9  # py3langid's normalised probability of its best guess
SAMPLE_CHARS = 1500  # the start of the text is enough, and keeps long articles fast
LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian"}


def detect_language(text: str) -> str | None:
    """The ISO 639 code of `text`'s language ('en', 'de' ...), or None when unsure."""
    if len(text.split(None, MIN_WORDS)) < MIN_WORDS:
        return None
    language, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return language if confidence >= MIN_CONFIDENCE else None


def label_language(article: Article) -> Article:
    """The article with `language` set from its text, unless it already has one."""
    if article.language:
        return article
    language = detect_language(article.text)
    return replace(article, language=language) if language else article


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
