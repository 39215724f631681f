"""What the web pages show of a brief, a story and an article, as plain values for the templates.

The words come from the same serializers as the CLI's and the API's: the facts are
`facts_markdown.fact_sections` (the Markdown brief's sections, words and order), the story list
entries `stories.story_summary`. The templates (`newsbrief.web.templates`) only lay them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote, urlencode, urlsplit

from newsbrief.model import Brief, Sentence, Source, Story
from newsbrief.output.facts_markdown import fact_sections


def citations(brief: Brief, story_id: str) -> list[list[dict]]:
    """For each brief sentence, its [n] markers with links to the cited sentence of each source
    (`/articles/{id}?story=...&start=S&end=E#s-S`, where the page highlights it)."""
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


def source_entries(brief: Brief | None, story: Story) -> list[dict]:
    """The numbered sources, each with its outlet, date, a safe link and the syndicated copies it
    stands for: the brief's, or without a brief the story's articles less their copies."""
    by_id = {a.id: a for a in story.articles}
    copies = {g.original: [by_id[c] for c in g.copies] for g in story.syndicated}
    copied = {c for g in story.syndicated for c in g.copies}
    sources = brief.sources if brief is not None else [
        Source(number=n, article_id=a.id, outlet=a.outlet, title=a.title, url=a.url, published=a.published)
        for n, a in enumerate((a for a in story.articles if a.id not in copied), start=1)]
    return [{"number": s.number, "id": s.article_id, "title": s.title, "outlet": s.outlet,
             "published": s.published, "safe_url": safe_url(s.url), "copies": copies.get(s.article_id, [])}
            for s in sources]


def fact_lists(brief: Brief | None, limit: int) -> list[dict]:
    """The brief's facts in the Markdown brief's words and order, at most `limit` items a section,
    as plain lines for the page."""
    if brief is None or brief.facts is None:
        return []
    numbers = {s.article_id: s.number for s in brief.sources}
    return [{"key": re.sub(r"\W+", "-", heading.lower()), "title": heading,
             "items": [line.replace("**", "") for line in shown] + ([f"… and {more} more"] if more else [])}
            for heading, shown, more in fact_sections(brief.facts, numbers, limit)]


def segments(text: str, sentences: Sequence[Sentence], start: int | None, end: int | None) -> list[dict]:
    """The text cut at sentence starts (each an anchor `s-START`), the cited span its own segment."""
    anchors = {s.start for s in sentences}
    cuts = {0, len(text)} | anchors
    cited = start is not None and end is not None and 0 <= start < end <= len(text)
    if cited:
        cuts |= {start, end}
        anchors.add(start)
    cuts = sorted(cuts)
    return [{"start": a, "text": text[a:b], "anchor": a in anchors, "cited": cited and a == start}
            for a, b in zip(cuts, cuts[1:]) if b > a]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s): a `javascript:` link in an article's metadata never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
