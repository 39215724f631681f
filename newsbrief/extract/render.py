"""Extracted articles as text or JSON, for `newsbrief extract`.

Text: per article, the metadata that is known as `name: value` lines, a blank line, the
cleaned text (paragraphs separated by blank lines); articles are separated by a `---` line.
JSON (schema `newsbrief.articles/1`): {"schema", "articles": [...], "rejected": [...]}, each
article with its metadata (null where unknown), word count, text and removed debris lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsbrief.model import Article, Rejected

SCHEMA = "newsbrief.articles/1"
HEADER_FIELDS = ("title", "outlet", "url", "author", "published", "language")


def articles_to_text(articles: Sequence[Article]) -> str:
    return "\n---\n\n".join(_article_text(article) for article in articles)


def articles_to_json(articles: Sequence[Article], rejected: Sequence[Rejected] = ()) -> str:
    document = {
        "schema": SCHEMA,
        "articles": [article_record(article) for article in articles],
        "rejected": [{"source": r.source, "stage": r.stage, "reason": r.reason} for r in rejected],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def article_record(article: Article) -> dict:
    """One article as a JSON-ready dict."""
    return {
        "id": article.id,
        "path": article.path,
        **{name: _value(getattr(article, name)) for name in HEADER_FIELDS},
        "words": len(article.text.split()),
        "text": article.text,
        "removed": [{"line": r.line_no, "text": r.text, "reason": r.reason} for r in article.removed],
    }


def _article_text(article: Article) -> str:
    header = [f"{name}: {_value(getattr(article, name))}" for name in HEADER_FIELDS if getattr(article, name)]
    header.append(f"source: {article.id}")
    return "\n".join(header) + "\n\n" + article.text.strip() + "\n"


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
