"""The JSON API, under /api: articles in, stories and articles out."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsbrief.model import Article, Brief, Story
from newsbrief.service.ingest import ADDED, DUPLICATE, REJECTED, IngestResult
from newsbrief.store import StoredArticle, StoryRow

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
    from newsbrief.extract.html import extract_html as extract

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
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story_json(newsroom.store.story(story_id), story)


@router.get("/stories/{story_id}/new", summary="What is new in a story since a date")
def story_news(request: Request, story_id: StoryId,
               since: Annotated[date, Query(description="ISO date: summarize what was published after it.")]) -> dict:
    from newsbrief.stories import update_brief

    newsroom = _newsroom(request)
    story = newsroom.story(story_id, wait=True)  # what is new: the articles just stored included
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    later = [a.id for a in story.articles if a.published is None or a.published > since]
    brief = update_brief(story, since, newsroom.settings)
    return {"story_id": story_id, "since": since.isoformat(), "articles": later,
            "brief": brief_json(brief) if brief else None}


@router.get("/articles", summary="Search articles (every word in the title or text)")
def search_articles(request: Request, q: Annotated[str, Query(max_length=500, description="Words to look for.")] = "",
                    limit: Limit = 20, offset: Offset = 0) -> dict:
    total, rows = _newsroom(request).store.search(q, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "q": q,
            "articles": [article_json(r, text=False, q=q) for r in rows]}


@router.get("/articles/{article_id:path}", summary="One stored article, with its cleaned text")
def get_article(request: Request, article_id: ArticleId) -> dict:
    stored = _newsroom(request).store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article_json(stored, text=True)


# -- JSON shapes (shared with the web pages) ----------------------------------------------------

def story_summary(row: StoryRow) -> dict:
    return {"id": row.id, "label": row.label, "size": row.size, "outlets": list(row.outlets),
            "first": _iso(row.first), "last": _iso(row.last), "updated_at": _iso(row.updated_at)}


def story_json(row: StoryRow | None, story: Story) -> dict:
    out = story_summary(row) if row else {"id": story.id, "label": story.label}
    brief = story.brief
    by_id = {a.id: a for a in story.articles}
    out.update(
        brief=brief_json(brief) if brief else None,
        facts=facts_json(brief.facts) if brief is not None and brief.facts is not None else None,
        syndicated=[{"original": g.original, "copies": [
            {"id": c, "outlet": by_id[c].outlet, "title": by_id[c].title, "url": by_id[c].url} for c in g.copies]}
            for g in story.syndicated],
        timeline=[{"published": _iso(t.published), "article_id": t.article_id, "title": t.title, "outlet": t.outlet}
                  for t in story.timeline],
        # the brief's articles: fewer than `size` while the new brief of a story that just grew is built
        brief_articles=len(story.articles),
    )
    return out


def brief_json(brief: Brief) -> dict:
    from newsbrief.output.jsonout import brief_to_dict

    data = brief_to_dict(brief)
    also = {s.article_id: list(s.also_published_by) for s in brief.sources}
    for source in data["sources"]:
        source["also_published_by"] = also.get(source["id"], [])
        source.pop("removed", None)
    return data


def facts_json(facts) -> Any:
    for method in ("to_dict", "as_dict"):
        if callable(getattr(facts, method, None)):
            return _plain(getattr(facts, method)())
    if dataclasses.is_dataclass(facts):
        return _plain(dataclasses.asdict(facts))
    return None


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def article_json(stored: StoredArticle, *, text: bool, q: str = "") -> dict:
    a = stored.article
    out = {"id": a.id, "title": a.title, "outlet": a.outlet, "published": _iso(a.published), "url": a.url,
           "author": a.author, "language": a.language, "story_id": stored.story_id, "copy_of": stored.copy_of}
    if text:
        out["text"] = a.text
    else:
        out["snippet"] = snippet(a.text, q)
    return out


def snippet(text: str, q: str, width: int = 200) -> str:
    words = q.split()
    at = min((i for i in (text.lower().find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
