"""The story page's correction forms (plain HTML forms: the pages run no script).

`POST /stories/{id}/articles` moves the ticked articles (to the story named, or a new one) or
deletes them; `POST /stories/{id}/merge` merges the stories named into this one. Each answers
303 to the page of the story that now holds the articles. Sign-in and the CSRF token are
checked before these run (`newsbrief.service.auth`); who signed in is recorded as `by`.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from newsbrief.stories.corrections import (Corrected, CorrectionError, delete_articles, merge_stories, move_articles,
                                           split_story)

router = APIRouter(include_in_schema=False)


def make_correction(request: Request, correct) -> Corrected:
    """Make one correction (`correct(store, by)`) for the page or the API: an unknown story or
    article is a 404, one that cannot be made a 422; the stories it touched get new briefs."""
    newsroom = request.app.state.newsroom
    try:
        done = correct(newsroom.store, getattr(request.state, "key_name", None))
    except CorrectionError as err:
        raise HTTPException(404 if err.missing else 422, str(err)) from None
    if newsroom.warmer:
        for story_id in done.stories:
            newsroom.warmer.want(story_id)
    return done


def _see(story_id: str) -> RedirectResponse:
    return RedirectResponse(f"/stories/{quote(story_id, safe='')}", status_code=303)


@router.post("/stories/{story_id}/articles")
def correct_articles(request: Request, story_id: str,
                     action: Annotated[str, Form(max_length=16)],
                     articles: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies form defaults
                     to: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    if not articles:
        raise HTTPException(422, "tick at least one article")
    to = to.strip()
    if action == "delete":
        make_correction(request, lambda store, by: delete_articles(store, articles, by=by))
        return _see(story_id) if request.app.state.newsroom.store.story(story_id) else RedirectResponse("/", status_code=303)
    if action != "move":
        raise HTTPException(422, f"unknown action {action!r}: move or delete")
    if to:
        done = make_correction(request, lambda store, by: move_articles(store, articles, to, by=by))
    else:
        done = make_correction(request, lambda store, by: split_story(store, story_id, articles, by=by))
    return _see(done.stories[-1])


@router.post("/stories/{story_id}/merge")
def merge(request: Request, story_id: str, stories: Annotated[str, Form(max_length=2000)]) -> RedirectResponse:
    others = stories.replace(",", " ").split()
    if not others:
        raise HTTPException(422, "name at least one story to merge")
    make_correction(request, lambda store, by: merge_stories(store, story_id, others, by=by))
    return _see(story_id)
