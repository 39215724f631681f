"""From grouped articles to `Story` objects: label, syndicated groups, timeline and brief."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from newsbrief.clean.boilerplate import is_debris
from newsbrief.config import Settings
from newsbrief.errors import NothingToSummarize
from newsbrief.model import Article, Brief, Story, SyndicatedGroup, TimelineEntry, in_canonical_order
from newsbrief.stories.tracker import StoryState, StoryTracker


def group_stories(articles: Sequence[Article], settings: Settings | None = None, *, brief: bool = True,
                  progress: Callable[[str], None] | None = None) -> list[Story]:
    """Group cleaned articles into stories (in publication order, undated last) and brief each.

    Stories come out largest first, then by their latest date. `progress` is told what is being
    done ("grouping 383 articles", "briefing story 3 of 153"), for a terminal's status line.
    """
    say = progress or (lambda message: None)
    settings = settings or Settings()
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or date.min))
    say(f"grouping {len(ordered):,} articles into stories")
    tracker = StoryTracker(settings)
    tracker.add_many(ordered)
    tracker.consolidate()
    by_id = {a.id: a for a in ordered}
    states = list(tracker.stories.values())
    stories = []
    for number, state in enumerate(states, 1):
        if brief:
            say(f"briefing story {number:,} of {len(states):,}")
        stories.append(build_story(state, by_id, settings, brief=brief))
    return sorted(stories, key=lambda s: (-len(s.articles), -(s.last_published or date.min).toordinal(), s.id))


def build_story(state: StoryState, articles_by_id: dict[str, Article], settings: Settings, *, brief: bool = True) -> Story:
    """The Story of a tracker's story, with its articles looked up by id."""
    articles = tuple(in_canonical_order(articles_by_id[i] for i in state.article_ids))
    groups = syndicated_groups(state)
    return Story(
        id=state.id,
        label=story_label(articles),
        articles=articles,
        syndicated=groups,
        timeline=timeline(articles),
        brief=story_brief(articles, groups, settings) if brief else None,
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


def story_brief(articles: Sequence[Article], groups: Sequence[SyndicatedGroup], settings: Settings) -> Brief | None:
    """The brief of a story: each syndicated group is summarized once, as its original."""
    from newsbrief.pipeline import brief_articles

    copies = {c for g in groups for c in g.copies}
    by_id = {a.id: a for a in articles}
    also = {g.original: [by_id[c].outlet or by_id[c].id for c in g.copies] for g in groups}
    try:
        return brief_articles([a for a in articles if a.id not in copies], settings, copies=also)
    except NothingToSummarize:
        return None


def update_brief(story: Story, since: date | Brief, settings: Settings | None = None) -> Brief | None:
    """What is new in a story since a date or since an earlier brief: None when nothing is.

    Since a date: articles published after it are summarized, leaving out every sentence that
    the articles up to that date already carried. Since a brief: the articles it did not cover
    are summarized, leaving out what it and its articles said. The update is sentences only: the
    story's own brief carries the facts of all its articles, the new ones included.
    """
    from newsbrief.pipeline import brief_articles

    settings = (settings or Settings()).with_overrides(facts=False)
    if isinstance(since, Brief):
        seen = {a.id for a in since.articles} | {s.article_id for s in since.sources}
        earlier = [a for a in story.articles if a.id in seen]
        later = [a for a in story.articles if a.id not in seen]
        known = [s.text for s in since.sentences]
    else:
        earlier = [a for a in story.articles if a.published is not None and a.published <= since]
        later = [a for a in story.articles if a.published is None or a.published > since]
        known = []
    copies = {c for g in story.syndicated for c in g.copies}
    later = [a for a in later if a.id not in copies]
    if not later:
        return None
    known = known + [s.text for a in earlier for s in _sentences(a)]
    try:
        return brief_articles(later, settings, known=known)
    except NothingToSummarize:
        return None


def _sentences(article: Article):
    from newsbrief.clean.article import clean_article
    from newsbrief.segment.sentences import segment_article

    return segment_article(article if article.cleaned else clean_article(article))
