"""Stories: group a stream of articles by event, collapse syndicated copies, follow updates.

    from newsbrief.stories import group_stories, similarity, same_story, StoryTracker

Briefs of stories are the pipeline's (`pipeline.brief_stories`, `pipeline.update_brief`).

The names are imported on first use, so `newsbrief --help` and `newsbrief brief` do not pay for
the grouping's dependencies (datasketch, onnxruntime).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from newsbrief.clean.article import clean_article
from newsbrief.config import Settings
from newsbrief.model import Article

if TYPE_CHECKING:
    from newsbrief.stories.story import build_story, group_stories  # noqa: F401
    from newsbrief.stories.tracker import Assignment, StoryTracker  # noqa: F401

__all__ = ["Assignment", "StoryTracker", "build_story", "group_stories", "same_story", "similarity"]

_HOMES = {"Assignment": "tracker", "StoryTracker": "tracker", "build_story": "story", "group_stories": "story"}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"newsbrief.stories.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def similarity(article_a: Article, article_b: Article, settings: Settings | None = None) -> float:
    """How alike two articles are, from 0 (unrelated) to 1 (copies), by the model the grouping uses.

    The learned weighted mean of the cosines of their MiniLM embeddings and TF-IDF terms (and
    the share of names they have in common): graded, so it ranks pairs the way readers do.
    The grouping turns the same number into P(same story); `same_story` gives its verdict.
    Articles are compared as the grouping sees them, cleaned of debris first (two paywall stubs
    share their boilerplate, not their story). Copies (near-identical texts) score 1.0. Dates are
    not used: the grouping applies its time window separately.
    """
    return _pair_reading(article_a, article_b, settings)[0]


def same_story(article_a: Article, article_b: Article, settings: Settings | None = None) -> bool:
    """Whether the grouping would put the two articles in one story (dates aside)."""
    return _pair_reading(article_a, article_b, settings)[1]


def _pair_reading(article_a: Article, article_b: Article, settings: Settings | None) -> tuple[float, bool]:
    from newsbrief.stories.pairmodel import load_model, pair_features  # heavy: datasketch (scipy), onnxruntime
    from newsbrief.stories.syndication import minhash
    from newsbrief.stories.tracker import default_profiler

    settings = settings or Settings()
    article_a, article_b = clean_article(article_a), clean_article(article_b)  # idempotent
    if minhash(article_a.text).jaccard(minhash(article_b.text)) >= settings.copy_threshold:
        return 1.0, True
    model = load_model()
    a, b = default_profiler().profiles([article_a, article_b])
    features = pair_features(a, b)[None, :]
    threshold = model.threshold if settings.story_threshold is None else settings.story_threshold
    return float(model.similarity(features)[0]), bool(model.probability(features)[0] >= threshold)
