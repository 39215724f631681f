"""Articles as text or JSON: `newsbrief extract`, and the API's articles (`stored_article_to_dict`).

Text: per article, the metadata that is known as `name: value` lines, a blank line, the
cleaned text (paragraphs separated by blank lines); articles are separated by a `---` line.
JSON (schema `newsbrief.articles/1`): {"schema", "articles": [...], "rejected": [...]}, each
article with its metadata (null where unknown), word count, text and removed debris lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsbrief.model import Article, Rejected
from newsbrief.output.jsonout import rejected_to_dict

SCHEMA = "newsbrief.articles/1"
HEADER_FIELDS = ("title", "outlet", "url", "author", "published", "language")


def articles_to_text(articles: Sequence[Article]) -> str:
    return "\n---\n\n".join(_article_text(article) for article in articles)


def articles_to_json(articles: Sequence[Article], rejected: Sequence[Rejected] = ()) -> str:
    document = {
        "schema": SCHEMA,
        "articles": [article_record(article) for article in articles],
        "rejected": [rejected_to_dict(r) for r in rejected],
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


def stored_article_to_dict(stored, *, text: bool, q: str = "") -> dict:
    """A stored article (`store.StoredArticle`) for the API: the record above with its story and the
    article it copies; with `text=False` (a search result) a snippet around the words of `q`
    instead of the text."""
    record = {**article_record(stored.article), "story_id": stored.story_id, "copy_of": stored.copy_of}
    if not text:
        del record["text"]
        record["snippet"] = snippet(stored.article.text, q)
    return record


def snippet(text: str, q: str, width: int = 200) -> str:
    """About `width` characters of `text` around the first of the words of `q` it holds."""
    words = q.split()
    at = min((i for i in (text.lower().find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _article_text(article: Article) -> str:
    header = [f"{name}: {_value(getattr(article, name))}" for name in HEADER_FIELDS if getattr(article, name)]
    header.append(f"source: {article.id}")
    return "\n".join(header) + "\n\n" + article.text.strip() + "\n"


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
