"""A digest of what changed since a date: the new stories with their briefs, the updated ones with
what is new in them (`pipeline.update_brief`), as Markdown or as a self-contained HTML page.

The HTML is what a newsletter could send as is: no script, no stylesheet, image or font to
fetch (the styles are inline attributes, which mail readers keep), every text escaped. Its [n]
markers link to the story's numbered source list in the page, whose titles link to the
originals. `brief_html` and `sources_html` also make the content of the Atom feeds (`atom`),
with the markers linking to the served pages instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from html import escape

from newsbrief.model import Brief, Story
from newsbrief.output.html import citations, source_entries
from newsbrief.output.stories import date_span
from newsbrief.output.markdown import brief_to_markdown

Update = tuple[Story, Brief | None]  # an updated story and what is new in it (None: nothing the earlier articles did not say)

STYLES = {  # the HTML digest's look, as inline style attributes
    "body": "margin:0;padding:0;background:#f4f4f6;",
    "page": "max-width:40rem;margin:0 auto;padding:1rem 1.2rem 2rem;background:#ffffff;color:#1b1b1f;"
            "font:16px/1.55 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;",
    "h1": "font-size:1.5rem;line-height:1.25;margin:.6rem 0 .2rem;",
    "h2": "font-size:1.15rem;margin:1.8rem 0 .2rem;padding-top:.6rem;border-top:2px solid #1b1b1f;",
    "h3": "font-size:1.05rem;line-height:1.3;margin:1.4rem 0 .2rem;",
    "meta": "color:#5b5d66;font-size:.88rem;margin:.1rem 0 .4rem;",
    "p": "margin:.4rem 0;",
    "cite": "color:#0b57d0;font-size:.8em;text-decoration:none;vertical-align:super;line-height:0;margin-left:.1em;",
    "a": "color:#0b57d0;",
    "ol": "margin:.3rem 0 0;padding-left:1.6rem;color:#5b5d66;font-size:.88rem;",
    "li": "margin:.15rem 0;",
}


def digest_to_markdown(new: Sequence[Story], updated: Sequence[Update], since: date) -> str:
    lines = [f"# News since {since.isoformat()}", "", _counts(new, updated), ""]
    for kind, story, brief in _entries(new, updated):
        lines += [f"## {kind}: {story.label}", "", f"- {_about(story, since, kind)}", ""]
        if brief is None:
            lines += [_no_brief(kind), ""]
        else:  # the brief as `newsbrief brief` writes it, less its title line (the story's label is the heading)
            # and the sources' file paths, which name files on the machine that stored them
            without_paths = replace(brief, sources=tuple(replace(s, path=None) for s in brief.sources))
            body = brief_to_markdown(without_paths).split("\n", 2)[2]
            lines += ["###" + line[1:] if line.startswith("## ") else line for line in body.splitlines()]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def digest_to_html(new: Sequence[Story], updated: Sequence[Update], since: date) -> str:
    title = f"News since {since.isoformat()}"
    parts = [f"<h1{_style(STYLES, 'h1')}>{escape(title)}</h1>",
             f"<p{_style(STYLES, 'meta')}>{escape(_counts(new, updated))}</p>"]
    heading = None
    for number, (kind, story, brief) in enumerate(_entries(new, updated), start=1):
        if kind != heading:
            heading = kind
            parts.append(f"<h2{_style(STYLES, 'h2')}>{kind} stories</h2>")
        anchor = f"story-{number}"
        parts.append(f'<h3{_style(STYLES, "h3")} id="{anchor}">{escape(story.label)}</h3>')
        parts.append(f"<p{_style(STYLES, 'meta')}>{escape(_about(story, since, kind))}</p>")
        if brief is None:
            parts.append(f"<p{_style(STYLES, 'p')}>{escape(_no_brief(kind))}</p>")
            continue
        marks = [[{**c, "href": f"#{anchor}-{c['number']}"} for c in cites] for cites in citations(brief, story.id)]
        parts.append(brief_html(brief, marks, STYLES))
        parts.append(sources_html(source_entries(brief, story), anchor=lambda n, a=anchor: f"{a}-{n}", styles=STYLES))
    return ('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n</head>\n<body{_style(STYLES, 'body')}>\n"
            f"<div{_style(STYLES, 'page')}>\n" + "\n".join(parts) + "\n</div>\n</body>\n</html>\n")


def brief_html(brief: Brief, marks: Sequence[Sequence[dict]], styles: Mapping[str, str] | None = None) -> str:
    """The brief as one paragraph, each sentence followed by its [n] markers; `marks` are
    `output.html.citations(brief, ...)`, with the links the medium needs."""
    styles = styles or {}
    sentences = []
    for sentence, cites in zip(brief.sentences, marks):
        links = "".join(f'<a{_style(styles, "cite")} href="{escape(c["href"])}" title="{escape(c["title"])}">'
                        f'[{c["number"]}]</a>' for c in cites)
        sentences.append(escape(sentence.text) + links)
    return f"<p{_style(styles, 'p')}>" + " ".join(sentences) + "</p>"


def sources_html(entries: Sequence[dict], *, article_href: Callable[[str], str] | None = None,
                 anchor: Callable[[int], str] | None = None, styles: Mapping[str, str] | None = None) -> str:
    """The numbered sources (`output.html.source_entries`): title, outlet, date and the copies.
    A title links to `article_href(id)` (the served article page) when given, else to the original."""
    styles = styles or {}
    items = []
    for s in entries:
        href = article_href(s["id"]) if article_href else s["safe_url"]
        name = escape(s["title"] or s["id"])
        title = f'<a{_style(styles, "a")} href="{escape(href)}">{name}</a>' if href else name
        meta = [escape(s["outlet"] or "unknown outlet")]
        if s["published"]:
            meta.append(s["published"].isoformat())
        if article_href and s["safe_url"]:
            meta.append(f'<a{_style(styles, "a")} href="{escape(s["safe_url"])}">original</a>')
        if s["copies"]:
            meta.append("also published by " + escape(", ".join(c.outlet or c.id for c in s["copies"])))
        where = f' id="{anchor(s["number"])}"' if anchor else ""
        items.append(f'<li{_style(styles, "li")}{where} value="{s["number"]}">{title} · {" · ".join(meta)}</li>')
    return f"<ol{_style(styles, 'ol')}>" + "".join(items) + "</ol>"


def _entries(new: Sequence[Story], updated: Sequence[Update]):
    yield from (("New", story, story.brief) for story in new)
    yield from (("Updated", story, brief) for story, brief in updated)


def _counts(new: Sequence[Story], updated: Sequence[Update]) -> str:
    if not new and not updated:
        return "Nothing new: no article was published after that date."
    if new and updated:
        return f"{len(new)} new {_stories(len(new))} and {len(updated)} updated."
    count, kind = (len(new), "new") if new else (len(updated), "updated")
    return f"{count} {kind} {_stories(count)}."


def _stories(count: int) -> str:
    return "story" if count == 1 else "stories"


def _about(story: Story, since: date, kind: str) -> str:
    """`7 articles (3 new), 2016-12-01 to 2016-12-05, from AP, Reuters and 2 more outlets`."""
    n = len(story.articles)
    later = sum(1 for a in story.articles if a.published is None or a.published > since)
    count = f"{n} article{'s' if n != 1 else ''}" + (f" ({later} new)" if kind == "Updated" else "")
    span = date_span(story)
    outlets = story.outlets
    more = len(outlets) - 3
    named = ", ".join(outlets[:3]) + (f" and {more} more outlet{'s' if more != 1 else ''}" if more > 0 else "")
    return count + span + (f", from {named}" if outlets else "")


def _no_brief(kind: str) -> str:
    return ("The new articles repeat what the earlier ones said." if kind == "Updated"
            else "No brief: the articles have no sentence that fits.")


def _style(styles: Mapping[str, str], key: str) -> str:
    return f' style="{escape(styles[key])}"' if key in styles else ""
