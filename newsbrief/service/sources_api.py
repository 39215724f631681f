"""The followed sources through the API: list, add (a feed, or a page that announces one), remove.

Adding fetches the URL (politely, as following does) to find its feed: 201 when it is new, 200
when it was already followed (its interval set to `every` when given), 422 when no feed can be
found there."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field

from newsbrief.ingest.fetch import Fetcher
from newsbrief.output.sources import source_to_dict
from newsbrief.service.follow import SourceError, follow_url
from newsbrief.store.sources import list_sources, remove_source

router = APIRouter(prefix="/api", tags=["sources"])

SourceId = Annotated[int, Path(ge=1, le=2**31 - 1, description="A source id, as listed by GET /api/sources.")]


class SourceIn(BaseModel):
    url: str = Field(min_length=1, max_length=4000, description="A feed (RSS, Atom, JSON Feed), or a site's front page.")
    every: int | None = Field(None, ge=1, le=7 * 24 * 60,
                              description="Minutes between polls (set on a source already followed too); "
                                          "default: `follow_every` for a new one.")


@router.get("/sources", summary="The followed sources, with how their last poll went")
def get_sources(request: Request) -> dict:
    return {"sources": [source_to_dict(s) for s in list_sources(request.app.state.newsroom.store)]}


@router.post("/sources", status_code=201, summary="Follow a feed, or the feed a site's front page announces")
def post_source(request: Request, response: Response, body: Annotated[SourceIn, Body()]) -> dict:
    newsroom = request.app.state.newsroom
    if not body.url.strip().lower().startswith(("http://", "https://")):
        raise HTTPException(422, "url: give an http:// or https:// URL")
    with Fetcher(newsroom.settings) as fetcher:
        try:
            source, new = follow_url(newsroom.store, fetcher, body.url, body.every,
                                     default=newsroom.settings.follow_every)
        except SourceError as err:
            raise HTTPException(422, str(err)) from None
    if not new:
        response.status_code = 200
    return source_to_dict(source)


@router.delete("/sources/{source_id}", status_code=204, summary="Stop following a source (its articles stay)")
def delete_source(request: Request, source_id: SourceId) -> Response:
    if not remove_source(request.app.state.newsroom.store, source_id):
        raise HTTPException(404, f"no source {source_id}")
    return Response(status_code=204)
