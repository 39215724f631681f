"""The brief (schema `newsbrief/schema/brief-1.json`) and the facts document of `newsbrief facts`
(`facts-1.json`) as JSON."""

from __future__ import annotations

import json

from newsbrief.model import Article, Brief, Facts, Rejected, Source
from newsbrief.output.facts_json import facts_to_dict

SCHEMA_VERSION = "newsbrief.brief/1"
FACTS_SCHEMA_VERSION = "newsbrief.facts/1"


def brief_to_dict(brief: Brief) -> dict:
    number = {s.article_id: s.number for s in brief.sources}
    removed = {a.id: a.removed for a in brief.articles}
    return {
        "schema": SCHEMA_VERSION,
        "title": brief.title,
        "words": brief.words,
        "sentences": [
            {
                "text": s.text,
                "sources": [
                    {"source": number[span.article_id], "article_id": span.article_id,
                     "start": span.start, "end": span.end}
                    for span in s.sources
                ],
                "score": round(s.score, 6),
            }
            for s in brief.sentences
        ],
        "sources": [source_to_dict(s, removed.get(s.article_id, ())) for s in brief.sources],
        "rejected": [rejected_to_dict(r) for r in brief.rejected],
        "settings": brief.settings,
        **_facts_entry(brief, number),
    }


def _facts_entry(brief: Brief, number: dict) -> dict:
    """{"facts": {...}} when the brief carries facts (optional in schema version 1), else nothing."""
    return {} if brief.facts is None else {"facts": facts_to_dict(brief.facts, number)}


def facts_document(facts: Facts, sources: list[Source], articles: list[Article], rejected: list[Rejected]) -> dict:
    """The output of `newsbrief facts --format json` (schema `newsbrief/schema/facts-1.json`)."""
    numbers = {s.article_id: s.number for s in sources}
    removed = {a.id: a.removed for a in articles}
    return {
        "schema": FACTS_SCHEMA_VERSION,
        "facts": facts_to_dict(facts, numbers),
        "sources": [source_to_dict(s, removed.get(s.article_id, ())) for s in sources],
        "rejected": [rejected_to_dict(r) for r in rejected],
    }


def rejected_to_dict(rejected: Rejected) -> dict:
    return {"source": rejected.source, "stage": rejected.stage, "reason": rejected.reason}


def source_to_dict(source: Source, removed) -> dict:
    return {
        "number": source.number,
        "id": source.article_id,
        "path": source.path,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "words": source.words,
        "also_published_by": list(source.also_published_by),
        "removed": [{"line": r.line_no, "text": r.text, "reason": r.reason} for r in removed],
    }


def brief_to_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)
