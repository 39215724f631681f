"""The JSON API, under /api: articles in, stories and articles out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsbrief.ingest.html import extract_html as extract
from newsbrief.model import Article
from newsbrief.output.articles import stored_article_to_dict
from newsbrief.output.jsonout import brief_to_dict
from newsbrief.output.stories import stored_story_to_dict, story_summary
from newsbrief.pipeline import update_brief
from newsbrief.service.ingest import ADDED, DUPLICATE, REJECTED, IngestResult

router = APIRouter(prefix="/api", tags=["api"])

MAX_BATCH = 1000
StoryId = Annotated[str, Path(max_length=200, description="A story id, as listed by GET /api/stories.")]
ArticleId = Annotated[str, Path(max_length=512, description="An article id.")]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1-100).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


class ArticleIn(BaseModel):
    """One article: its `text`, or the page's `html` to extract it from, and what is known about it."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    id: str | None = Field(None, max_length=512, description="Your id for it; default: a hash of the text.")
    text: str | None = Field(None, description="The article's text (plain).")
    html: str | None = Field(None, description="Or the article's web page, to extract the text from.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=500)
    author: str | None = Field(None, max_length=2000)
    published: date | datetime | None = Field(None, description="ISO date or date-time.")

    @field_validator("published", mode="before")
    @classmethod
    def _iso_string(cls, value):
        if value is not None and not isinstance(value, str):  # 5 would be read as 1970-01-01
            raise ValueError("give the date as an ISO string, such as 2024-03-05 or 2024-03-05T10:00:00Z")
        return value

    @field_validator("id")
    @classmethod
    def _plain_id(cls, value):
        if value is not None and any(ch in value for ch in "\n\r\t"):
            raise ValueError("an id cannot hold a line break or a tab")
        return value

    @model_validator(mode="after")
    def _has_text(self):
        if not (self.text or self.html):
            raise ValueError("the article has no text: give a non-empty `text` or `html`")
        if self.text and self.html:
            raise ValueError("give either `text` or `html`, not both")
        return self


def _newsroom(request: Request):
    return request.app.state.newsroom


@router.post("/articles", status_code=201, summary="Add articles (one object or a list)")
def post_articles(request: Request, response: Response,
                  payload: Annotated[ArticleIn | list[ArticleIn], Body()]) -> dict:
    """Store new articles and assign each to a story. Articles already stored (same id) are
    reported as `duplicate` and change nothing. One article: 201 when added, 200 when already
    stored, 422 when nothing is left of it; a list: 201 when any was added, else 200."""
    newsroom = _newsroom(request)
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise HTTPException(422, "the list of articles is empty")
    if len(items) > MAX_BATCH:
        raise HTTPException(422, f"too many articles in one request: at most {MAX_BATCH}")
    results = [_ingest(newsroom, item) for item in items]
    if newsroom.warmer and any(r.status == ADDED for r in results):
        newsroom.warmer.nudge()  # build the changed stories' briefs now, not at their first view
    if not isinstance(payload, list) and results[0].status == REJECTED:
        raise HTTPException(422, f"article rejected: {results[0].reason}")
    if not any(r.status == ADDED for r in results):
        response.status_code = 200
    return {"added": sum(r.status == ADDED for r in results),
            "duplicates": sum(r.status == DUPLICATE for r in results),
            "rejected": sum(r.status == REJECTED for r in results),
            "results": [_result_json(r) for r in results]}


def _ingest(newsroom, item: ArticleIn) -> IngestResult:
    settings = newsroom.settings
    published = item.published.date() if isinstance(item.published, datetime) else item.published
    text = item.text
    title, outlet, author = item.title, item.outlet, item.author
    if item.html is not None:
        extracted = extract_html(item.html, url=item.url, settings=settings)
        if isinstance(extracted, str):
            return IngestResult(item.id or "", REJECTED, reason=extracted)
        text = extracted.text
        title = title or extracted.title
        outlet = outlet or extracted.outlet
        author = author or extracted.author
        published = published or extracted.published
    if len(text) > settings.max_article_chars:
        return IngestResult(item.id or "", REJECTED,
                            reason=f"the article has {len(text):,} characters; the limit is {settings.max_article_chars:,}")
    # an article without an id gets a hash of its text (store_id hashes ids that are only a "path")
    article = Article(id=item.id or "api", text=text, title=title, url=item.url, outlet=outlet, published=published,
                      author=author, path=None if item.id else "api")
    return newsroom.ingestor.add(article)


def extract_html(html: str, *, url: str | None, settings) -> Article | str:
    """The article in a web page, or the reason there is none (a failing extractor is a reason too)."""
    result = extract(html, source="api", url=url, settings=settings)
    return result if isinstance(result, Article) else result.reason


def _result_json(r: IngestResult) -> dict:
    out: dict[str, Any] = {"id": r.id or None, "status": r.status}
    if r.status != REJECTED:
        out["story_id"] = r.story_id
    if r.status == ADDED:
        out.update(new_story=r.new_story, copy_of=r.copy_of)
    if r.reason:
        out["reason"] = r.reason
    if r.note:
        out["note"] = r.note
    return out


@router.get("/stories", summary="List stories, latest first")
def list_stories(request: Request, limit: Limit = 20, offset: Offset = 0,
                 since: Annotated[date | None, Query(description="Stories with an article published on or after this date.")] = None,
                 until: Annotated[date | None, Query(description="Stories with an article published on or before this date.")] = None,
                 outlet: Annotated[str | None, Query(max_length=500, description="Stories with an article from this outlet.")] = None,
                 q: Annotated[str | None, Query(max_length=500, description="Words in the story's label or an article title.")] = None) -> dict:
    if since and until and until < since:
        raise HTTPException(422, f"until ({until}) is before since ({since})")
    total, rows = _newsroom(request).store.stories(limit=limit, offset=offset, since=since, until=until,
                                                   outlet=outlet, q=q)
    return {"total": total, "limit": limit, "offset": offset, "stories": [story_summary(r) for r in rows]}


@router.get("/stories/{story_id}", summary="A story: brief, facts, sources, syndicated copies, timeline")
def get_story(request: Request, story_id: StoryId) -> dict:
    newsroom = _newsroom(request)
    story = newsroom.story(story_id)
    if story is None:
        into = newsroom.store.successor(story_id)
        raise HTTPException(404, f"story {story_id!r} is gone: its articles are in story {into!r}" if into
                            else f"no story with id {story_id!r}")
    return stored_story_to_dict(newsroom.store.story(story_id), story)


@router.get("/stories/{story_id}/new", summary="What is new in a story since a date")
def story_news(request: Request, story_id: StoryId,
               since: Annotated[date, Query(description="ISO date: summarize what was published after it.")]) -> dict:
    newsroom = _newsroom(request)
    story = newsroom.story(story_id, wait=True)  # what is new: the articles just stored included
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    later = [a.id for a in story.articles if a.published is None or a.published > since]
    brief = update_brief(story, since, newsroom.settings, cleaned=True)
    return {"story_id": story_id, "since": since.isoformat(), "articles": later,
            "brief": brief_to_dict(brief) if brief else None}


@router.get("/articles", summary="Search articles (every word in the title or text)")
def search_articles(request: Request, q: Annotated[str, Query(max_length=500, description="Words to look for.")] = "",
                    limit: Limit = 20, offset: Offset = 0) -> dict:
    total, rows = _newsroom(request).store.search(q, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "q": q,
            "articles": [stored_article_to_dict(r, text=False, q=q) for r in rows]}


@router.get("/articles/{article_id:path}", summary="One stored article, with its cleaned text")
def get_article(request: Request, article_id: ArticleId) -> dict:
    stored = _newsroom(request).store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return stored_article_to_dict(stored, text=True)
