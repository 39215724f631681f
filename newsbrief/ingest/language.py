"""Which language an article is in, from its text (py3langid), only when the text says so clearly.

Every article read (`files`) or posted (`newsbrief.service.ingest`) is labelled here, once,
unless its record or page states a language. A short or mixed text gets no label (None,
"unknown"); which languages are briefed is decided when cleaning (`newsbrief.clean.language`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from newsbrief.model import Article

MIN_WORDS = 8  # fewer words than this: too little text to tell
MIN_CONFIDENCE = 0.9  # py3langid's normalised probability of its best guess
SAMPLE_CHARS = 1500  # the start of the text is enough, and keeps long articles fast


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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # heavy: py3langid's model, loaded once

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
