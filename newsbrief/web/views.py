"""The web pages: the story list (/), a story (/stories/{id}), a source article (/articles/{id})
and article search (/search).

A citation marker [n] links to the cited article's page at the cited sentence
(`/articles/{id}?story=...&start=S&end=E#s-S`), where that sentence is highlighted. What a page
shows comes from `newsbrief.output` (`html`, `stories`), as the CLI's and the API's output does;
the pages read the app's `newsroom` (`newsbrief.service.app`), which mounts this router.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsbrief.output.articles import stored_article_to_dict
from newsbrief.output.html import citations, fact_lists, safe_url, segments, source_entries
from newsbrief.output.stories import correction_line, story_summary
from newsbrief.pipeline import article_sentences, update_brief
from newsbrief.web.templates import STYLE, render

router = APIRouter(include_in_schema=False)

PAGE = 20


@router.get("/static/style.css")
def stylesheet() -> Response:
    return Response(STYLE, media_type="text/css", headers={"cache-control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, q: Annotated[str, Query(max_length=500)] = "",
               outlet: Annotated[str, Query(max_length=500)] = "",
               since: Annotated[date | None, Query()] = None, until: Annotated[date | None, Query()] = None,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    store = request.app.state.newsroom.store
    total, rows = store.stories(limit=PAGE, offset=offset, since=since, until=until, outlet=outlet or None, q=q or None)
    params = {k: v for k, v in {"q": q, "outlet": outlet, "since": since or "", "until": until or ""}.items() if v}

    def page(at: int) -> str:
        return "/?" + urlencode({**params, **({"offset": at} if at else {})})

    return HTMLResponse(render(
        "stories.html", stories=[story_summary(r) for r in rows], total=total, offset=offset, q=q, outlet=outlet,
        since=since or "", until=until or "",
        prev_url=page(max(0, offset - PAGE)) if offset > 0 else None,
        next_url=page(offset + PAGE) if offset + PAGE < total else None))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, since: Annotated[date | None, Query()] = None) -> Response:
    newsroom = request.app.state.newsroom
    story = newsroom.story(story_id, wait=since is not None)  # "what's new" includes the latest articles
    row = newsroom.store.story(story_id)
    if story is None or row is None:
        into = newsroom.store.successor(story_id)
        if into:  # an editor merged or moved it away: its address leads to the story that holds its articles
            return RedirectResponse(f"/stories/{quote(into, safe='')}", status_code=301)
        raise HTTPException(404, f"no story with id {story_id!r}")
    brief = story.brief
    update = update_brief(story, since, newsroom.settings, cleaned=True) if since else None
    return HTMLResponse(render(
        "story.html", story=story, row=row, brief=brief, cites=citations(brief, story_id) if brief else [],
        facts=fact_lists(brief, newsroom.settings.facts_limit), sources=source_entries(brief, story), since=since,
        update=update, update_cites=citations(update, story_id) if update else [],
        corrections=[correction_line(c) for c in newsroom.store.corrections(story_id)]))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, story: Annotated[str, Query(max_length=200)] = "",
                 start: Annotated[int | None, Query(ge=0)] = None,
                 end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    newsroom = request.app.state.newsroom
    stored = newsroom.store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    story_row = newsroom.store.story(stored.story_id)
    a = stored.article
    return HTMLResponse(render(
        "article.html", article=a, story_id=stored.story_id, story_label=story_row.label if story_row else "Story",
        copy_of=stored.copy_of, safe_url=safe_url(a.url), segments=segments(a.text, article_sentences(a), start, end)))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """Articles with every word of `q` in the title or text (`Store.search`), each linking to its story."""
    store = request.app.state.newsroom.store
    total, rows = store.search(q, limit=PAGE, offset=offset) if q.strip() else (0, [])
    labels = {i: row.label for i in {r.story_id for r in rows} if (row := store.story(i)) is not None}

    def page(at: int) -> str:
        return "/search?" + urlencode({"q": q, **({"offset": at} if at else {})})

    return HTMLResponse(render(
        "search.html", q=q.strip(), total=total, offset=offset, labels=labels,
        results=[stored_article_to_dict(r, text=False, q=q) for r in rows],
        prev_url=page(max(0, offset - PAGE)) if offset > 0 else None,
        next_url=page(offset + PAGE) if offset + PAGE < total else None))


def error_page(status: int, message: str) -> str:
    return render("error.html", status=status, message=message)
