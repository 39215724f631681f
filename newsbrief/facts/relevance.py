"""Figures whose sentence is not about the story: a sidebar's deal, another couple's marriage,
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
from newsbrief.model.facts import Figure

ARTICLE_CHARS = 1200  # what the story grouping reads of each article
MIN_WORDS = 10  # shorter sentences are not compared


def mark_asides(figures: Sequence[Figure], articles: Sequence[Article], threshold: float) -> list[Figure]:
    """`figures` with `aside` set on those that say what they count but are far from the story."""
    asked = sorted({f.sentence for f in figures if f.counts_something and len(f.sentence.split()) >= MIN_WORDS})
    if not asked or not articles or threshold <= 0:
        return list(figures)
    embedder = load_contextual_embedder()
    story = embedder.encode([a.text[:ARTICLE_CHARS] for a in articles]).mean(axis=0)
    story /= float(np.linalg.norm(story)) or 1.0
    closeness = dict(zip(asked, embedder.encode(asked) @ story))
    return [replace(f, aside=True) if f.sentence in closeness and closeness[f.sentence] < threshold else f
            for f in figures]
