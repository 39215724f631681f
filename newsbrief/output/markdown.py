"""The brief as Markdown (the summary with [n] citation markers, its facts, then the numbered
sources) and the facts document of `newsbrief facts`."""

from __future__ import annotations

from newsbrief.model import Article, Brief, Facts, Rejected, Source
from newsbrief.output.facts_markdown import facts_to_markdown


def brief_to_markdown(brief: Brief, explain: bool = False) -> str:
    lines = [f"# {brief.title or 'Brief'}", ""]
    for sentence in brief.sentences:
        markers = "".join(f"[{n}]" for n in brief.source_numbers(sentence))
        lines.append(f"{sentence.text} {markers}")
    if brief.facts is not None:
        numbers = {s.article_id: s.number for s in brief.sources}
        lines += ["", *facts_to_markdown(brief.facts, numbers, brief.settings.get("facts_limit"))]
        lines.pop()  # the facts end with a blank line; "## Sources" adds its own
    lines += ["", "## Sources", ""]
    lines += [f"{s.number}. {describe_source(s)}" for s in brief.sources]
    if explain:
        lines += ["", "## Removed as debris", ""]
        number = {s.article_id: s.number for s in brief.sources}
        removed = [(number[a.id], r) for a in brief.articles for r in a.removed]
        lines += [f"- [{n}] line {r.line_no} ({r.reason}): {_shorten(r.text)}" for n, r in removed] or ["(nothing)"]
    if brief.rejected:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {r}" for r in brief.rejected]
    return "\n".join(lines) + "\n"


def facts_document_markdown(facts: Facts, sources: list[Source], articles: list[Article],
                            rejected: list[Rejected]) -> str:
    """The output of `newsbrief facts`: every fact, then the numbered sources."""
    title = next((a.title for a in articles if a.title), None)
    numbers = {s.article_id: s.number for s in sources}
    lines = [f"# Facts: {title}" if title else "# Facts", ""]
    lines += facts_to_markdown(facts, numbers) or ["No figures, quotes, names or dates found.", ""]
    lines += ["## Sources", ""]
    lines += [f"{s.number}. {describe_source(s)}" for s in sources]
    if rejected:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {r}" for r in rejected]
    return "\n".join(lines) + "\n"


def describe_source(source: Source) -> str:
    """`outlet — "title" — date — url — file`, with whatever is known."""
    parts = []
    if source.outlet:
        parts.append(source.outlet)
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published:
        parts.append(source.published.isoformat())
    if source.url:
        parts.append(source.url)
    if source.path and source.path != source.url:
        parts.append(f"`{source.path}`")
    elif not parts:
        parts.append(f"`{source.article_id}`")
    if source.also_published_by:
        parts.append("also published by " + ", ".join(source.also_published_by))
    return " — ".join(parts)


def _shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
