"""From grouped articles to `Story` objects: label, syndicated groups and timeline (the brief is
the pipeline's: `pipeline.brief_stories`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from newsbrief.clean.boilerplate import is_debris
from newsbrief.config import Settings
from newsbrief.model import Article, Story, SyndicatedGroup, TimelineEntry, in_canonical_order
from newsbrief.stories.profile import Profile
from newsbrief.stories.tracker import StoryState, StoryTracker

if TYPE_CHECKING:
    from datasketch import MinHash


def group_stories(articles: Sequence[Article], settings: Settings | None = None, *,
                  progress: Callable[[str], None] | None = None, profiles: Sequence[Profile] | None = None,
                  signatures: Sequence[MinHash] | None = None) -> list[Story]:
    """Group cleaned articles into stories (in publication order, undated last), without briefs.

    Stories come out largest first, then by their latest date. `progress` is told what is being
    done ("grouping 383 articles"), for a terminal's status line. `profiles`, `signatures`: the
    articles' own, in their order, computed ahead (`newsbrief.scale`): the same stories.
    """
    say = progress or (lambda message: None)
    settings = settings or Settings()
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or date.min))
    ordered = [articles[i] for i in order]
    say(f"grouping {len(ordered):,} articles into stories")
    tracker = StoryTracker(settings)
    tracker.add_many(ordered, profiles=None if profiles is None else [profiles[i] for i in order],
                     signatures=None if signatures is None else [signatures[i] for i in order])
    tracker.consolidate()
    by_id = {a.id: a for a in ordered}
    states = list(tracker.stories.values())
    stories = [build_story(state, by_id) for state in states]
    return sorted(stories, key=lambda s: (-len(s.articles), -(s.last_published or date.min).toordinal(), s.id))


def build_story(state: StoryState, articles_by_id: dict[str, Article]) -> Story:
    """The Story of a tracker's story, with its articles looked up by id."""
    articles = tuple(in_canonical_order(articles_by_id[i] for i in state.article_ids))
    groups = syndicated_groups(state)
    return Story(
        id=state.id,
        label=story_label(articles),
        articles=articles,
        syndicated=groups,
        timeline=timeline(articles),
    )


def syndicated_groups(state: StoryState) -> tuple[SyndicatedGroup, ...]:
    """Copies grouped under the first article they copy (a copy of a copy joins the same group)."""
    def root(article_id: str) -> str:
        while article_id in state.copy_of:
            article_id = state.copy_of[article_id]
        return article_id

    groups: dict[str, list[str]] = {}
    for copy in state.article_ids:
        if copy in state.copy_of:
            groups.setdefault(root(copy), []).append(copy)
    return tuple(SyndicatedGroup(original, tuple(copies)) for original, copies in groups.items())


def story_label(articles: Sequence[Article]) -> str:
    """A headline-like label: the most common title (the first in canonical order on ties), else the
    opening words of the first article in canonical order, from its first line that is not page
    furniture ("| Dec 30 2007 | | Make a Donation |" is no label)."""
    articles = in_canonical_order(articles)
    titles = [a.title.strip() for a in articles if a.title and a.title.strip() and not is_debris(a.title)]
    if titles:
        return max(titles, key=lambda t: (titles.count(t), -titles.index(t)))
    lines = [line for line in articles[0].text.splitlines() if _reads_as_prose(line)]
    words = (lines[0] if lines else articles[0].text).split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def _reads_as_prose(line: str) -> bool:
    """A line a label can open with: words, not a menu of "|"-separated items or a widget line."""
    letters = sum(ch.isalpha() or ch.isspace() for ch in line)
    return len(line.split()) >= 4 and line.count("|") < 2 and letters >= 0.8 * len(line) and not is_debris(line)


def timeline(articles: Sequence[Article]) -> tuple[TimelineEntry, ...]:
    """The story's articles in publication order (undated ones last, in arrival order)."""
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or date.min))
    return tuple(TimelineEntry(a.published, a.id, a.title, a.outlet) for a in ordered)
