"""Stories: group a stream of articles by event, collapse syndicated copies, follow updates.

    from newsbrief.stories import group_stories, similarity, StoryTracker, update_brief

The names are imported on first use, so `newsbrief --help` and `newsbrief brief` do not pay for
the grouping's dependencies (datasketch, scipy).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsbrief.config import Settings
    from newsbrief.model import Article
    from newsbrief.stories.story import build_story, group_stories, update_brief  # noqa: F401
    from newsbrief.stories.tracker import Assignment, StoryTracker  # noqa: F401

__all__ = ["Assignment", "StoryTracker", "build_story", "group_stories", "similarity", "update_brief"]

_HOMES = {"Assignment": "tracker", "StoryTracker": "tracker", "build_story": "story",
          "group_stories": "story", "update_brief": "story"}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"newsbrief.stories.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def similarity(article_a: Article, article_b: Article, settings: Settings | None = None) -> float:
    """P(the two articles report the same story), from the model the story grouping uses.

    Copies (near-identical texts) score 1.0. The articles' dates are not used here; the grouping
    applies its time window separately.
    """
    from newsbrief.config import Settings
    from newsbrief.stories.pairmodel import load_model, pair_features
    from newsbrief.stories.syndication import minhash
    from newsbrief.stories.tracker import default_profiler

    settings = settings or Settings()
    if minhash(article_a.text).jaccard(minhash(article_b.text)) >= settings.copy_threshold:
        return 1.0
    a, b = default_profiler().profiles([article_a, article_b])
    return float(load_model().probability(pair_features(a, b)[None, :])[0])
