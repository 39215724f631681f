"""Stories as Markdown (one section per story, its brief inside) or JSON (schema newsbrief.stories/1).

The API gives the same story object (`stored_story_to_dict`), with the stored story's listing
fields (`story_summary`) in front."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from newsbrief.model import Brief, Story
from newsbrief.output.jsonout import brief_to_dict
from newsbrief.output.markdown import brief_to_markdown

SCHEMA = "newsbrief.stories/1"


def stories_to_markdown(stories: Sequence[Story], updates: dict[str, Brief | None] | None = None,
                        since: date | None = None) -> str:
    lines = [f"# {len(stories)} {'story' if len(stories) == 1 else 'stories'}", ""]
    for number, story in enumerate(stories, start=1):
        lines += [f"## {number}. {story.label}", "", f"- {_size_and_dates(story)}"]
        if story.outlets:
            lines.append(f"- Outlets: {', '.join(story.outlets)}")
        for group in story.syndicated:
            lines.append(f"- Syndicated: `{group.original}` also run as {', '.join(f'`{c}`' for c in group.copies)}")
        lines.append("")
        if updates is not None and since is not None:
            update = updates.get(story.id)
            lines += [f"### New since {since.isoformat()}", ""]
            lines += [_demote(brief_to_markdown(update))] if update else ["(nothing new)", ""]
        if story.brief is not None:
            lines.append(_demote(brief_to_markdown(story.brief)))
    return "\n".join(lines).rstrip("\n") + "\n"


def stories_to_dict(stories: Sequence[Story], updates: dict[str, Brief | None] | None = None,
                    since: date | None = None) -> dict:
    return {
        "schema": SCHEMA,
        "since": since.isoformat() if since else None,
        "stories": [story_to_dict(s, updates) for s in stories],
    }


def stories_to_json(stories: Sequence[Story], updates=None, since: date | None = None) -> str:
    return json.dumps(stories_to_dict(stories, updates, since), ensure_ascii=False, indent=2)


def story_to_dict(story: Story, updates: dict[str, Brief | None] | None = None) -> dict:
    """One story: its articles, outlets, dates, syndicated groups, timeline and brief (`newsbrief.brief/1`)."""
    out = {
        "id": story.id,
        "label": story.label,
        "article_count": len(story.articles),
        "articles": [a.id for a in story.articles],
        "outlets": list(story.outlets),
        "first_published": _iso(story.first_published),
        "last_published": _iso(story.last_published),
        "syndicated": [{"original": g.original, "copies": list(g.copies)} for g in story.syndicated],
        "timeline": [{"published": _iso(e.published), "article": e.article_id, "title": e.title, "outlet": e.outlet}
                     for e in story.timeline],
        "brief": brief_to_dict(story.brief) if story.brief else None,
    }
    if updates is not None:
        update = updates.get(story.id)
        out["new_since"] = brief_to_dict(update) if update else None
    return out


def story_summary(row) -> dict:
    """A stored story's listing entry (`store.StoryRow`): GET /api/stories and the story list page."""
    return {"id": row.id, "label": row.label, "size": row.size, "outlets": list(row.outlets),
            "first": _iso(row.first), "last": _iso(row.last), "updated_at": _iso(row.updated_at)}


def correction_to_dict(correction) -> dict:
    """An editor's correction (`store.CorrectionRow`), as the API and the story page list it."""
    return {"seq": correction.seq, "kind": correction.kind, "story_id": correction.story_id,
            "other_id": correction.other_id, "articles": list(correction.article_ids), "by": correction.by,
            "made_at": correction.made_at.isoformat() if correction.made_at else None}


def correction_line(correction) -> str:
    """One line saying what a correction did, for people."""
    n = len(correction.article_ids)
    articles = f"{n} article{'s' if n != 1 else ''}"
    what = {"merge": f"story {correction.other_id} merged in ({articles})",
            "split": f"{articles} split off into story {correction.other_id}",
            "move": f"{articles} moved from story {correction.story_id} to story {correction.other_id}",
            "delete": f"article {correction.article_ids[0] if n else '?'} deleted"}.get(correction.kind, correction.kind)
    when = correction.made_at.strftime("%Y-%m-%d %H:%M UTC") if correction.made_at else ""
    return f"{when}: {what}" + (f" by {correction.by}" if correction.by else "")


def stored_story_to_dict(row, story: Story) -> dict:
    """GET /api/stories/{id}: the listing entry of the stored story (None: not stored yet), then the
    story as `newsbrief stories` gives it, then `brief_articles`: the articles the brief was built
    from (fewer than `size` while the new brief of a story that just grew is built)."""
    summary = story_summary(row) if row is not None else {"id": story.id, "label": story.label}
    return {**summary, **story_to_dict(story), "brief_articles": len(story.articles)}


def date_span(story: Story) -> str:
    """`, 2016-12-01 to 2016-12-05` (one day: `, 2016-12-01`; undated: empty), after a story's size."""
    first, last = story.first_published, story.last_published
    if first is None:
        return ""
    return f", {first.isoformat()}" + (f" to {last.isoformat()}" if last and last != first else "")


def _size_and_dates(story: Story) -> str:
    n = len(story.articles)
    return f"{n} article{'s' if n != 1 else ''}{date_span(story)}"


def _demote(markdown: str) -> str:
    """Nest a brief's headings under the story's heading."""
    return "\n".join("##" + line if line.startswith("#") else line for line in markdown.splitlines()) + "\n"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
