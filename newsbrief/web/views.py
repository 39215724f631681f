"""The web pages: the story list (/), a story (/stories/{id}) and a source article (/articles/{id}).

A citation marker [n] links to the cited article's page at the cited sentence
(`/articles/{id}?story=...&start=S&end=E#s-S`), where that sentence is highlighted.
"""

from __future__ import annotations

import re

from datetime import date
from typing import Annotated
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsbrief.model import Brief
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
    from newsbrief.service.api import story_summary

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
def story_page(request: Request, story_id: str, since: Annotated[date | None, Query()] = None) -> HTMLResponse:
    from newsbrief.stories import update_brief

    newsroom = request.app.state.newsroom
    story = newsroom.story(story_id, wait=since is not None)  # "what's new" includes the latest articles
    row = newsroom.store.story(story_id)
    if story is None or row is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    brief = story.brief
    by_id = {a.id: a for a in story.articles}
    copies = {g.original: [by_id[c] for c in g.copies] for g in story.syndicated}
    sources = []
    if brief is not None:
        for s in brief.sources:
            sources.append({"number": s.number, "id": s.article_id, "title": s.title, "outlet": s.outlet,
                            "published": s.published, "safe_url": safe_url(s.url),
                            "copies": copies.get(s.article_id, [])})
    update = update_brief(story, since, newsroom.settings) if since else None
    return HTMLResponse(render(
        "story.html", story=story, row=row, brief=brief, cites=citations(brief, story_id) if brief else [],
        facts=fact_sections(brief, newsroom.settings.facts_limit), sources=sources, since=since,
        update=update, update_cites=citations(update, story_id) if update else []))


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
        copy_of=stored.copy_of, safe_url=safe_url(a.url), segments=segments(a.text, start, end)))


def citations(brief: Brief, story_id: str) -> list[list[dict]]:
    """For each brief sentence, its [n] markers with links to the cited sentence of each source."""
    number = {s.article_id: s.number for s in brief.sources}
    title = {s.article_id: f"{s.outlet or 'source'}: {s.title or s.article_id}" for s in brief.sources}
    out = []
    for sentence in brief.sentences:
        marks = {}
        for span in sentence.sources:
            if span.article_id in number and number[span.article_id] not in marks:
                query = urlencode({"story": story_id, "start": span.start, "end": span.end})
                marks[number[span.article_id]] = {
                    "number": number[span.article_id], "title": title[span.article_id],
                    "href": f"/articles/{quote(span.article_id, safe='')}?{query}#s-{span.start}"}
        out.append([marks[n] for n in sorted(marks)])
    return out


def segments(text: str, start: int | None, end: int | None) -> list[dict]:
    """The text cut at sentence starts (each an anchor `s-START`), the cited span its own segment."""
    from newsbrief.segment.sentences import split_sentences

    anchors = {s for s, _ in split_sentences(text)}
    cuts = {0, len(text)} | anchors
    cited = start is not None and end is not None and 0 <= start < end <= len(text)
    if cited:
        cuts |= {start, end}
        anchors.add(start)
    cuts = sorted(cuts)
    return [{"start": a, "text": text[a:b], "anchor": a in anchors, "cited": cited and a == start}
            for a, b in zip(cuts, cuts[1:]) if b > a]


def fact_sections(brief, limit: int) -> list[dict]:
    """The brief's facts in the Markdown brief's words and order (`output.facts_markdown`), at most
    `limit` items a section, as plain lines for the page."""
    if brief is None or brief.facts is None:
        return []
    from newsbrief.output.facts_markdown import fact_sections as sections

    numbers = {s.article_id: s.number for s in brief.sources}
    return [{"key": re.sub(r"\W+", "-", heading.lower()), "title": heading,
             "items": [line.replace("**", "") for line in shown] + ([f"… and {more} more"] if more else [])}
            for heading, shown, more in sections(brief.facts, numbers, limit)]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s): a `javascript:` link in an article's metadata never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def error_page(status: int, message: str) -> str:
    return render("error.html", status=status, message=message)
