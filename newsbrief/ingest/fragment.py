"""An HTML fragment (a feed entry's content, a record's HTML body) -> plain text, one block a line.

Fragments are already the article, so nothing is pruned but scripts and styles: a whole
page goes through `html.extract_html` instead.
"""

from __future__ import annotations

from html import unescape

from lxml import etree
from lxml.html import fragment_fromstring

BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "aside", "hr",
}
SKIPPED = {"script", "style", "noscript", "template"}


def fragment_text(markup: str) -> str:
    """The text of `markup`: blocks and <br> become line breaks, runs of spaces one space."""
    if "<" not in markup:
        return _tidy(unescape(markup))
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(unescape(markup))
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts))


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED:
        parts.append(element.tail or "")
        return
    block = tag.lower() in BLOCKS
    if block:
        parts.append("\n")
    parts.append(element.text or "" if tag else "")
    for child in element:
        _walk(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
