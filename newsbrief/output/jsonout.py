"""The brief as JSON, following the versioned schema in `newsbrief/schema/brief-1.json`."""

from __future__ import annotations

import json

from newsbrief.model import Brief, Source

SCHEMA_VERSION = "newsbrief.brief/1"


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
        "sources": [_source_to_dict(s, removed.get(s.article_id, ())) for s in brief.sources],
        "rejected": [{"source": r.source, "stage": r.stage, "reason": r.reason} for r in brief.rejected],
        "settings": brief.settings,
        **_facts_entry(brief, number),
    }


def _facts_entry(brief: Brief, number: dict) -> dict:
    """{"facts": {...}} when the brief carries facts (optional in schema version 1), else nothing."""
    if brief.facts is None:
        return {}
    from newsbrief.output.facts_json import facts_to_dict

    return {"facts": facts_to_dict(brief.facts, number)}


def _source_to_dict(source: Source, removed) -> dict:
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
