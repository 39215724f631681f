"""`extract_facts(doc, settings) -> Facts`: the facts of a story's prepared Document, in one call.

1. find the names of each cleaned article (spaCy NER, one batch);
2. read each article's sentences in order (`reading`): quotations, who says what;
3. collect figures, quotes and dated sentences, and merge them across articles;
4. compare figures (`disagreements`), merge names into entities (`entities`) and keep the
   places a reader could find on a map (`places`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.config import Settings
from newsbrief.facts.disagreements import find_disagreements
from newsbrief.facts.entities import NameSpan, find_names, merge_entities
from newsbrief.facts.figures import figures_of, mark_background, merge_figures, merge_mentions
from newsbrief.facts.places import confirmed_places
from newsbrief.facts.reading import read_article
from newsbrief.facts.relevance import mark_aside_events, mark_asides, story_vector
from newsbrief.facts.timeline import build_timeline, events_of
from newsbrief.facts.wordclass import mark_labels_without_noun
from newsbrief.model import Document, Sentence
from newsbrief.model.facts import Facts, Quote


def extract_facts(doc: Document, settings: Settings | None = None) -> Facts:
    """Figures, disagreements, quotes, names and the timeline of a story's Document (`pipeline.prepare`)."""
    settings = settings or Settings()
    cleaned = [a for a in doc.articles if a.text.strip()]
    names, note = find_names([a.text for a in cleaned], settings.entity_model)
    names = [_outside_furniture(spans, doc.sentences_of(a.id)) for a, spans in zip(cleaned, names)]
    figures, quotes, events = [], [], []
    for article, article_names in zip(cleaned, names):
        reading = read_article(article, doc.sentences_of(article.id), article_names)
        figures.extend(figures_of(reading))
        quotes.extend(quote for _, quote in reading.quotes)
        events.extend(events_of(reading))
    figures = mark_labels_without_noun(merge_figures(figures), settings.entity_model)
    figures = mark_background(figures, min((a.published for a in cleaned if a.published), default=None))
    relevant = cleaned and (settings.facts_aside_similarity > 0 or settings.facts_background_similarity > 0)
    story = story_vector(cleaned) if relevant else None  # one embedding of the story for both relevance tests
    figures = mark_asides(figures, cleaned, settings.facts_aside_similarity, story)
    published = {a.id: a.published for a in cleaned}
    return Facts(
        figures=tuple(figures),
        disagreements=find_disagreements(figures, published, settings.facts_tolerance, settings.facts_same_time_days),
        quotes=tuple(merge_quotes(quotes)),
        entities=tuple(confirmed_places(merge_entities([a.id for a in cleaned], names), [a.text for a in cleaned])),
        timeline=mark_aside_events(build_timeline(events, doc), cleaned, settings.facts_background_similarity, story),
        notes=(note,) if note else (),
    )


def _outside_furniture(names: list[NameSpan], sentences: Sequence[Sentence]) -> list[NameSpan]:
    """The names that are not in page furniture: a photo credit's agency or a slideshow's title is
    no one the story is about (read on the review set: "People: Getty", "Organisations: Between
    Hope and Fear")."""
    furniture = [(s.start, s.end) for s in sentences if s.furniture]
    return [n for n in names if not any(start <= n.start < end for start, end in furniture)]


def merge_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """One Quote per quotation and speaker: the same words carried by several articles are merged,
    whatever their apostrophes, quotation marks or final stop ("can’t" and "can't" are one quote)."""
    return merge_mentions(quotes, lambda q: (_words_only(q.text), (q.speaker or "").lower()))


def _words_only(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower().replace("’", "'").replace("'", "")).split())
