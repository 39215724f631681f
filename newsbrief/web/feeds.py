"""Atom feeds: the latest stories (/stories.atom) and one story (/stories/{id}.atom).

Included in the app before the web pages' router, whose `/stories/{story_id}` would otherwise
take `/stories/ID.atom` for a story id. Links in a feed are absolute, made from the request's
base URL (behind a proxy, run uvicorn with its proxy headers so that it is the public one).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from newsbrief.output.atom import MEDIA_TYPE, FeedEntry, stories_feed, story_feed
from newsbrief.pipeline import update_brief

router = APIRouter(include_in_schema=False)

FEED_STORIES = 20  # the latest stories in /stories.atom, as on the first page of /


@router.get("/stories.atom")
def latest_stories_feed(request: Request) -> Response:
    newsroom = request.app.state.newsroom
    _, rows = newsroom.store.stories(limit=FEED_STORIES)
    entries = [FeedEntry(row, story) for row in rows if (story := newsroom.story(row.id)) is not None]
    return Response(stories_feed(entries, str(request.base_url)), media_type=MEDIA_TYPE)


@router.get("/stories/{story_id}.atom")
def one_story_feed(request: Request, story_id: str) -> Response:
    """The story's latest version, with what its latest day of articles added (when it has an earlier day)."""
    newsroom = request.app.state.newsroom
    story = newsroom.story(story_id, wait=True)  # an entry names its version: it is built from the latest articles
    row = newsroom.store.story(story_id)
    if story is None or row is None:
        into = newsroom.store.successor(story_id)
        if into:  # merged or moved away by an editor: subscribers follow the story that holds its articles
            return RedirectResponse(f"/stories/{quote(into, safe='')}.atom", status_code=301)
        raise HTTPException(404, f"no story with id {story_id!r}")
    days = sorted({a.published for a in story.articles if a.published})
    since = days[-2] if len(days) > 1 else None
    news = update_brief(story, since, newsroom.settings, cleaned=True) if since else None
    return Response(story_feed(FeedEntry(row, story, news), str(request.base_url)), media_type=MEDIA_TYPE)
