"""Corrections through the API: merge, split, move, delete (`newsbrief.stories.corrections`).

Each answers what it did; 404 for an unknown story or article, 422 for a correction that
cannot be made. The stories touched get their briefs built again in the background."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Request
from pydantic import BaseModel, Field

from newsbrief.output.stories import correction_to_dict
from newsbrief.service.api import ArticleId, StoryId
from newsbrief.stories.corrections import delete_articles, merge_stories, move_articles, split_story
from newsbrief.web.corrections import make_correction

router = APIRouter(prefix="/api", tags=["corrections"])

Ids = Annotated[list[Annotated[str, Field(min_length=1, max_length=512)]], Field(min_length=1, max_length=1000)]


class MergeIn(BaseModel):
    stories: Ids = Field(description="The stories to merge into this one.")


class SplitIn(BaseModel):
    articles: Ids = Field(description="The story's articles that make a new story of their own.")


class MoveIn(BaseModel):
    articles: Ids = Field(description="The articles to move (their syndicated copies go with them).")
    to: str | None = Field(None, max_length=200, description="The story they join; null: a new story.")


def corrected(request: Request, correct) -> dict:
    """Make one correction (`web.corrections.make_correction`), answer what it did."""
    done = make_correction(request, correct)
    return {"correction": done.seq, "kind": done.kind, "stories": list(done.stories), "articles": list(done.articles)}


@router.post("/stories/{story_id}/merge", summary="Merge other stories into this one")
def merge(request: Request, story_id: StoryId, body: Annotated[MergeIn, Body()]) -> dict:
    return corrected(request, lambda store, by: merge_stories(store, story_id, body.stories, by=by))


@router.post("/stories/{story_id}/split", summary="Make some of a story's articles a story of their own")
def split(request: Request, story_id: StoryId, body: Annotated[SplitIn, Body()]) -> dict:
    return corrected(request, lambda store, by: split_story(store, story_id, body.articles, by=by))


@router.post("/moves", summary="Move articles to another story, or to a new one")
def move(request: Request, body: Annotated[MoveIn, Body()]) -> dict:
    return corrected(request, lambda store, by: move_articles(store, body.articles, body.to, by=by))


@router.delete("/articles/{article_id:path}", summary="Delete an article for good")
def delete(request: Request, article_id: ArticleId) -> dict:
    return corrected(request, lambda store, by: delete_articles(store, [article_id], by=by))


@router.get("/stories/{story_id}/corrections", summary="The corrections made to a story")
def corrections(request: Request, story_id: StoryId) -> dict:
    store = request.app.state.newsroom.store
    made = store.corrections(story_id)  # a story merged away or emptied still lists what happened to it
    if not made and store.story(story_id) is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return {"story_id": story_id, "corrections": [correction_to_dict(c) for c in made]}
