"""Figures and past events whose sentence is not about the story: a sidebar's deal, another couple's marriage,
another attack in a list of past ones.

The story is the centroid of its articles' meaning (MiniLM over each article's opening, the
vectors that group stories); a figure whose sentence lies far from it (cosine below
`facts_aside_similarity`) is marked `aside` and is no key figure. Read on the review set:
below 0.2, 13 of the 50 figures judged about another event and 3 of the 245 others. A short
sentence leans on the one before it ("SANA put the figure at around 20,000.") and is never
marked: alone, it says too little to be compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsbrief.embed.contextual import load_contextual_embedder
from newsbrief.model import Article
from newsbrief.model.facts import Figure, TimelineEvent

ARTICLE_CHARS = 1200  # what the story grouping reads of each article
MIN_WORDS = 10  # shorter sentences are not compared


def mark_asides(figures: Sequence[Figure], articles: Sequence[Article], threshold: float,
                story: np.ndarray | None = None) -> list[Figure]:
    """`figures` with `aside` set on those that say what they count but are far from the story
    (`story`: its vector, `story_vector(articles)`, when the caller has it already)."""
    asked = sorted({f.sentence for f in figures if f.counts_something and len(f.sentence.split()) >= MIN_WORDS})
    if not asked or not articles or threshold <= 0:
        return list(figures)
    closeness = _closeness(asked, articles, story)
    return [replace(f, aside=True) if f.sentence in closeness and closeness[f.sentence] < threshold else f
            for f in figures]


def mark_aside_events(events: Sequence[TimelineEvent], articles: Sequence[Article], threshold: float,
                      story: np.ndarray | None = None) -> tuple[TimelineEvent, ...]:
    """`events` with `aside` set on the background ones (a past event the story recalls) whose
    sentence is far from the story: another couple's wedding, an earlier launch, a sidebar's year.

    The bar is higher than for figures (`facts_background_similarity`, 0.35): read on the review
    set, 8 of the 12 background lines judged about another event lie below it, and 3 of the 28
    judged fine. The story's own days are never marked."""
    asked = sorted({e.text for e in events if e.background})
    if not asked or not articles or threshold <= 0:
        return tuple(events)
    closeness = _closeness(asked, articles, story)
    return tuple(replace(e, aside=True) if e.background and closeness[e.text] < threshold else e for e in events)


def story_vector(articles: Sequence[Article]) -> np.ndarray:
    """The story's meaning: the unit centroid of its articles' openings."""
    story = load_contextual_embedder().encode([a.text[:ARTICLE_CHARS] for a in articles]).mean(axis=0)
    return story / (float(np.linalg.norm(story)) or 1.0)


def _closeness(sentences: list[str], articles: Sequence[Article], story: np.ndarray | None) -> dict[str, float]:
    """Cosine of each sentence to the story."""
    story = story_vector(articles) if story is None else story
    return dict(zip(sentences, (float(c) for c in load_contextual_embedder().encode(sentences) @ story)))
