"""`extract_facts(articles, settings) -> Facts`: the facts of a story, in one call.

1. clean each article (if it is not cleaned yet) and find its names (spaCy NER, one batch);
2. read each article in order (`reading`): sentences, quotations, who says what;
3. collect figures, quotes and dated sentences, and merge them across articles;
4. compare figures (`disagreements`) and merge names into entities (`entities`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.clean.article import clean_article
from newsbrief.config import Settings
from newsbrief.facts.disagreements import find_disagreements
from newsbrief.facts.entities import find_names, merge_entities
from newsbrief.facts.figures import figures_of, merge_figures
from newsbrief.facts.model import Facts, Quote, merge_mentions
from newsbrief.facts.reading import read_article
from newsbrief.facts.timeline import build_timeline, events_of
from newsbrief.model import Article


def extract_facts(articles: Sequence[Article], settings: Settings | None = None) -> Facts:
    """Figures, disagreements, quotes, names and the timeline of a story's articles."""
    settings = settings or Settings()
    cleaned = [a if a.cleaned else clean_article(a) for a in articles]
    cleaned = [a for a in cleaned if a.text.strip()]
    names, note = find_names([a.text for a in cleaned], settings.entity_model)
    figures, quotes, events = [], [], []
    for article, article_names in zip(cleaned, names):
        reading = read_article(article, article_names)
        figures.extend(figures_of(reading))
        quotes.extend(quote for _, quote in reading.quotes)
        events.extend(events_of(reading))
    figures = merge_figures(figures)
    published = {a.id: a.published for a in cleaned}
    return Facts(
        figures=tuple(figures),
        disagreements=find_disagreements(figures, published, settings.facts_tolerance, settings.facts_same_time_days),
        quotes=tuple(merge_quotes(quotes)),
        entities=merge_entities([a.id for a in cleaned], names),
        timeline=build_timeline(events),
        notes=(note,) if note else (),
    )


def merge_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """One Quote per quotation and speaker: the same words carried by several articles are merged,
    whatever their apostrophes, quotation marks or final stop ("can’t" and "can't" are one quote)."""
    return merge_mentions(quotes, lambda q: (_words_only(q.text), (q.speaker or "").lower()))


def _words_only(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower().replace("’", "'").replace("'", "")).split())
