"""The facts of a story as JSON: the `facts` object of `newsbrief.brief/1` and `newsbrief.facts/1`
(the documents themselves are `jsonout`'s).

Offsets (`start`, `end`) are character offsets into the source's cleaned text, as for the
brief's sentences; `source` is the number of the entry in `sources`. A disagreement lists
its figures by their index in `figures`.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsbrief.model import Facts, Figure, Mention


def facts_to_dict(facts: Facts, numbers: Mapping[str, int]) -> dict:
    """`facts` as plain JSON data; `numbers` maps article ids to their source numbers."""
    index = {id(f): i for i, f in enumerate(facts.figures)}
    return {
        "figures": [_figure(f, numbers) for f in facts.figures],
        "disagreements": [
            {"kind": d.kind, "counts": d.counts, "figures": [index[id(f)] for f in d.figures if id(f) in index],
             "dates": [day.isoformat() if day else None for day in (d.dates or (None,) * len(d.figures))]}
            for d in facts.disagreements
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "role": q.role, "phrase": q.phrase,
             "mentions": _mentions(q.mentions, numbers)}
            for q in facts.quotes
        ],
        "entities": [
            {"name": e.name, "kind": e.kind, "spellings": list(e.spellings), "mentions": e.mentions,
             "sources": sorted({numbers[a] for a in e.articles if a in numbers})}
            for e in facts.entities
        ],
        "timeline": [
            {"date": e.date.isoformat() if e.date else None, "precision": e.precision, "when": e.when,
             "text": e.text, "mentions": _mentions(e.mentions, numbers)}
            for e in facts.timeline
        ],
        "notes": list(facts.notes),
    }


def _figure(figure: Figure, numbers) -> dict:
    source = figure.source
    return {
        "text": figure.text,
        "value": figure.value,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "counts": figure.counts,
        "noun": figure.noun,
        "event": figure.event,
        "vague": figure.vague,
        "increment": figure.increment,
        "source": {"name": source.name, "phrase": source.phrase, "role": source.role, "also": list(source.also)}
        if source else None,
        "when": figure.when,
        "date": figure.date.isoformat() if figure.date else None,
        "sentence": figure.sentence,
        "mentions": _mentions(figure.mentions, numbers),
    }


def _mentions(mentions: tuple[Mention, ...], numbers) -> list[dict]:
    return [{"source": numbers[m.article_id], "article_id": m.article_id, "start": m.start, "end": m.end}
            for m in mentions if m.article_id in numbers]
