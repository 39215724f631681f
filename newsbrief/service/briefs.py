"""A stored story with its brief, built in one place for the server (`app.Newsroom`, which caches
it) and for the commands that read the store without a server (`newsbrief stories --db`,
`newsbrief digest`)."""

from __future__ import annotations

from newsbrief.config import Settings
from newsbrief.model import Story
from newsbrief.pipeline import with_brief
from newsbrief.store import Store
from newsbrief.stories import build_story
from newsbrief.stories.tracker import StoryState


def stored_story(store: Store, story_id: str, settings: Settings, *, last_seq: int | None = None,
                 brief: bool = True) -> Story:
    """The story from its stored articles (those up to `last_seq`: the version a cache key names),
    with its brief unless `brief=False`. The articles are stored cleaned, so they are not cleaned again."""
    stored = [s for s in store.story_articles(story_id) if last_seq is None or s.seq <= last_seq]
    dates = [s.article.published for s in stored if s.article.published]
    state = StoryState(story_id, [s.article.id for s in stored],
                       {s.article.id: s.copy_of for s in stored if s.copy_of},
                       min(dates, default=None), max(dates, default=None))
    story = build_story(state, {s.article.id: s.article for s in stored})
    return with_brief(story, settings, cleaned=True) if brief else story
