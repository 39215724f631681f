"""The main text of a parsed web page: trafilatura's extractor run as a cascade, then tidied.

Measured on the article-extraction benchmark (benchmarks/RESULTS.md), each stage only runs
when the previous one under-delivered:

1. trafilatura in precision mode (fast): link-dense blocks, teasers, "related" lists and
   trailing headings pruned hard; right for most news pages;
2. a short result means precision mode pruned part of the article, or the page hides it from
   the fast heuristics; then the balanced mode and the standard mode (which compares its
   result with trafilatura's readability and jusText fallbacks: slower, so only here) run too.
   Standard mode's text replaces precision mode's when precision kept less than
   PRECISION_SHARE of balanced mode's text, or when standard mode finds over GROWTH times as
   much (balanced fast mode alone often dumps the whole page when the article is short);
3. a table cell holding a whole article is page layout, not data: each mode re-reads the
   page with such tables turned into plain blocks when it meets one;
4. lines at the top that repeat the title are dropped: the title is metadata, not body text.

Text comes out one paragraph a line (list items as "- item", table rows as "| a | b |").
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy

from lxml.html import HtmlElement

SHORT_TEXT = 1000  # characters: below this, precision mode may have pruned the article
PRECISION_SHARE = 0.6  # precision mode's text must keep this share of balanced mode's
GROWTH = 2.0  # standard mode must find this many times more text to replace a short result
LAYOUT_CELL_WORDS = 300  # a table row with more words than this is a layout table
TITLE_WINDOW = 3  # the title is looked for among this many first lines

_KEY = re.compile(r"[\W_]+")

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # their warnings are not ours to print


def main_text(tree: HtmlElement, url: str | None = None, title: str | None = None) -> str:
    """The page's article text, one paragraph a line ('' when there is none)."""
    text = _cascade(tree, url)
    return drop_title_lines(text, title)


def _cascade(tree: HtmlElement, url: str | None) -> str:
    precise = _run(tree, url, precision=True)
    if len(precise) >= SHORT_TEXT:
        return precise
    balanced = _run(tree, url)
    standard = _run(tree, url, fast=False)
    if len(precise) < PRECISION_SHARE * len(balanced):
        return standard or balanced
    return standard if len(standard) > GROWTH * len(precise) else precise


def _run(tree: HtmlElement, url: str | None, *, precision: bool = False, fast: bool = True) -> str:
    """trafilatura's text in one mode; a page laid out with tables is re-read with them undone."""
    text = _trafilatura(tree, url, precision=precision, fast=fast)
    if has_layout_table(text):
        text = _trafilatura(without_layout_tables(tree), url, precision=precision, fast=fast) or text
    return text


def _trafilatura(tree: HtmlElement, url: str | None, *, precision: bool, fast: bool) -> str:
    from trafilatura import bare_extraction  # heavy: trafilatura loads slowly, only for web pages

    document = bare_extraction(tree, url=url, fast=fast, favor_precision=precision, include_comments=False,
                               include_tables=True)  # copies the tree: the caller's stays intact
    return (document.text if document is not None else "") or ""


def has_layout_table(text: str) -> bool:
    """Whether a table row of the text holds a whole article (tables used for page layout)."""
    return any(line.startswith("|") and line.count(" ") > LAYOUT_CELL_WORDS for line in text.splitlines())


def without_layout_tables(tree: HtmlElement) -> HtmlElement:
    """A copy of the page whose tables with an article-sized cell are plain <div>s (their cells too)."""
    tree = deepcopy(tree)
    for table in list(tree.iter("table")):
        cells = table.iter("td", "th")
        if any(len(cell.text_content().split()) > LAYOUT_CELL_WORDS for cell in cells):
            for element in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
                element.tag = "div"
    return tree


def drop_title_lines(text: str, title: str | None) -> str:
    """`text` without lines near its top that repeat `title` (exactly, or all but a few characters)."""
    wanted = _key(title)
    if not wanted:
        return text
    lines = text.split("\n")
    kept = [line for n, line in enumerate(lines) if n >= TITLE_WINDOW or not _same_title(_key(line), wanted)]
    return "\n".join(kept)


def _same_title(line: str, title: str) -> bool:
    if not line:
        return False
    if line == title:
        return True
    close_length = abs(len(line) - len(title)) < 0.3 * len(title)
    return len(line) > 20 and close_length and (line in title or title in line)


def _key(text: str | None) -> str:
    return _KEY.sub("", (text or "").lower())
